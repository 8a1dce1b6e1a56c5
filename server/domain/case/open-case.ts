/**
 * openCase: registers (受理) a complaint — validates the intake form, sets categories from the
 * form and defaults, evaluates the policy's rules, starts the clocks.
 */
import { applyDecisions, setCategory, type Applied } from './apply-decisions.ts';
import { caseFacts } from './case-facts.ts';
import type { Actor, Case, CaseEvent, CaseOrigin, Decision } from './case.ts';
import { scheduleClocks } from '../clocks/clock-schedule.ts';
import { applyClockTriggers } from '../clocks/clock-triggers.ts';
import { DomainError } from '../errors.ts';
import { evaluateRuleSets } from '../rules/evaluate-rules.ts';
import type { Lang, Policy } from '../policy/format.ts';
import { readPath } from '../policy/schema-fields.ts';
import type { SchemaValidator } from '../validator.ts';

/** What the domain needs to act on cases of one policy. */
export type CaseContext = { policy: Policy; validator: SchemaValidator; lang?: Lang };

export type OpenCaseInput = {
  id: string;
  number: string;
  receivedAt: string;
  intake: Record<string, unknown>;
  actor: Actor;
  /** A complaint the public filed: no staff member received it (see publicReceiver). */
  origin?: CaseOrigin;
};

/**
 * Who receives a complaint the public filed (no staff member did): the first role that may act on
 * it in the workflow's initial state, so it is in that role's inbox (首问负责制).
 */
function publicReceiver(policy: Policy): Case['assignee'] {
  const { initial, transitions } = policy.workflow;
  const role = transitions.find((t) => t.from.includes(initial) && t.roles.length > 0)?.roles[0];
  return role ? { role } : {};
}

function emptyCase(policy: Policy, input: OpenCaseInput): Case {
  return {
    id: input.id,
    number: input.number,
    state: policy.workflow.initial,
    receivedAt: input.receivedAt,
    intake: input.intake,
    categories: {},
    categoryHistory: [],
    assignee: input.origin ? publicReceiver(policy) : { user: input.actor.user },
    flags: [],
    decisions: [],
    remedy: null,
    requiredApprovals: [],
    submissions: [],
    clocks: {},
    reopened: [],
    notifications: [],
    ...(input.origin ? { origin: input.origin } : {}),
  };
}

/** Categories set by intake fields, then defaults for the dimensions still unset. */
function formCategories(policy: Policy, current: Case, at: string): Applied {
  let next = current;
  const events: CaseEvent[] = [];
  for (const [dimension, definition] of Object.entries(policy.categories)) {
    const value = definition.field ? readPath(current.intake, definition.field) : undefined;
    let applied: Applied | undefined;
    if (typeof value === 'string' && definition.values[value]) {
      applied = setCategory(
        next,
        dimension,
        value,
        { kind: 'form', field: definition.field ?? '' },
        at,
      );
    } else if (definition.default !== undefined) {
      applied = setCategory(
        next,
        dimension,
        definition.default,
        { kind: 'default', dimension },
        at,
      );
    }
    if (applied) {
      next = applied.case;
      events.push(...applied.events);
    }
  }
  return { case: next, events };
}

/**
 * Opens a case under the policy.
 * @throws form_invalid with every field error of the intake form
 */
export async function openCase(
  context: CaseContext,
  input: OpenCaseInput,
): Promise<{ case: Case; events: CaseEvent[]; decisions: Decision[] }> {
  const { policy, validator } = context;
  const fieldErrors = validator.validateForm(
    policy.forms.intake,
    input.intake,
    context.lang ?? 'zh-CN',
  );
  if (fieldErrors.length > 0) {
    throw new DomainError(
      'form_invalid',
      'The complaint form has errors',
      { form: 'intake' },
      fieldErrors,
    );
  }
  const at = input.receivedAt;
  const events: CaseEvent[] = [
    {
      type: 'caseOpened',
      at,
      by: input.actor.user,
      data: { number: input.number, state: policy.workflow.initial },
    },
  ];
  const categorized = formCategories(policy, emptyCase(policy, input), at);
  events.push(...categorized.events);
  const decisions = await evaluateRuleSets(policy.ruleSets, caseFacts(categorized.case), {
    at,
    on: 'intake',
  });
  const decided = applyDecisions(policy, categorized.case, decisions);
  events.push(...decided.events);
  const clocked = applyClockTriggers(
    policy,
    decided.case,
    { caseOpened: true, state: decided.case.state },
    at,
  );
  events.push(...clocked.events);
  return { case: scheduleClocks(policy, clocked.case), events, decisions };
}
