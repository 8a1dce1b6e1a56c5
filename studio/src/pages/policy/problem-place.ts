/**
 * Where a problem of the policy check is, in the administrator's words: `/approvals/rows/2/max`
 * reads "核决权限 第 3 行 金额上限", `/clocks/reply/duration` "时限 答复时限 时长". Rows are
 * numbered from 1, named parts (states, clocks, roles, forms, categories) by their labels, fields
 * by their names; a part this does not know keeps its code.
 */
import type { TFunction } from 'i18next';
import type { Policy } from '../../api/types.ts';
import { labelText } from '../../i18n/index.ts';
import { sectionOf } from './editor.ts';

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The label, title or name a part of the policy carries, in the language. */
function nameOf(part: unknown, lang: string): string {
  if (!isRecord(part)) return '';
  for (const key of ['label', 'title', 'name'] as const) {
    const value = part[key];
    if (typeof value === 'string' && value) return value;
    if (isRecord(value)) return labelText(value as { 'zh-CN': string; en?: string }, lang);
  }
  return '';
}

/** The problem's place as words: the section, then each step of the path that names something. */
export function problemPlace(
  path: string,
  policy: Policy,
  lang: string,
  t: TFunction<'policy'>,
): string {
  const steps = path.split('/').filter(Boolean);
  const words = [t(`sections.${sectionOf(path)}`)];
  let node: unknown = policy;
  steps.forEach((raw, i) => {
    const step = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const parent = node;
    node = Array.isArray(parent)
      ? parent[Number(step)]
      : isRecord(parent)
        ? parent[step]
        : undefined;
    if (i === 0) return; // the section names it
    const named = nameOf(node, lang);
    if (Array.isArray(parent)) words.push(named || t('problemPlace.row', { n: Number(step) + 1 }));
    else if (named) words.push(named);
    else {
      const field = t(`problemPlace.fields.${step}`, { defaultValue: '' });
      // Containers ("rows", "values", "transitions") are said by what they hold.
      if (field !== '-') words.push(field || step);
    }
  });
  return words.join(' ');
}
