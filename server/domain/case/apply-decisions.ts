/** Applies decisions (rule actions) to a case: categories, assignment, approvals, clocks, flags. */
import type { Case, CaseEvent, Decision, DecisionSource } from './case.ts';
import { pauseClock, resumeClock, startClock, stopClock } from '../clocks/clocks.ts';
import type { Policy, RuleAction } from '../policy/format.ts';
import { writePath } from '../policy/schema-fields.ts';
import { merged, withEntry } from '../records.ts';

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

/**
 * Applies a clock action to `draft`, a copy of the case this module owns: its fields are replaced,
 * never the objects they hold.
 */
function applyClockAction(
  policy: Policy,
  draft: Case,
  action: RuleAction,
  at: string,
  events: CaseEvent[],
): void {
  if (!('clock' in action.params)) return;
  const id = action.params.clock;
  const clock = draft.clocks[id];
  let next = clock;
  if (action.type === 'startClock' && (!clock || clock.status === 'stopped')) {
    next = startClock(policy, id, draft.categories, at);
  } else if (clock && action.type === 'stopClock') next = stopClock(clock, at);
  else if (clock && action.type === 'pauseClock') next = pauseClock(clock, at);
  else if (clock && action.type === 'resumeClock') next = resumeClock(clock, at);
  if (!next || next === clock) return;
  const type =
    ({ startClock: 'clockStarted', stopClock: 'clockStopped', pauseClock: 'clockPaused' } as const)[
      action.type as 'startClock' | 'stopClock' | 'pauseClock'
    ] ?? 'clockResumed';
  draft.clocks = withEntry(draft.clocks, id, next);
  events.push({ type, at, data: { clock: id } });
}

/**
 * Applies one decision's action to `draft` (see applyClockAction), as a spread of the case with
 * the changed fields would: a field the case lacks is added last.
 */
function applyTo(policy: Policy, draft: Case, decision: Decision, events: CaseEvent[]): void {
  const { action, at, source } = decision;
  switch (action.type) {
    case 'setCategory': {
      const { dimension, value } = action.params;
      const from = draft.categories[dimension] ?? null;
      if (from === value) return;
      draft.categories = withEntry(draft.categories, dimension, value);
      draft.categoryHistory = [
        ...draft.categoryHistory,
        { dimension, from, to: value, at, source },
      ];
      events.push({ type: 'categorySet', at, data: { dimension, from, to: value, source } });
      return;
    }
    case 'assign':
      draft.assignee = merged(draft.assignee, action.params) as Case['assignee'];
      events.push({ type: 'assigned', at, data: { ...action.params } });
      return;
    case 'requireApproval': {
      const { role } = action.params;
      if (draft.requiredApprovals.includes(role)) return;
      draft.remedy =
        draft.remedy && !draft.remedy.chain.some((step) => step.role === role)
          ? {
              ...draft.remedy,
              chain: [...draft.remedy.chain, { role, status: 'pending' as const }],
            }
          : draft.remedy;
      draft.requiredApprovals = [...draft.requiredApprovals, role];
      return;
    }
    case 'notify': {
      const notification = {
        role: action.params.role,
        message: action.params.message,
        at,
        reason: 'rule',
      };
      draft.notifications = [...draft.notifications, notification];
      events.push({ type: 'notified', at, data: { ...action.params } });
      return;
    }
    case 'flag':
      if (draft.flags.includes(action.params.flag)) return;
      draft.flags = [...draft.flags, action.params.flag];
      events.push({ type: 'flagged', at, data: { ...action.params } });
      return;
    case 'setField':
      draft.intake = writePath(draft.intake, action.params.field, action.params.value);
      events.push({ type: 'fieldSet', at, data: { ...action.params } });
      return;
    default:
      applyClockAction(policy, draft, action, at, events);
  }
}

/**
 * Applies decisions in order and records them on the case. The case is copied once and its
 * fields replaced decision by decision: a copy per decision was most of the cost of opening one.
 */
export function applyDecisions(policy: Policy, current: Case, decisions: Decision[]): Applied {
  const draft: Case = { ...current, decisions: [...current.decisions, ...decisions] };
  const events: CaseEvent[] = [];
  for (const decision of decisions) applyTo(policy, draft, decision, events);
  return { case: draft, events };
}
