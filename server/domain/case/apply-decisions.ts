/** Applies decisions (rule actions) to a case: categories, assignment, approvals, clocks, flags. */
import type { Case, CaseEvent, Decision, DecisionSource } from './case.ts';
import { pauseClock, resumeClock, startClock, stopClock } from '../clocks/clocks.ts';
import type { Policy, RuleAction } from '../policy/format.ts';
import { writePath } from '../policy/schema-fields.ts';
import { withEntry } from '../records.ts';

export type Applied = { case: Case; events: CaseEvent[] };

/** The case with a category value set and the change kept in its history. */
export function setCategory(
  current: Case,
  dimension: string,
  value: string,
  source: DecisionSource,
  at: string,
): Applied {
  const from = current.categories[dimension] ?? null;
  if (from === value) return { case: current, events: [] };
  return {
    case: {
      ...current,
      categories: withEntry(current.categories, dimension, value),
      categoryHistory: [...current.categoryHistory, { dimension, from, to: value, at, source }],
    },
    events: [{ type: 'categorySet', at, data: { dimension, from, to: value, source } }],
  };
}

function applyClockAction(policy: Policy, current: Case, action: RuleAction, at: string): Applied {
  if (!('clock' in action.params)) return { case: current, events: [] };
  const id = action.params.clock;
  const clock = current.clocks[id];
  let next = clock;
  if (action.type === 'startClock' && (!clock || clock.status === 'stopped')) {
    next = startClock(policy, id, current.categories, at);
  } else if (clock && action.type === 'stopClock') next = stopClock(clock, at);
  else if (clock && action.type === 'pauseClock') next = pauseClock(clock, at);
  else if (clock && action.type === 'resumeClock') next = resumeClock(clock, at);
  if (!next || next === clock) return { case: current, events: [] };
  const type =
    ({ startClock: 'clockStarted', stopClock: 'clockStopped', pauseClock: 'clockPaused' } as const)[
      action.type as 'startClock' | 'stopClock' | 'pauseClock'
    ] ?? 'clockResumed';
  return {
    case: { ...current, clocks: withEntry(current.clocks, id, next) },
    events: [{ type, at, data: { clock: id } }],
  };
}

/** Applies one decision's action. */
export function applyDecision(policy: Policy, current: Case, decision: Decision): Applied {
  const { action, at, source } = decision;
  switch (action.type) {
    case 'setCategory':
      return setCategory(current, action.params.dimension, action.params.value, source, at);
    case 'assign': {
      const assignee = { ...current.assignee, ...action.params };
      return {
        case: { ...current, assignee },
        events: [{ type: 'assigned', at, data: { ...action.params } }],
      };
    }
    case 'requireApproval': {
      const { role } = action.params;
      if (current.requiredApprovals.includes(role)) return { case: current, events: [] };
      const remedy =
        current.remedy && !current.remedy.chain.some((step) => step.role === role)
          ? {
              ...current.remedy,
              chain: [...current.remedy.chain, { role, status: 'pending' as const }],
            }
          : current.remedy;
      return {
        case: { ...current, remedy, requiredApprovals: [...current.requiredApprovals, role] },
        events: [],
      };
    }
    case 'notify': {
      const notification = {
        role: action.params.role,
        message: action.params.message,
        at,
        reason: 'rule',
      };
      return {
        case: { ...current, notifications: [...current.notifications, notification] },
        events: [{ type: 'notified', at, data: { ...action.params } }],
      };
    }
    case 'flag':
      if (current.flags.includes(action.params.flag)) return { case: current, events: [] };
      return {
        case: { ...current, flags: [...current.flags, action.params.flag] },
        events: [{ type: 'flagged', at, data: { ...action.params } }],
      };
    case 'setField':
      return {
        case: {
          ...current,
          intake: writePath(current.intake, action.params.field, action.params.value),
        },
        events: [{ type: 'fieldSet', at, data: { ...action.params } }],
      };
    default:
      return applyClockAction(policy, current, action, at);
  }
}

/** Applies decisions in order and records them on the case. */
export function applyDecisions(policy: Policy, current: Case, decisions: Decision[]): Applied {
  let next: Case = { ...current, decisions: [...current.decisions, ...decisions] };
  const events: CaseEvent[] = [];
  for (const decision of decisions) {
    const applied = applyDecision(policy, next, decision);
    next = applied.case;
    events.push(...applied.events);
  }
  return { case: next, events };
}
