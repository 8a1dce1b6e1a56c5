/** What a warning or escalation level does to a case: remind, notify, reassign, raise a category. */
import { setCategory, type Applied } from '../case/apply-decisions.ts';
import type { Case } from '../case/case.ts';
import type { EscalationAction, Policy } from '../policy/format.ts';

/**
 * Applies one action of a level; `reason` names the clock, kind and level
 * ("reply:escalation:1").
 */
export function runEscalationAction(
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
