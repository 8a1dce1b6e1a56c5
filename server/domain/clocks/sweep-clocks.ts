/**
 * The clock sweep's domain half: which warnings and escalations a case's clocks have reached, each
 * applied exactly once per clock and level (催办 reminders, notifying a role, raising severity,
 * reassigning).
 */
import { applyDecisions, setCategory, type Applied } from '../case/apply-decisions.ts';
import { caseFacts } from '../case/case-facts.ts';
import { scheduleClocks } from './clock-schedule.ts';
import { evaluateRuleSets } from '../rules/evaluate-rules.ts';
import type { Case, CaseEvent, ClockState } from '../case/case.ts';
import { durationMinutes, elapsedMinutes } from '../time/calendar-duration.ts';
import { clockDefinition, isWorkingUnit, readClock, type ClockReading } from './clocks.ts';
import type { ClockLevel, EscalationAction, Policy } from '../policy/format.ts';
import { parseInstant } from '../time/time.ts';

function runAction(
  policy: Policy,
  current: Case,
  action: EscalationAction,
  at: string,
  reason: string,
): Applied {
  switch (action.type) {
    case 'remind':
    case 'notify': {
      const role = action.type === 'notify' ? action.role : (current.assignee.role ?? 'assignee');
      const notification = {
        role,
        ...(action.message ? { message: action.message } : {}),
        at,
        reason,
      };
      return {
        case: { ...current, notifications: [...current.notifications, notification] },
        events: [{ type: 'notified', at, data: { role, reason, kind: action.type } }],
      };
    }
    case 'reassign':
      return {
        case: { ...current, assignee: { role: action.role } },
        events: [{ type: 'assigned', at, data: { role: action.role, reason } }],
      };
    case 'raiseSeverity': {
      const dimension = policy.categories[action.dimension];
      const order = dimension?.order ?? Object.keys(dimension?.values ?? {});
      const currentValue = current.categories[action.dimension];
      const position = order.indexOf(currentValue ?? '');
      const target = action.to ?? order[Math.min(order.length - 1, position + 1)];
      // Escalation only ever raises: a target at or below the current level changes nothing.
      const next = target !== undefined && order.indexOf(target) > position ? target : undefined;
      if (!next) return { case: current, events: [] };
      return setCategory(
        current,
        action.dimension,
        next,
        { kind: 'rule', ruleSet: 'escalation', rule: reason, trace: null },
        at,
      );
    }
  }
}

function overdueIn(
  policy: Policy,
  clock: ClockState,
  reading: ClockReading,
  level: ClockLevel,
  nowMs: number,
): boolean {
  if (!reading.overdue) return false;
  if (!level.after) return true;
  const { calendar } = clockDefinition(policy, clock.id);
  const working = isWorkingUnit(level.after.unit);
  const pauses = clock.pauses.map((p) => ({
    from: parseInstant(p.from),
    to: p.to ? parseInstant(p.to) : nowMs,
  }));
  return (
    elapsedMinutes(calendar, reading.dueMs, nowMs, working, pauses) >=
    durationMinutes(calendar, reading.dueMs, level.after)
  );
}

/**
 * The levels not raised yet that `nowMs` has reached. A running clock's schedule already holds each
 * level's moment; a clock without one (paused) is read on its calendar.
 */
function reachedLevels(
  policy: Policy,
  clock: ClockState,
  nowMs: number,
): { warned: ClockLevel[]; escalated: ClockLevel[]; due: string } {
  const definition = policy.clocks[clock.id]!;
  const { schedule } = clock;
  if (schedule) {
    const reached = (marks: Record<string, string>, level: ClockLevel) => {
      const at = marks[String(level.level)];
      return at !== undefined && parseInstant(at) <= nowMs;
    };
    return {
      warned: (definition.warnings ?? []).filter(
        (l) => !clock.warned.includes(l.level) && reached(schedule.warnings, l),
      ),
      escalated: (definition.escalations ?? []).filter(
        (l) => !clock.escalated.includes(l.level) && reached(schedule.escalations, l),
      ),
      due: schedule.dueAt,
    };
  }
  const reading = readClock(policy, clock, nowMs);
  return {
    warned: (definition.warnings ?? []).filter(
      (l) => !clock.warned.includes(l.level) && reading.fraction >= (l.atFraction ?? 1),
    ),
    escalated: (definition.escalations ?? []).filter(
      (l) => !clock.escalated.includes(l.level) && overdueIn(policy, clock, reading, l, nowMs),
    ),
    due: reading.due,
  };
}

/**
 * Raises every warning and escalation reached by `now` that was not raised before; when that
 * changed a category (raiseSeverity), the policy's "always" rules run as after any action.
 */
export async function sweepCase(policy: Policy, current: Case, now: string): Promise<Applied> {
  const nowMs = parseInstant(now);
  let next = current;
  const events: CaseEvent[] = [];
  for (const clock of Object.values(current.clocks)) {
    if (clock.status === 'stopped' || !policy.clocks[clock.id]) continue;
    const { warned, escalated, due } = reachedLevels(policy, clock, nowMs);
    const raise = (levels: ClockLevel[], type: 'clockWarning' | 'clockEscalated') => {
      for (const level of levels) {
        const reason = `${clock.id}:${type === 'clockWarning' ? 'warning' : 'escalation'}:${level.level}`;
        events.push({
          type,
          at: now,
          data: { clock: clock.id, level: level.level, due },
        });
        for (const action of level.actions) {
          const applied = runAction(policy, next, action, now, reason);
          next = applied.case;
          events.push(...applied.events);
        }
      }
    };
    raise(warned, 'clockWarning');
    raise(escalated, 'clockEscalated');
    const updated = next.clocks[clock.id] ?? clock;
    next = {
      ...next,
      clocks: {
        ...next.clocks,
        [clock.id]: {
          ...updated,
          warned: [...updated.warned, ...warned.map((l) => l.level)],
          escalated: [...updated.escalated, ...escalated.map((l) => l.level)],
        },
      },
    };
  }
  if (!events.some((event) => event.type === 'categorySet')) return { case: next, events };
  const decisions = await evaluateRuleSets(policy.ruleSets, caseFacts(next), {
    at: now,
    on: 'always',
  });
  const decided = applyDecisions(policy, next, decisions);
  return { case: scheduleClocks(policy, decided.case), events: [...events, ...decided.events] };
}
