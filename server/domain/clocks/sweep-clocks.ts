/**
 * The clock sweep's domain half: which warnings and escalations a case's clocks have reached, each
 * applied exactly once per clock and level (催办 reminders, notifying a role, raising severity,
 * reassigning).
 */
import { applyDecisions, type Applied } from '../case/apply-decisions.ts';
import { caseFacts } from '../case/case-facts.ts';
import { clockMarks } from './clock-schedule.ts';
import { evaluateRuleSets } from '../rules/evaluate-rules.ts';
import type { Case, CaseEvent, ClockState } from '../case/case.ts';
import { runEscalationAction } from './escalation-actions.ts';
import type { ClockLevel, Policy } from '../policy/format.ts';
import { settleClocks } from './settle-clocks.ts';
import { parseInstant } from '../time/time.ts';

/**
 * The levels not raised yet that `nowMs` has reached, from the running clock's schedule or, for a
 * clock without one, from the same reckoning the schedule is made with.
 */
function reachedLevels(
  policy: Policy,
  clock: ClockState,
  nowMs: number,
): { warned: ClockLevel[]; escalated: ClockLevel[]; due: string } {
  const definition = policy.clocks[clock.id]!;
  const marks = clock.schedule ?? clockMarks(policy, clock, nowMs);
  const reached = (at: string | undefined) => at !== undefined && parseInstant(at) <= nowMs;
  return {
    warned: (definition.warnings ?? []).filter(
      (l) => !clock.warned.includes(l.level) && reached(marks.warnings[l.level]),
    ),
    escalated: (definition.escalations ?? []).filter(
      (l) => !clock.escalated.includes(l.level) && reached(marks.escalations[l.level]),
    ),
    due: marks.dueAt,
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
          const applied = runEscalationAction(policy, next, action, now, reason);
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
  // A raised category may choose another row of a duration table, or a rule may stop a clock.
  const settled = await settleClocks(policy, decided.case, now);
  return { case: settled.case, events: [...events, ...decided.events, ...settled.events] };
}
