/**
 * Runs a policy's examples (its own test cases): opens each case, applies its steps, and compares
 * what came out with what the example expects.
 */
import { applyAction } from './apply-action.ts';
import type { Case } from './case.ts';
import { readClock } from './clocks.ts';
import { isDomainError } from './errors.ts';
import { nextCaseNumber } from './numbering.ts';
import { openCase, type CaseContext } from './open-case.ts';
import type { ExampleExpectation, PolicyExample } from './policy.ts';
import { sweepCase } from './sweep-clocks.ts';
import { parseInstant } from './time.ts';

export type ExampleResult = {
  id: string;
  title: PolicyExample['title'];
  passed: boolean;
  failures: string[];
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
): string[] {
  const failures: string[] = [];
  const differ = (what: string, expected: unknown, actual: unknown) => {
    if (JSON.stringify(expected) !== JSON.stringify(actual)) {
      failures.push(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
    }
  };
  if (expect.state !== undefined) differ('state', expect.state, current.state);
  if (expect.number !== undefined) differ('number', expect.number, current.number);
  for (const [dimension, value] of Object.entries(expect.categories ?? {})) {
    differ(`category ${dimension}`, value, current.categories[dimension] ?? null);
  }
  for (const decision of expect.decisions ?? []) {
    const found = current.decisions.some(
      (d) =>
        d.action.type === decision.type &&
        isSubset(decision.params, d.action.params as Record<string, unknown>),
    );
    if (!found) failures.push(`decision ${JSON.stringify(decision)} was not made`);
  }
  if (expect.approverChain)
    differ(
      'approver chain',
      expect.approverChain,
      current.remedy?.chain.map((step) => step.role) ?? null,
    );
  for (const flag of expect.flags ?? []) {
    if (!current.flags.includes(flag)) failures.push(`flag ${flag} was not raised`);
  }
  for (const [clockId, due] of Object.entries(expect.due ?? {})) {
    const clock = current.clocks[clockId];
    if (!clock) {
      failures.push(`clock ${clockId} was not started`);
      continue;
    }
    const reading = readClock(context.policy, clock, atMs);
    if (reading.dueMs !== parseInstant(due))
      failures.push(`clock ${clockId} due: expected ${due}, got ${reading.due}`);
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
  let current: Case;
  let step = 0;
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
      current = (
        await applyAction(context, current, {
          transition: request.transition,
          data: request.data,
          actor: request.actor,
          at: request.at,
        })
      ).case;
    }
  } catch (error) {
    if (!isDomainError(error)) throw error;
    const lastStep = step === (example.steps?.length ?? 0);
    const got = { code: error.code, message: error.message, step };
    if (example.expect.error === error.code && lastStep)
      return { ...base, passed: true, failures: [], error: got };
    return {
      ...base,
      passed: false,
      failures: [`step ${step}: ${error.code}: ${error.message}`],
      error: got,
    };
  }
  if (example.expect.error) {
    return {
      ...base,
      passed: false,
      failures: [`expected error ${example.expect.error}, but every step succeeded`],
      case: current,
    };
  }
  const at = example.at ?? example.steps?.[example.steps.length - 1]?.at ?? example.receivedAt;
  if (example.at) current = sweepCase(policy, current, example.at).case;
  const failures = compareExpectation(context, example.expect, current, parseInstant(at));
  return { ...base, passed: failures.length === 0, failures, case: current };
}

/** Runs every example of the policy, in order. */
export async function runExamples(context: CaseContext): Promise<ExampleResult[]> {
  const results: ExampleResult[] = [];
  for (const example of context.policy.examples) results.push(await runExample(context, example));
  return results;
}
