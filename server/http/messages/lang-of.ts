/** The caller's language, from the Accept-Language header. */
import type { Lang } from '../../domain/policy/format.ts';

/** The language from Accept-Language: English when it prefers en, otherwise Chinese. */
export function langOf(acceptLanguage: string | undefined): Lang {
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}
