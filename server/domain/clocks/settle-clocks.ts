/**
 * What a case's clocks owe to the step that just changed it: table-chosen durations follow the
 * categories they read, and a clock stopped past an escalation's moment records the level as
 * missed — breach is a fact of the stop time against the due time, whatever the sweep saw.
 */
import { applyDecisions, type Applied } from '../case/apply-decisions.ts';
import { caseFacts } from '../case/case-facts.ts';
import type {
  Case,
  CaseEvent,
  ClockDurationChange,
  ClockState,
  Decision,
  DecisionSource,
} from '../case/case.ts';
import { DomainError } from '../errors.ts';
import type { ClockDefinition, Duration, Policy } from '../policy/format.ts';
import { withEntry } from '../records.ts';
import { evaluateRuleSetsNow } from '../rules/evaluate-rules.ts';
import { formatInstant, parseInstant } from '../time/time.ts';
import { clockMoments } from './clock-moments.ts';
import { scheduleClocks } from './clock-schedule.ts';
import { clockDefinition, resolveClockDuration } from './clocks.ts';
import { runEscalationAction } from './escalation-actions.ts';

const sameSource = (a?: DecisionSource, b?: DecisionSource) =>
  a?.kind === 'table' && b?.kind === 'table' ? a.table === b.table && a.row === b.row : a === b;

const sameDuration = (a: Duration, b: Duration) => a.amount === b.amount && a.unit === b.unit;

/** The duration for the categories now, or null when the table has no row for them (kept as it was). */
function currentDuration(policy: Policy, definition: ClockDefinition, current: Case) {
  try {
    return resolveClockDuration(policy, definition, current.categories);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'unknown_clock') return null;
    throw error;
  }
}

/** The latest change of a category the clock's duration table reads. */
function reasonOf(policy: Policy, table: string, current: Case) {
  const rows = policy.durationTables?.[table]?.rows ?? [];
  const read = new Set(rows.flatMap((row) => Object.keys(row.when ?? {})));
  return current.categoryHistory.findLast((change) => read.has(change.dimension));
}

/**
 * Running and paused clocks whose duration a table chose, worked out again from their start when
 * the case's categories now choose another row; each change kept on the clock with its reason.
 */
export function followDurationTables(policy: Policy, current: Case, at: string): Applied {
  let clocks = current.clocks;
  const events: CaseEvent[] = [];
  for (const [id, clock] of Object.entries(current.clocks)) {
    const definition = policy.clocks[id];
    if (clock.status === 'stopped' || !definition || !('table' in definition.duration)) continue;
    const chosen = currentDuration(policy, definition, current);
    if (!chosen || sameSource(chosen.source, clock.durationSource)) continue;
    // Another row with the same duration changes no due time: only the row it reads is updated.
    if (sameDuration(chosen.duration, clock.duration)) {
      if (!clock.durationSource) continue;
      const { durationSource: _row, ...kept } = clock;
      const updated = chosen.source ? { ...kept, durationSource: chosen.source } : kept;
      clocks = withEntry(clocks, id, updated);
      continue;
    }
    const reason = reasonOf(policy, definition.duration.table, current);
    const change: ClockDurationChange = {
      at,
      from: {
        duration: clock.duration,
        ...(clock.durationSource ? { source: clock.durationSource } : {}),
      },
      to: { duration: chosen.duration, ...(chosen.source ? { source: chosen.source } : {}) },
      ...(reason ? { reason } : {}),
    };
    const { schedule: _dropped, durationSource: _old, ...rest } = clock;
    const next: ClockState = {
      ...rest,
      duration: chosen.duration,
      ...(chosen.source ? { durationSource: chosen.source } : {}),
      durationChanges: [...(clock.durationChanges ?? []), change],
    };
    clocks = withEntry(clocks, id, next);
    events.push({ type: 'clockDurationChanged', at, data: { clock: id, ...change } });
  }
  return { case: clocks === current.clocks ? current : { ...current, clocks }, events };
}

