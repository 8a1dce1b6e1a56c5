/**
 * The approval matrix's problems in the administrator's words: row numbers instead of row ids, role
 * and category names instead of their ids, amounts in yuan. Other problems keep the check's message.
 */
import type { TFunction } from 'i18next';
import type { Policy, PolicyProblem } from '../../api/types.ts';
import { labelText } from '../../i18n/index.ts';
import { formatYuan } from './YuanInput.tsx';

export function approvalProblemText(
  problem: PolicyProblem,
  policy: Policy,
  lang: string,
  t: TFunction<'policy'>,
): string {
  const p = problem.params ?? {};
  const yuan = (v: unknown) => (typeof v === 'number' ? formatYuan(v, lang) : String(v));
  const role = (v: unknown) => labelText(policy.roles[String(v)]?.label, lang) || String(v);
  const categories =
    typeof p.categories === 'string' && p.categories
      ? t('approvalProblems.for', {
          categories: p.categories
            .split(', ')
            .map((pair) => {
              const [dimension = '', value = ''] = pair.split('=');
              const definition = policy.categories[dimension];
              const valueName =
                value === '(unset)'
                  ? t('approvalProblems.unset')
                  : labelText(definition?.values[value]?.label, lang) || value;
              return `${labelText(definition?.label, lang) || dimension}：${valueName}`;
            })
            .join('、'),
        })
      : '';
  switch (problem.code) {
    case 'band_overlap': {
      const index = policy.approvals.rows.findIndex((r) => r.id === p.other);
      return t('approvalProblems.overlap', {
        row: index >= 0 ? index + 1 : String(p.other),
        from: yuan(p.from),
        to: p.to === '∞' ? t('approvalProblems.infinity') : yuan(p.to),
        categories,
      });
    }
    case 'band_gap':
      return p.to === '∞'
        ? t('approvalProblems.gapAbove', { from: yuan(p.from), categories })
        : t('approvalProblems.gap', { from: yuan(p.from), to: yuan(p.to), categories });
    case 'authority_too_low':
      return p.max === '∞'
        ? t('approvalProblems.authorityNoMax', { role: role(p.role), limit: yuan(p.limit) })
        : t('approvalProblems.authority', {
            role: role(p.role),
            limit: yuan(p.limit),
            max: yuan(p.max),
          });
    case 'band_empty':
      return t('approvalProblems.empty', { min: yuan(p.min), max: yuan(p.max) });
    case 'unknown_role':
      return t('approvalProblems.unknownRole', { role: String(p.role) });
    default:
      return problem.message;
  }
}
