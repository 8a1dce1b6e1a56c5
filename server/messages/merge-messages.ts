/** A template merge's conflicts in words, in zh-CN and en. */
import type { MergeConflict } from '../domain/policy/merge-template.ts';
import { isRecord } from '../domain/policy/overrides.ts';
import type { Lang } from '../domain/policy/format.ts';

const ABSENT = { 'zh-CN': '(无)', en: '(none)' };

function shown(value: unknown, lang: Lang): string {
  if (value === undefined) return ABSENT[lang];
  if (isRecord(value) && typeof value.amount === 'number' && typeof value.unit === 'string')
    return `${value.amount} ${value.unit}`;
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** A conflict in words: what the template changed, what the company has, and that the company's stays. */
export function describeConflict(conflict: MergeConflict, lang: Lang): string {
  const [base, template, company] = [conflict.base, conflict.template, conflict.company].map(
    (value) => shown(value, lang),
  );
  return lang === 'en'
    ? `${conflict.path}: the template changed ${base} → ${template}, the company has ${company}; the company's value is kept`
    : `${conflict.path}: 模板由 ${base} 改为 ${template}, 公司的值为 ${company}; 保留公司的值`;
}
