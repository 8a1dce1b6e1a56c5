/** `kesu backtest`'s report as lines: totals, a table per kind of change, the affected cases. */
import type { BacktestSummary, OutcomeDifference } from '../domain/backtest/index.ts';
import type { Lang } from '../domain/policy/format.ts';
import { sayBacktest as say } from './backtest-messages.ts';

const AFFECTED_SHOWN = 20;
const yuan = (amount: number) => amount.toLocaleString('en-US');
/** "1,500", or "1,000–1,900" for the amounts a row of the table saw. */
const amounts = (min: number, max: number) =>
  min === max ? yuan(min) : `${yuan(min)}–${yuan(max)}`;

function section(lang: Lang, title: Parameters<typeof say>[1], rows: string[]): string[] {
  return rows.length === 0 ? [] : [say(lang, title), ...rows.map((row) => `  ${row}`)];
}

function counted(lang: Lang, text: string, cases: number): string {
  return `${text}    ${say(lang, 'cases', cases)}`;
}

function refusedText(
  lang: Lang,
  row: { transition: string; from: string | null; to: string | null },
) {
  if (row.from === null) return say(lang, 'nowRefused', row.transition, row.to ?? '');
  if (row.to === null) return say(lang, 'noLongerRefused', row.transition, row.from);
  return say(lang, 'refusedOtherwise', row.transition, row.from, row.to);
}

/** One difference in a few words, for the list of affected cases. */
export function differenceText(d: OutcomeDifference): string {
  switch (d.kind) {
    case 'category':
      return `${d.dimension} ${d.from ?? '–'}→${d.to ?? '–'}`;
    case 'approvers':
      return [...d.removed.map((r) => `-${r}`), ...d.added.map((r) => `+${r}`)].join(' ');
    case 'clock':
      return `${d.clock} ${d.fromLate ? 'late' : 'ok'}→${d.toLate ? 'late' : 'ok'}`;
    case 'routing':
      return `→ ${d.to}`;
    case 'notifications':
      return [...d.removed.map((n) => `-${n}`), ...d.added.map((n) => `+${n}`)].join(' ');
    case 'refused':
      return `${d.transition} ${d.from ?? 'ok'}→${d.to ?? 'ok'}`;
    case 'state':
      return `${d.from}→${d.to}`;
    case 'intake':
      return `intake ${d.from ?? 'ok'}→${d.to ?? 'ok'}`;
  }
}

function tableLines(report: BacktestSummary, lang: Lang): string[] {
  const { tables } = report;
  const rule = (side: { rule: string | null; penaltyAmount: number | null }) =>
    side.rule === null
      ? say(lang, 'noRule')
      : `${side.rule}${side.penaltyAmount === null ? '' : ` (${yuan(side.penaltyAmount)})`}`;
  return [
    ...section(
      lang,
      'categories',
      tables.categories.map((r) =>
        counted(lang, `${r.dimension}: ${r.from ?? '–'} → ${r.to ?? '–'}`, r.cases),
      ),
    ),
    ...section(
      lang,
      'approvers',
      tables.approvers.map((r) =>
        say(
          lang,
          r.change === 'removed' ? 'approverRemoved' : 'approverAdded',
          r.cases,
          amounts(r.minAmount, r.maxAmount),
          r.role,
          r.fromRow || '–',
          r.toRow || '–',
        ),
      ),
    ),
    ...section(
      lang,
      'clocks',
      tables.clocks.map((r) =>
        say(lang, 'clockLine', r.clock, r.dueChanged, r.lateToOnTime, r.onTimeToLate),
      ),
    ),
    ...section(
      lang,
      'routing',
      tables.routing.map((r) =>
        counted(lang, `${r.from || say(lang, 'none')} → ${r.to || say(lang, 'none')}`, r.cases),
      ),
    ),
    ...section(
      lang,
      'notifications',
      tables.notifications.map((r) =>
        counted(
          lang,
          say(
            lang,
            r.change === 'added' ? 'notificationAdded' : 'notificationRemoved',
            r.notification,
          ),
          r.cases,
        ),
      ),
    ),
    ...section(
      lang,
      'refused',
      tables.refused.map((r) => counted(lang, refusedText(lang, r), r.cases)),
    ),
    ...section(
      lang,
      'states',
      tables.states.map((r) => counted(lang, `${r.from} → ${r.to}`, r.cases)),
    ),
    ...section(
      lang,
      'intake',
      tables.intake.map((r) => counted(lang, `${r.from ?? 'ok'} → ${r.to ?? 'ok'}`, r.cases)),
    ),
    ...section(
      lang,
      'assessment',
      tables.assessment.map((r) =>
        say(lang, 'assessmentLine', r.person, r.month, rule(r.from), rule(r.to)),
      ),
    ),
  ];
}

/** The report's lines; `what` names the period or sample, `policy` the draft compared. */
export function formatBacktest(
  report: BacktestSummary,
  company: string,
  policy: string,
  lang: Lang,
): string[] {
  const { totals } = report;
  const scope = [
    report.period.from ? `${report.period.from} … ${report.period.to}` : say(lang, 'wholeHistory'),
    ...(report.sample !== undefined ? [say(lang, 'sample', report.sample)] : []),
  ].join(', ');
  const lines = [
    say(lang, 'heading', company, scope, policy),
    say(
      lang,
      'totals',
      totals.replayed,
      totals.changed,
      totals.unchanged,
      totals.errors,
      report.versions.join(', ') || say(lang, 'none'),
    ),
    ...tableLines(report, lang),
  ];
  if (totals.changed === 0) lines.push(say(lang, 'noChanges'));
  const shown = report.affected.slice(0, AFFECTED_SHOWN);
  if (shown.length > 0) {
    lines.push(say(lang, 'affected', shown.length, totals.changed));
    for (const c of shown)
      lines.push(`  ${c.number}  ${c.receivedAt}  ${c.differences.map(differenceText).join('; ')}`);
  }
  if (report.errors.length > 0) {
    lines.push(say(lang, 'errors'));
    for (const e of report.errors) lines.push(`  ${e.number}  ${e.message}`);
  }
  return lines;
}
