/** A backtest's differences in words, for the affected-case list and its drill-down. */
import type { TFunction } from 'i18next';
import type { OutcomeDifference, Policy, ReplayOutcome } from '../../api/types.ts';
import { labelText } from '../../i18n/index.ts';

/** A role's name in the language, or its id. */
export function roleName(policy: Policy, role: string, lang: string): string {
  return labelText(policy.roles[role]?.label, lang) || role;
}

/** One difference in a few words (the list of affected cases). */
export function differenceSummary(d: OutcomeDifference, policy: Policy, lang: string): string {
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
      return `${d.transition}: ${d.from ?? 'ok'} → ${d.to ?? 'ok'}`;
    case 'state':
      return `${d.from} → ${d.to}`;
    case 'intake':
      return `${d.from ?? 'ok'} → ${d.to ?? 'ok'}`;
  }
}

/** One row of the drill-down: what differs, how it stood under each policy, and why. */
export type DetailRow = { what: string; before: string; after: string };

function chains(outcome: ReplayOutcome, policy: Policy, lang: string): string {
  if (!('chains' in outcome)) return '–';
  return outcome.chains
    .map(
      (c) => `${c.amount}: ${c.roles.map((r) => roleName(policy, r, lang)).join(' → ')} (${c.row})`,
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
          before: chains(before, policy, lang),
          after: chains(after, policy, lang),
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
        return { what: `${d.transition} ${d.at}`, before: d.from ?? 'ok', after: d.to ?? 'ok' };
      case 'state':
        return { what: t('backtest.states'), before: d.from, after: d.to };
      case 'intake':
        return { what: t('backtest.intake'), before: d.from ?? 'ok', after: d.to ?? 'ok' };
    }
  });
}