/**
 * Categories set outside an action (an imported record's, a replayed reclassification): the
 * durations that read them follow, and the running clocks are scheduled again.
 */
export function followCategories(policy: Policy, current: Case, at: string): Applied {
  const followed = followDurationTables(policy, current, at);
  return { case: scheduleClocks(policy, followed.case), events: followed.events };
}

/**
 * For each clock stopped at `at`, the escalation levels whose moment had passed that no sweep
 * raised: recorded as missed with their moment. Their category raises still apply (what the case
 * is counted as — a late ticket — must not depend on the sweep's timing); their reminders,
 * notifications and reassignments do not, the clock having stopped.
 */
export function recordMissedEscalations(policy: Policy, current: Case, at: string): Applied {
  let next = current;
  const events: CaseEvent[] = [];
  for (const [id, clock] of Object.entries(current.clocks)) {
    if (clock.status !== 'stopped' || clock.stoppedAt !== at || clock.missedEscalations) continue;
    if (!policy.clocks[id]) continue;
    const { definition, calendar } = clockDefinition(policy, id);
    const stopMs = parseInstant(at);
    const moments = clockMoments(policy, clock, stopMs);
    const levels = (definition.escalations ?? []).filter((level) => {
      const moment = moments.escalations.get(level.level);
      // Stopped exactly at the moment is on time, as the report's timely rate counts it.
      return !clock.escalated.includes(level.level) && moment !== undefined && moment < stopMs;
    });
    if (levels.length === 0) continue;
    const due = formatInstant(moments.dueMs, calendar.timeZone);
    const missed = levels.map((level) => ({
      level: level.level,
      at: formatInstant(moments.escalations.get(level.level)!, calendar.timeZone),
    }));
    for (const [index, level] of levels.entries()) {
      events.push({
        type: 'clockEscalationMissed',
        at,
        data: { clock: id, level: level.level, missedAt: missed[index]!.at, due },
      });
      for (const action of level.actions) {
        if (action.type !== 'raiseSeverity') continue;
        const reason = `${id}:escalation:${level.level}`;
        const applied = runEscalationAction(policy, next, action, at, reason);
        next = applied.case;
        events.push(...applied.events);
      }
    }
    const stopped = next.clocks[id] ?? clock;
    next = {
      ...next,
      clocks: withEntry(next.clocks, id, { ...stopped, missedEscalations: missed }),
    };
  }
  return { case: next, events };
}

/**
 * Settles the clocks after a step at `at`: durations follow the categories, missed escalations are
 * recorded (and when they raised a category, the "always" rules run as after any action), and
 * every running clock is scheduled.
 */
export async function settleClocks(policy: Policy, current: Case, at: string): Promise<Applied> {
  return settleClocksNow(policy, current, at);
}

/**
 * settleClocks, answered at once unless a missed escalation raised a category and a rule set then
 * runs on json-rules-engine (an action then waits for no promise of its own).
 */
export function settleClocksNow(
  policy: Policy,
  current: Case,
  at: string,
): Applied | Promise<Applied> {
  const followed = followDurationTables(policy, current, at);
  const missed = recordMissedEscalations(policy, followed.case, at);
  const events = [...followed.events, ...missed.events];
  const next = missed.case;
  if (!missed.events.some((event) => event.type === 'categorySet'))
    return { case: scheduleClocks(policy, next), events };
  const decisions = evaluateRuleSetsNow(policy.ruleSets, caseFacts(next), { at, on: 'always' });
  const settle = (made: Decision[]): Applied => {
    const decided = applyDecisions(policy, next, made);
    const refollowed = followDurationTables(policy, decided.case, at);
    const remissed = recordMissedEscalations(policy, refollowed.case, at);
    events.push(...decided.events, ...refollowed.events, ...remissed.events);
    return { case: scheduleClocks(policy, remissed.case), events };
  };
  return decisions instanceof Promise ? decisions.then(settle) : settle(decisions);
}
