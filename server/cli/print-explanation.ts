/** Writes `kesu explain` output: decisions with their reasons, approver chain, clocks with intervals. */
import type { DecisionSource } from '../domain/case/case.ts';
import type { CaseExplanation } from '../domain/case/explain-case.ts';
import type { Duration, Label, Lang, Policy } from '../domain/policy/format.ts';
import { addDaysToDate } from '../domain/time/time.ts';
import { isWorkingUnit } from '../domain/clocks/clocks.ts';
import { explainTrace } from '../domain/rules/evaluate-rules.ts';
import { say, type MessageKey } from './cli-messages.ts';
import { traceWords } from './trace-words.ts';

const STEP_STATUS: Record<string, MessageKey> = {
  pending: 'stepPending',
  approved: 'stepApproved',
  rejected: 'stepRejected',
};

/** The label in the language asked for, falling back to zh-CN. */
export function labelIn(label: Label | undefined, lang: Lang, fallback = ''): string {
  return label?.[lang] ?? label?.['zh-CN'] ?? fallback;
}

function sourceText(source: DecisionSource, lang: Lang): string {
  switch (source.kind) {
    case 'rule':
      return say(lang, 'fromRule', source.ruleSet, source.rule);
    case 'table':
      return say(lang, 'fromTable', source.table, source.row);
    case 'form':
      return say(lang, 'fromForm', source.field);
    case 'staff':
      return say(lang, 'fromStaff', source.user);
    case 'default':
      return say(lang, 'fromDefault', source.dimension);
  }
}

function time(iso: string): string {
  return iso.replace('T', ' ').replace(/:00([+-]\d\d:\d\d|Z)$/, '');
}

/** Groups the counted intervals by day: "2026-02-14 08:30–12:00, 13:00–17:30 (480 min)". */
function intervalLines(
  intervals: { from: string; to: string; minutes: number }[],
  lang: Lang,
): string[] {
  const days = new Map<string, { parts: string[]; minutes: number }>();
  for (const interval of intervals) {
    const day = interval.from.slice(0, 10);
    const entry = days.get(day) ?? { parts: [], minutes: 0 };
    const to = interval.to.slice(0, 10) === day ? interval.to.slice(11, 16) : time(interval.to);
    entry.parts.push(`${interval.from.slice(11, 16)}–${to}`);
    entry.minutes += interval.minutes;
    days.set(day, entry);
  }
  return [...days].map(
    ([day, entry]) =>
      `${day} ${entry.parts.join(', ')} (${say(lang, 'minutesShort', entry.minutes)})`,
  );
}

function categoryLines(policy: Policy, current: CaseExplanation['case'], lang: Lang): string[] {
  const lines = [say(lang, 'categories')];
  for (const [dimension, value] of Object.entries(current.categories)) {
    const definition = policy.categories[dimension];
    const change = [...current.categoryHistory].reverse().find((c) => c.dimension === dimension);
    const why = change ? ` ← ${sourceText(change.source, lang)}` : '';
    lines.push(
      `  ${labelIn(definition?.label, lang, dimension)}: ${labelIn(definition?.values[value]?.label, lang, value)} [${value}]${why}`,
    );
  }
  return lines;
}

function decisionLines(explanation: CaseExplanation, lang: Lang): string[] {
  const lines = [say(lang, 'decisions')];
  for (const decision of explanation.decisions) {
    lines.push(
      `  • ${decision.action.type} ${JSON.stringify(decision.action.params)} ← ${sourceText(decision.source, lang)}`,
    );
    const why =
      decision.source.kind === 'rule'
        ? explainTrace(decision.source.trace, traceWords(lang))
        : decision.why;
    for (const line of why) lines.push(`      ${line}`);
  }
  return lines;
}

function chainLines(policy: Policy, explanation: CaseExplanation, lang: Lang): string[] {
  const chain = explanation.approverChain;
  if (!chain) return [say(lang, 'noChain')];
  const basis = chain.basis === 'preview' ? say(lang, 'preview') : '';
  const amount = `${chain.amount} ${policy.approvals.currency}`;
  const lines = [say(lang, 'chain', amount, chain.row, basis)];
  chain.chain.forEach((step, index) => {
    const role = policy.roles[step.role];
    const limit =
      role?.authorityLimit === undefined ? say(lang, 'noLimit') : `< ${role.authorityLimit}`;
    lines.push(
      `  ${index + 1}. ${step.role} ${labelIn(role?.label, lang)} (${limit}) — ${say(lang, STEP_STATUS[step.status] ?? 'stepPending')}`,
    );
  });
  return lines;
}

