/**
 * actionChoices: each action the actor's roles allow in the case's state, and whether applyAction
 * would accept it now — decided by the same guard and effect checks applyAction runs, so what the
 * reader is offered and what the server accepts cannot disagree.
 */
import { availableTransitions } from './apply-action.ts';
import { caseFacts } from './case-facts.ts';
import type { Actor, Case } from './case.ts';
import { isDomainError, type DomainErrorCode } from '../errors.ts';
import type { CaseContext } from './open-case.ts';
import type { Transition } from '../policy/format.ts';
import { evaluateGuard } from '../rules/evaluate-guard.ts';
import { applyEffect } from './transition-effects.ts';

/** Why an action would be refused now: the domain code and details applyAction would throw. */
export type ActionRefusal = {
  code: DomainErrorCode;
  details: Record<string, unknown>;
  /** The roles whose approval the action waits for (named in the refusal), in chain order. */
  waitingFor: string[];
};

/** An action the actor's roles allow in this state; `refusal` when it would be refused now. */
export type ActionChoice = { transition: Transition; refusal?: ActionRefusal };

type Condition = Record<string, unknown>;

/** True when a guard reads the form submitted with the action itself: it cannot be decided before. */
function readsOwnForm(condition: unknown, form: string): boolean {
  if (!condition || typeof condition !== 'object') return false;
  const c = condition as Condition;
  const children = [c.all, c.any].flatMap((list) => (Array.isArray(list) ? list : []));
  if (c.not) children.push(c.not);
  // A named shared condition is not resolved here: leave the decision to the action itself.
  if (typeof c.condition === 'string') return true;
  if (children.length) return children.some((child) => readsOwnForm(child, form));
  if (c.fact !== 'forms') return false;
  const path = typeof c.path === 'string' ? c.path : '';
  return path === '' || path === `$.${form}` || path.startsWith(`$.${form}.`);
}

async function guardRefusal(transition: Transition, current: Case): Promise<boolean> {
  if (!transition.guard) return false;
  if (transition.form && readsOwnForm(transition.guard, transition.form)) return false;
  try {
    return !(await evaluateGuard(transition.guard, caseFacts(current))).passed;
  } catch {
    // A malformed guard is reported when the action is taken, not when the case is read.
    return false;
  }
}

function waitingFor(details: Record<string, unknown>): string[] {
  const pending = details.pending;
  if (typeof pending === 'string') return [pending];
  return Array.isArray(pending) ? pending.filter((r): r is string => typeof r === 'string') : [];
}

/**
 * The refusal of the transition's effect (approve, reply, …) run on what the case is now. Refusals
 * about the form's fields (they carry field errors) depend on what will be typed: not refusals yet.
 */
function effectRefusal(
  context: CaseContext,
  current: Case,
  transition: Transition,
  actor: Actor,
  at: string,
): ActionRefusal | undefined {
  try {
    applyEffect(current, { policy: context.policy, transition, data: {}, actor, at });
    return undefined;
  } catch (error) {
    if (!isDomainError(error)) throw error;
    if (error.fieldErrors.length > 0) return undefined;
    return { code: error.code, details: error.details, waitingFor: waitingFor(error.details) };
  }
}

/**
 * Each action the actor's roles allow in the case's state, with why applyAction would refuse it
 * now: its guard does not hold (when the guard does not read the action's own form), or its effect
 * refuses (an approval not the actor's to give, a reply before the approvals are in).
 */
export async function actionChoices(
  context: CaseContext,
  current: Case,
  actor: Actor,
  at: string,
): Promise<ActionChoice[]> {
  const choices: ActionChoice[] = [];
  for (const transition of availableTransitions(context, current, actor)) {
    if (await guardRefusal(transition, current)) {
      choices.push({ transition, refusal: { code: 'guard_failed', details: {}, waitingFor: [] } });
      continue;
    }
    const refusal = effectRefusal(context, current, transition, actor, at);
    choices.push(refusal ? { transition, refusal } : { transition });
  }
  return choices;
}
