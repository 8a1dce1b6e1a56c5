/** A backtest's differences in words, for the affected-case list and its drill-down. */
import type { TFunction } from 'i18next';
import type { OutcomeDifference, Policy, ReplayOutcome } from '../../api/types.ts';
import { formatTime, labelText } from '../../i18n/index.ts';

/** A role's name in the language, or its id. */
export function roleName(policy: Policy, role: string, lang: string): string {
  return labelText(policy.roles[role]?.label, lang) || role;
}

/** An action's name (the transition's label) in the language, or its id. */
export function transitionName(policy: Policy, id: string, lang: string): string {
  return labelText(policy.workflow.transitions.find((tr) => tr.id === id)?.label, lang) || id;
}

/** A state's name in the language, or its id. */
export function stateName(policy: Policy, id: string, lang: string): string {
  return labelText(policy.workflow.states[id]?.label, lang) || id;
}

/** Why an action (or an intake) was refused, in words; null = it was allowed. */
export function refusalText(code: string | null, t: TFunction): string {
  if (code === null) return t('backtest.allowed');
  return t(`backtest.refusal.${code}`, { defaultValue: code });
}

/**
 * The matrix rows that chose a chain ("approvals/<row>", several joined by ", "): each by its note,
 * else its place in the draft's matrix ("row 2"); a row the draft no longer has keeps its id.
 */
export function matrixRowsText(source: string, policy: Policy, lang: string, t: TFunction): string {
  if (!source) return '–';
  const rows = policy.approvals.rows;
  return source
    .split(', ')
    .map((part) => {
      const id = part.startsWith('approvals/') ? part.slice('approvals/'.length) : part;
      const index = rows.findIndex((row) => row.id === id);
      if (index < 0) return id;
      return labelText(rows[index]?.note, lang) || t('backtest.row', { n: index + 1 });
    })
    .join(', ');
}

/** One difference in a few words (the list of affected cases). */
export function differenceSummary(
  d: OutcomeDifference,
  policy: Policy,
  lang: string,
  t: TFunction,
): string {
  const role = (r: string) => roleName(policy, r, lang);
  switch (d.kind) {
    case 'category':
      return `${d.dimension}: ${d.from ?? '–'} → ${d.to ?? '–'}`;
    case 'approvers':
      return [...d.removed.map((r) => `−${role(r)}`), ...d.added.map((r) => `+${role(r)}`)].join(
        ' ',
      );
    case 'clock':
      return `${d.clock}: ${d.fromDue ?? '–'} → ${d.toDue ?? '–'}`;
    case 'routing':
      return `→ ${d.to || '–'}`;
    case 'notifications':
      return [...d.removed.map((n) => `−${n}`), ...d.added.map((n) => `+${n}`)].join(' ');
    case 'refused':
      return `${transitionName(policy, d.transition, lang)}: ${refusalText(d.from, t)} → ${refusalText(d.to, t)}`;
    case 'state':
      return `${stateName(policy, d.from, lang)} → ${stateName(policy, d.to, lang)}`;
    case 'intake':
      return `${refusalText(d.from, t)} → ${refusalText(d.to, t)}`;
  }
}

/** One row of the drill-down: what differs, how it stood under each policy, and why. */
export type DetailRow = { what: string; before: string; after: string };

function chains(outcome: ReplayOutcome, policy: Policy, lang: string, t: TFunction): string {
  if (!('chains' in outcome)) return '–';
  return outcome.chains
    .map(
      (c) =>
        `${c.amount.toLocaleString(lang)}: ${c.roles.map((r) => roleName(policy, r, lang)).join(' → ')} (${matrixRowsText(c.row, policy, lang, t)})`,
    )
    .join('; ');
}

/** The drill-down rows of an affected case. */
export function detailRows(
  differences: OutcomeDifference[],
  before: ReplayOutcome,
  after: ReplayOutcome,
  policy: Policy,
  lang: string,
  t: TFunction,
): DetailRow[] {
  const why = (text: string, source: string) =>
    source ? `${text} — ${t('backtest.decidedBy', { source })}` : text;
  const late = (value: boolean | null) =>
    value === null ? '' : ` (${value ? t('backtest.late') : t('backtest.onTime')})`;
  return differences.map((d): DetailRow => {
    switch (d.kind) {
      case 'category':
        return {
          what: d.dimension,
          before: why(d.from ?? '–', d.fromSource),
          after: why(d.to ?? '–', d.toSource),
        };
      case 'approvers':
        return {
          what: t('backtest.approvers'),
          before: chains(before, policy, lang, t),
          after: chains(after, policy, lang, t),
        };
      case 'clock':
        return {
          what: d.clock,
          before: why(`${d.fromDue ?? '–'}${late(d.fromLate)}`, d.fromSource),
          after: why(`${d.toDue ?? '–'}${late(d.toLate)}`, d.toSource),
        };
      case 'routing':
        return { what: t('backtest.routing'), before: d.from || '–', after: d.to || '–' };
      case 'notifications':
        return {
          what: t('backtest.notifications'),
          before: d.removed.join(', ') || '–',
          after: d.added.join(', ') || '–',
        };
      case 'refused':
        return {
          what: `${transitionName(policy, d.transition, lang)} ${formatTime(d.at, lang, policy.timeZone)}`,
          before: refusalText(d.from, t),
          after: refusalText(d.to, t),
        };
      case 'state':
        return {
          what: t('backtest.states'),
          before: stateName(policy, d.from, lang),
          after: stateName(policy, d.to, lang),
        };
      case 'intake':
        return {
          what: t('backtest.intake'),
          before: refusalText(d.from, t),
          after: refusalText(d.to, t),
        };
    }
  });
}
