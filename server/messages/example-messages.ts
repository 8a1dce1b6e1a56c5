/**
 * The sentences of an example's failures, one for every failure code (a code without one fails the
 * type check). They are English in every language, as the API has always given them: the studio
 * reads them and words them in the reader's language itself.
 */
import type {
  ExampleFailure,
  ExampleFailureCode,
  ExampleFailureParams,
  ExpectedValue,
} from '../domain/examples/example-failure.ts';

const VALUE_NAMES: Record<ExpectedValue, (dimension: string) => string> = {
  state: () => 'state',
  number: () => 'number',
  approverChain: () => 'approver chain',
  category: (dimension) => `category ${dimension}`,
};

const json = (value: unknown) => JSON.stringify(value);

/** The sentence of every failure code. */
export const EXAMPLE_FAILURE_MESSAGES: {
  [C in ExampleFailureCode]: (p: ExampleFailureParams[C]) => string;
} = {
  value_differs: (p) =>
    `${VALUE_NAMES[p.what](p.dimension ?? '')}: expected ${json(p.expected)}, got ${json(p.actual)}`,
  decision_not_made: (p) => `decision ${json(p.decision)} was not made`,
  flag_missing: (p) => `flag ${p.flag} was not raised`,
  flag_raised: (p) => `flag ${p.flag} was raised`,
  not_notified: (p) => `${p.role} was not notified`,
  clock_not_started: (p) => `clock ${p.clock} was not started`,
  due_differs: (p) => `clock ${p.clock} due: expected ${p.expected}, got ${p.actual}`,
  step_failed: (p) => `step ${p.step}: ${p.code}: ${p.message}`,
  error_expected: (p) => `expected error ${p.error}, but every step succeeded`,
};

/** The sentence of a failure code with its parameters. */
export function exampleFailureSentence<C extends ExampleFailureCode>(
  code: C,
  params: ExampleFailureParams[C],
): string {
  return EXAMPLE_FAILURE_MESSAGES[code](params);
}

/** A failure in words. */
export function exampleFailureMessage(failure: ExampleFailure): string {
  return exampleFailureSentence(failure.code, failure.params);
}
