/**
 * acceptExampleResults: after a deliberate policy change (a raised approval limit, a shorter
 * deadline), the examples that pinned the old behaviour fail. An administrator who has read the
 * differences may accept what the policy now does as the examples' new expectation: every field
 * the example checked is set to what came out. Examples that end in an error, or fail with one,
 * are never accepted this way — their steps themselves need a person.
 */
import type { Case } from '../case/case.ts';
import { clockDue } from '../clocks/clocks.ts';
import { approverChainOf } from '../case/explain-case.ts';
import type { CaseContext } from '../case/open-case.ts';
import type { ExampleExpectation, Policy, PolicyExample } from '../policy/format.ts';
import { runExample } from './run-examples.ts';
import { parseInstant } from '../time/time.ts';

export type AcceptedExample = {
  id: string;
  /** The expectation before and after, for the audit and the administrator's review. */
  before: ExampleExpectation;
  after: ExampleExpectation;
};

export type AcceptOutcome = {
  policy: Policy;
  accepted: AcceptedExample[];
  /** Failing examples that could not be accepted, with why. */
  refused: { id: string; reason: 'error' | 'unknown_example' }[];
};

/** The expectation with each field it checks set to what the case shows. */
export function observedExpectation(
  context: CaseContext,
  example: PolicyExample,
  current: Case,
): ExampleExpectation {
  const expect = example.expect;
  const at = example.at ?? example.steps?.at(-1)?.at ?? example.receivedAt;
  const atMs = parseInstant(at);
  const next: ExampleExpectation = { ...expect };
  if (expect.state !== undefined) next.state = current.state;
  if (expect.number !== undefined) next.number = current.number;
  if (expect.categories) {
    const categories: Record<string, string> = {};
    for (const dimension of Object.keys(expect.categories)) {
      const value = current.categories[dimension];
      if (value !== undefined) categories[dimension] = value;
    }
    next.categories = categories;
  }
  if (expect.decisions) {
    next.decisions = expect.decisions.filter((decision) =>
      current.decisions.some(
        (d) =>
          d.action.type === decision.type &&
          Object.entries(decision.params ?? {}).every(
            ([key, value]) =>
              JSON.stringify((d.action.params as Record<string, unknown>)[key]) ===
              JSON.stringify(value),
          ),
      ),
    );
  }
  if (expect.approverChain) {
    const chain =
      current.remedy?.chain.map((step) => step.role) ??
      approverChainOf(context, current)?.chain.map((step) => step.role);
    if (chain) next.approverChain = chain;
    else delete next.approverChain;
  }
  if (expect.flags) next.flags = expect.flags.filter((flag) => current.flags.includes(flag));
  if (expect.absentFlags)
    next.absentFlags = expect.absentFlags.filter((flag) => !current.flags.includes(flag));
  if (expect.notified)
    next.notified = expect.notified.filter((role) =>
      current.notifications.some((n) => n.role === role),
    );
  if (expect.due) {
    const due: Record<string, string> = {};
    for (const clockId of Object.keys(expect.due)) {
      const clock = current.clocks[clockId];
      if (clock) due[clockId] = clockDue(context.policy, clock, atMs).due;
    }
    next.due = due;
  }
  return next;
}

/**
 * Runs the named examples (all failing ones when `ids` is absent) and returns the policy with the
 * failing ones' expectations replaced by what the policy now does. Passing examples are untouched.
 */
export async function acceptExampleResults(
  context: CaseContext,
  ids?: string[],
): Promise<AcceptOutcome> {
  const policy = structuredClone(context.policy);
  const accepted: AcceptedExample[] = [];
  const refused: AcceptOutcome['refused'] = [];
  const wanted = ids ? new Set(ids) : null;
  for (const id of ids ?? [])
    if (!policy.examples.some((e) => e.id === id)) refused.push({ id, reason: 'unknown_example' });
  for (const example of policy.examples) {
    if (wanted && !wanted.has(example.id)) continue;
    const result = await runExample(context, example);
    if (result.passed) continue;
    if (example.expect.error || result.error || !result.case) {
      refused.push({ id: example.id, reason: 'error' });
      continue;
    }
    const after = observedExpectation(context, example, result.case);
    accepted.push({ id: example.id, before: example.expect, after });
    example.expect = after;
  }
  return { policy, accepted, refused };
}

/**
 * The policy document as written (a whole policy, or one that extends a template) with the
 * accepted examples put in: each replaces the example of its id where it stands, or is added at the
 * end (an extends-form document then overrides the template's example of that id).
 */
export function withAcceptedExamples(
  document: Record<string, unknown>,
  policy: Policy,
  accepted: readonly AcceptedExample[],
): Record<string, unknown> {
  const changed = new Map(
    policy.examples.filter((e) => accepted.some((a) => a.id === e.id)).map((e) => [e.id, e]),
  );
  const written = (document.examples as PolicyExample[] | undefined) ?? [];
  const examples = written.map((example) => changed.get(example.id) ?? example);
  for (const [id, example] of changed)
    if (!written.some((e) => e.id === id)) examples.push(example);
  return { ...document, examples };
}
