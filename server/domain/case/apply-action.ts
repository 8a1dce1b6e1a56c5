/**
 * applyAction: one step of a case's workflow — checks state, role, stage form and guard, applies
 * the transition's effect, moves the case, runs the clock triggers and the "always" rule sets,
 * and settles the clocks (durations that follow categories, escalations a stopped clock missed).
 */
import { applyDecisions } from './apply-decisions.ts';
import { caseFacts } from './case-facts.ts';
import type { Actor, Case, CaseEvent } from './case.ts';
import { applyClockTriggers } from '../clocks/clock-triggers.ts';
import { settleClocksNow } from '../clocks/settle-clocks.ts';
import { DomainError } from '../errors.ts';
import { evaluateRuleSetsNow } from '../rules/evaluate-rules.ts';
import type { CaseContext } from './open-case.ts';
import type { Transition } from '../policy/format.ts';
import { evaluateGuard } from '../rules/evaluate-guard.ts';
import { applyEffect } from './transition-effects.ts';

export type ActionRequest = {
  transition: string;
  data?: Record<string, unknown>;
  actor: Actor;
  at: string;
};

/**
 * The transition the request names, if the case's state and the actor's roles allow it.
 * @throws unknown_transition, case_terminal, wrong_state, role_not_allowed
 */
export function allowedTransition(
  context: CaseContext,
  current: Case,
  request: ActionRequest,
): Transition {
  const transition = context.policy.workflow.transitions.find((t) => t.id === request.transition);
  if (!transition)
    throw new DomainError('unknown_transition', `Unknown action ${request.transition}`, {
      transition: request.transition,
    });
  if (!transition.from.includes(current.state)) {
    const code = current.terminal ? 'case_terminal' : 'wrong_state';
    throw new DomainError(code, `${transition.id} is not possible in state ${current.state}`, {
      state: current.state,
      allowedFrom: transition.from,
    });
  }
  if (!transition.roles.some((role) => request.actor.roles.includes(role))) {
    throw new DomainError(
      'role_not_allowed',
      `${transition.id} needs one of the roles ${transition.roles.join(', ')}`,
      { roles: transition.roles },
    );
  }
  return transition;
}

/**
 * The transitions the actor's roles allow in the case's state. Whether one would be accepted now
 * (an approval not the actor's to give, four eyes, a reply before the approvals are in) is for
 * actionChoices, which says why not.
 */
export function availableTransitions(
  context: CaseContext,
  current: Case,
  actor: Actor,
): Transition[] {
  return context.policy.workflow.transitions.filter(
    (t) => t.from.includes(current.state) && t.roles.some((role) => actor.roles.includes(role)),
  );
}

function checkForm(
  context: CaseContext,
  transition: Transition,
  data: Record<string, unknown> | undefined,
): void {
  if (!transition.form) return;
  const form = context.policy.forms[transition.form];
  if (!form) return;
  if (data === undefined)
    throw new DomainError(
      'stage_form_missing',
      `${transition.id} needs the form ${transition.form}`,
      { form: transition.form },
    );
  const fieldErrors = context.validator.validateForm(form, data, context.lang ?? 'zh-CN');
  if (fieldErrors.length > 0) {
    throw new DomainError(
      'stage_form_invalid',
      `The form ${transition.form} has errors`,
      { form: transition.form },
      fieldErrors,
    );
  }
}

async function checkGuard(transition: Transition, current: Case): Promise<void> {
  if (!transition.guard) return;
  const outcome = await evaluateGuard(transition.guard, caseFacts(current));
  if (!outcome.passed) {
    throw new DomainError('guard_failed', `The conditions of ${transition.id} do not hold`, {
      trace: outcome.failureResults,
    });
  }
}

/**
 * Applies the request to the case.
 * @throws every code of allowedTransition, stage_form_missing, stage_form_invalid, guard_failed,
 *   and the effect's codes (approvals_pending, approval_beyond_authority, …)
 */
export async function applyAction(
  context: CaseContext,
  current: Case,
  request: ActionRequest,
): Promise<{ case: Case; events: CaseEvent[] }> {
  const { policy } = context;
  const transition = allowedTransition(context, current, request);
  checkForm(context, transition, request.data);
  const data = request.data ?? {};
  const submissions = transition.form
    ? [
        ...current.submissions,
        {
          form: transition.form,
          transition: transition.id,
          data,
          at: request.at,
          by: request.actor.user,
        },
      ]
    : current.submissions;
  // The guard sees the form submitted with this very action (e.g. "closing needs the signature").
  const submitted = submissions === current.submissions ? current : { ...current, submissions };
  if (transition.guard) await checkGuard(transition, submitted);
  const effect = applyEffect(submitted, {
    policy,
    transition,
    data,
    actor: request.actor,
    at: request.at,
  });
  const terminal = policy.workflow.states[effect.to]?.terminal;
  const moved: Case = { ...effect.case, state: effect.to, ...(terminal ? { terminal } : {}) };
  const events: CaseEvent[] = [
    {
      type: 'transition',
      at: request.at,
      by: request.actor.user,
      data: { transition: transition.id, from: current.state, to: effect.to },
    },
    ...effect.events,
  ];
  const clocked = applyClockTriggers(
    policy,
    moved,
    { transition: transition.id, state: effect.to },
    request.at,
  );
  events.push(...clocked.events);
  // Compiled rule sets and settling answer at once: only what runs on json-rules-engine is awaited.
  const evaluated = evaluateRuleSetsNow(policy.ruleSets, caseFacts(clocked.case), {
    at: request.at,
    on: 'always',
  });
  const decisions = evaluated instanceof Promise ? await evaluated : evaluated;
  const decided = applyDecisions(policy, clocked.case, decisions);
  events.push(...decided.events);
  const settling = settleClocksNow(policy, decided.case, request.at);
  const settled = settling instanceof Promise ? await settling : settling;
  events.push(...settled.events);
  return { case: settled.case, events };
}
