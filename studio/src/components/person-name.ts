/**
 * A person's name as shown: the people the server creates itself on first start (the platform
 * administrator, the demo company's administrator) are stored under English names and shown in
 * the reader's language; everyone else by the name they were given.
 */
import i18next from 'i18next';

const BUILT_IN: Record<string, string> = {
  'Platform administrator': 'people.platformAdmin',
  'Demo administrator': 'people.demoAdmin',
};

/** The name in the reader's language (the built-in people translated, the rest as given). */
export function personName(name: string): string {
  const key = BUILT_IN[name];
  return key ? i18next.t(key, { ns: 'common' }) : name;
}
