/** One-click repairs for the approval matrix's problems (核决权限). */
import type { TFunction } from 'i18next';
import type { Policy, PolicyProblem } from '../../api/types.ts';
import { labelText } from '../../i18n/index.ts';
import { restateBandNote } from './band-note.ts';
import { formatYuan } from './YuanInput.tsx';

/** A repair: its button text and what it does to the draft. */
export type QuickFix = { label: string; apply: (draft: Policy) => void };

type Context = { policy: Policy; lang: string; t: TFunction<'policy'> };

/** Sets row `index`'s lower bound to `amount` (and the band phrase of its note). */
function minFix(index: number, amount: number, { lang, t }: Context): QuickFix {
  return {
    label: t('approvals.fixMin', { n: index + 1, amount: formatYuan(amount, lang) }),
    apply: (d) => {
      const row = d.approvals.rows[index];
      if (!row) return;
      row.min = amount;
      const note = restateBandNote(row.note, row);
      if (note) row.note = note;
    },
  };
}

/** Raises `role`'s authority limit to `amount`. */
function limitFix(role: string, amount: number, { policy, lang, t }: Context): QuickFix {
  return {
    label: t('approvals.fixLimit', {
      role: labelText(policy.roles[role]?.label, lang) || role,
      amount: formatYuan(amount, lang),
    }),
    apply: (d) => {
      const definition = d.roles[role];
      if (definition) definition.authorityLimit = amount;
    },
  };
}

/**
 * The repairs for the usual consequences of moving a limit: the next band's lower bound (an
 * overlap or a gap) and the deciding role's authority (too low for the band).
 */
export function quickFixesFor(problem: PolicyProblem, context: Context): QuickFix[] {
  const p = problem.params ?? {};
  const rows = context.policy.approvals.rows;
  const at = /^\/approvals\/rows\/(\d+)/.exec(problem.path);
  const index = at ? Number(at[1]) : -1;
  if (problem.code === 'band_overlap') {
    const other = rows.find((r) => r.id === p.other);
    if (other?.max === undefined || index < 0) return [];
    return [minFix(index, other.max, context)];
  }
  if (problem.code === 'band_gap' && typeof p.from === 'number' && typeof p.to === 'number') {
    const next = rows.findIndex((r) => r.min === p.to);
    if (next < 0) return [];
    return [minFix(next, p.from, context)];
  }
  if (
    problem.code === 'authority_too_low' &&
    typeof p.max === 'number' &&
    typeof p.role === 'string'
  )
    return [limitFix(p.role, p.max, context)];
  return [];
}
