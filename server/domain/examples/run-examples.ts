/**
 * Runs a policy's examples (its own test cases): opens each case, applies its steps, and compares
 * what came out with what the example expects.
 */
import { applyAction } from '../case/apply-action.ts';
import type { Case } from '../case/case.ts';
import { clockDue } from '../clocks/clocks.ts';
import { approverChainOf } from '../case/explain-case.ts';
import { isDomainError } from '../errors.ts';
import { nextCaseNumber } from '../numbering/numbering.ts';
import { openCase, type CaseContext } from '../case/open-case.ts';
import type { ExampleExpectation, PolicyExample } from '../policy/format.ts';
import { sweepCase } from '../clocks/sweep-clocks.ts';
import { parseInstant } from '../time/time.ts';
import type { ExampleFailure, ExpectedValue } from './example-failure.ts';

export type ExampleResult = {
  id: string;
  title: PolicyExample['title'];
  passed: boolean;
  failures: ExampleFailure[];
  case?: Case;
  error?: { code: string; message: string; step: number };
};

const INTAKE_ACTOR = { user: 'example', roles: [] as string[] };

function isSubset(
  expected: Record<string, unknown> | undefined,
  actual: Record<string, unknown>,
): boolean {
  return Object.entries(expected ?? {}).every(
    ([key, value]) => JSON.stringify(actual[key]) === JSON.stringify(value),
  );
}

/** Differences between what the example expects and the case it produced. */
export function compareExpectation(
  context: CaseContext,
  expect: ExampleExpectation,
  current: Case,
  atMs: number,
): ExampleFailure[] {
  const failures: ExampleFailure[] = [];
  const differ = (what: ExpectedValue, expected: unknown, actual: unknown, dimension?: string) => {
    if (JSON.stringify(expected) !== JSON.stringify(actual)) {
      const params = { what, expected, actual, ...(dimension === undefined ? {} : { dimension }) };
      failures.push({ code: 'value_differs', params });
    }
  };
  if (expect.state !== undefined) differ('state', expect.state, current.state);
  if (expect.number !== undefined) differ('number', expect.number, current.number);
  for (const [dimension, value] of Object.entries(expect.categories ?? {})) {
    differ('category', value, current.categories[dimension] ?? null, dimension);
  }
  for (const decision of expect.decisions ?? []) {
    const found = current.decisions.some(
      (d) =>
        d.action.type === decision.type &&
        isSubset(decision.params, d.action.params as Record<string, unknown>),
    );
    if (!found) failures.push({ code: 'decision_not_made', params: { decision } });
  }
  if (expect.approverChain)
    differ(
      'approverChain',
      expect.approverChain,
      // Before a remedy is proposed: the chain previewed from the amount the customer asks for.
      (current.remedy?.chain ?? approverChainOf(context, current)?.chain)?.map(
        (step) => step.role,
      ) ?? null,
    );
  for (const flag of expect.flags ?? []) {
    if (!current.flags.includes(flag)) failures.push({ code: 'flag_missing', params: { flag } });
  }
  for (const flag of expect.absentFlags ?? []) {
    if (current.flags.includes(flag)) failures.push({ code: 'flag_raised', params: { flag } });
  }
  for (const role of expect.notified ?? []) {
    if (!current.notifications.some((n) => n.role === role))
      failures.push({ code: 'not_notified', params: { role } });
  }
  for (const [clockId, due] of Object.entries(expect.due ?? {})) {
    const clock = current.clocks[clockId];
    if (!clock) {
      failures.push({ code: 'clock_not_started', params: { clock: clockId } });
      continue;
    }
    const reading = clockDue(context.policy, clock, atMs);
    if (reading.dueMs !== parseInstant(due))
      failures.push({
        code: 'due_differs',
        params: { clock: clockId, expected: due, actual: reading.due },
      });
  }
  return failures;
}

/** Runs one example. */
export async function runExample(
  context: CaseContext,
  example: PolicyExample,
): Promise<ExampleResult> {
  const { policy } = context;
  const base = { id: example.id, title: example.title };
  const number = nextCaseNumber(
    policy.numbering,
    parseInstant(example.receivedAt),
    policy.timeZone,
    example.previousSerial ?? 0,
  ).number;
  let current: Case | undefined;
  let step = 0;
  let error: ExampleResult['error'];
  try {
    current = (
      await openCase(context, {
        id: example.id,
        number,
        receivedAt: example.receivedAt,
        intake: example.intake,
        actor: INTAKE_ACTOR,
      })
    ).case;
    for (const request of example.steps ?? []) {
      step += 1;
      const { transition, data, actor, at } = request;
      current = (await applyAction(context, current, { transition, data, actor, at })).case;
    }
  } catch (thrown) {
    if (!isDomainError(thrown)) throw thrown;
    error = { code: thrown.code, message: thrown.message, step };
    const expected = example.expect.error === thrown.code && step === (example.steps?.length ?? 0);
    if (!expected) {
      return {
        ...base,
        passed: false,
        failures: [
          { code: 'step_failed', params: { step, code: thrown.code, message: thrown.message } },
        ],
        error,
      };
    }
  }
  if (example.expect.error && !error) {
    const failures: ExampleFailure[] = [
      { code: 'error_expected', params: { error: example.expect.error } },
    ];
    return { ...base, passed: false, failures, ...(current ? { case: current } : {}) };
  }
  if (!current) return { ...base, passed: true, failures: [], ...(error ? { error } : {}) };
  // After an expected error the rest of the expectation describes the case as the failed step left
  // it: unchanged since the step before.
  const lastDone = example.steps?.[step - (error ? 2 : 1)]?.at;
  const at = example.at ?? lastDone ?? example.receivedAt;
  if (example.at) current = (await sweepCase(policy, current, example.at)).case;
  const failures = compareExpectation(context, example.expect, current, parseInstant(at));
  return {
    ...base,
    passed: failures.length === 0,
    failures,
    case: current,
    ...(error ? { error } : {}),
  };
}

/** Runs every example of the policy, in order. */
export async function runExamples(context: CaseContext): Promise<ExampleResult[]> {
  const results: ExampleResult[] = [];
  for (const example of context.policy.examples) results.push(await runExample(context, example));
  return results;
}
