/**
 * openCase: registers (受理) a complaint — validates the intake form, sets categories from the
 * form and defaults, evaluates the policy's rules, starts the clocks.
 */
import { applyDecisions, type Applied } from './apply-decisions.ts';
import { caseFacts } from './case-facts.ts';
import type {
  Actor,
  Case,
  CaseEvent,
  CaseOrigin,
  CategoryChange,
  Decision,
  DecisionSource,
} from './case.ts';
import { scheduleClocks } from '../clocks/clock-schedule.ts';
import { applyClockTriggers } from '../clocks/clock-triggers.ts';
import { DomainError } from '../errors.ts';
import { evaluateRuleSetsNow } from '../rules/evaluate-rules.ts';
import type { Lang, Policy } from '../policy/format.ts';
import { readPath } from '../policy/schema-fields.ts';
import { withEntry } from '../records.ts';
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

/**
 * Categories set by intake fields, then defaults for the dimensions still unset: what setCategory
 * dimension by dimension gives, with the case copied once.
 */
function formCategories(policy: Policy, current: Case, at: string): Applied {
  let categories = current.categories;
  let history: CategoryChange[] | undefined;
  const events: CaseEvent[] = [];
  for (const dimension of Object.keys(policy.categories)) {
    const definition = policy.categories[dimension]!;
    const value = definition.field ? readPath(current.intake, definition.field) : undefined;
    let to: string;
    let source: DecisionSource;
    if (typeof value === 'string' && definition.values[value]) {
      to = value;
      source = { kind: 'form', field: definition.field ?? '' };
    } else if (definition.default !== undefined) {
      to = definition.default;
      source = { kind: 'default', dimension };
    } else continue;
    const from = categories[dimension] ?? null;
    if (from === to) continue;
    // Once copied, the categories are this function's own to add to (as withEntry would copy).
    if (history && dimension !== '__proto__' && !Object.hasOwn(categories, '__proto__'))
      categories[dimension] = to;
    else categories = withEntry(categories, dimension, to);
    (history ??= [...current.categoryHistory]).push({ dimension, from, to, at, source });
    events.push({ type: 'categorySet', at, data: { dimension, from, to, source } });
  }
  if (!history) return { case: current, events };
  return { case: { ...current, categories, categoryHistory: history }, events };
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
  for (const event of categorized.events) events.push(event);
  const evaluated = evaluateRuleSetsNow(policy.ruleSets, caseFacts(categorized.case), {
    at,
    on: 'intake',
  });
  const decisions = Array.isArray(evaluated) ? evaluated : await evaluated;
  const decided = applyDecisions(policy, categorized.case, decisions);
  for (const event of decided.events) events.push(event);
  const clocked = applyClockTriggers(
    policy,
    decided.case,
    { caseOpened: true, state: decided.case.state },
    at,
  );
  for (const event of clocked.events) events.push(event);
  return { case: scheduleClocks(policy, clocked.case), events, decisions };
}