/** The explanation as lines of text. */
export function formatExplanation(
  policy: Policy,
  explanation: CaseExplanation,
  lang: Lang,
): string[] {
  const current = explanation.case;
  const state = policy.workflow.states[current.state];
  return [
    say(lang, 'caseState', `${current.state} (${labelIn(state?.label, lang)})`),
    '',
    ...categoryLines(policy, current, lang),
    '',
    ...decisionLines(explanation, lang),
    '',
    ...chainLines(policy, explanation, lang),
    '',
    say(lang, 'clocks', time(explanation.at)),
    ...explanation.clocks.flatMap((clock) => clockLines(policy, clock, lang)),
  ];
}

type ClockExplanation = CaseExplanation['clocks'][number]['explanation'];
type Day = ClockExplanation['days'][number];

/** Consecutive days of the same kind and name, as one run ("2026-02-15 – 2026-02-23"). */
function dayRuns(
  days: Day[],
): { from: string; to: string; kind: Day['kind']; name: Day['name'] }[] {
  const runs: { from: string; to: string; kind: Day['kind']; name: Day['name'] }[] = [];
  for (const day of days) {
    const last = runs[runs.length - 1];
    if (
      last &&
      addDaysToDate(last.to, 1) === day.date &&
      last.kind === day.kind &&
      last.name['zh-CN'] === day.name['zh-CN']
    )
      last.to = day.date;
    else runs.push({ from: day.date, to: day.date, kind: day.kind, name: day.name });
  }
  return runs;
}

/** How the clock counted its time: the holidays and 调休 days it met, or that it ran in calendar time. */
function calendarLines(explanation: ClockExplanation, lang: Lang): string[] {
  if (!isWorkingUnit(explanation.duration.unit)) return [`    ${say(lang, 'calendarTime')}`];
  const lines: string[] = [];
  for (const run of dayRuns(explanation.days)) {
    const kind = run.kind === 'holiday' ? say(lang, 'holiday') : say(lang, 'makeUp');
    const dates = run.from === run.to ? run.from : `${run.from} – ${run.to}`;
    lines.push(`    ${dates} ${kind}: ${labelIn(run.name, lang)}`);
  }
  if (explanation.closeOf)
    lines.push(`    ${say(lang, 'closeOf', explanation.closeOf, explanation.duration.amount)}`);
  if (explanation.outsideCoverage) lines.push(`    ${say(lang, 'outside')}`);
  return lines;
}

function clockLines(
  policy: Policy,
  clock: CaseExplanation['clocks'][number],
  lang: Lang,
): string[] {
  const definition = policy.clocks[clock.id];
  const { explanation } = clock;
  const lines = [
    '  ' +
      say(
        lang,
        'clockLine',
        clock.id,
        labelIn(definition?.label, lang),
        say(lang, explanation.duration.unit, explanation.duration.amount) +
          (clock.durationSource ? ` ← ${sourceText(clock.durationSource, lang)}` : ''),
        time(explanation.due),
        say(lang, clock.status),
        Math.round(clock.elapsedMinutes),
        explanation.minutes,
        clock.overdue ? say(lang, 'overdue') : '',
      ),
    `    ${say(lang, 'counted')}`,
    ...intervalLines(explanation.intervals, lang).map((line) => `      ${line}`),
  ];
  if (explanation.pauses.length > 0) {
    lines.push(
      `    ${say(lang, 'pausedIntervals')}`,
      ...explanation.pauses.map(
        (p) => `      ${time(p.from)} – ${time(p.to)} (${say(lang, 'minutesShort', p.minutes)})`,
      ),
    );
  }
  lines.push(...calendarLines(explanation, lang), ...changeLines(policy, clock, lang));
  return lines;
}

/** A category value's label with its code: "Major [major]"; "—" for none. */
function valueLabel(policy: Policy, dimension: string, value: string | null, lang: Lang): string {
  if (value === null) return '—';
  return `${labelIn(policy.categories[dimension]?.values[value]?.label, lang, value)} [${value}]`;
}

/** The rows a category change chose instead, and the escalations the clock missed. */
function changeLines(
  policy: Policy,
  clock: CaseExplanation['clocks'][number],
  lang: Lang,
): string[] {
  const amount = (duration: Duration) => say(lang, duration.unit, duration.amount);
  const changes = (clock.durationChanges ?? []).map(({ at, from, to, reason }) =>
    say(
      lang,
      'durationChanged',
      time(at),
      amount(to.duration),
      amount(from.duration),
      reason ? labelIn(policy.categories[reason.dimension]?.label, lang, reason.dimension) : '',
      reason ? valueLabel(policy, reason.dimension, reason.from, lang) : '',
      reason ? valueLabel(policy, reason.dimension, reason.to, lang) : '',
      reason ? sourceText(reason.source, lang) : '',
    ),
  );
  const missed = (clock.missedEscalations ?? []).map(({ level, at }) =>
    say(lang, 'missedEscalation', level, time(at)),
  );
  return [...changes, ...missed].map((line) => `    ${line}`);
}
