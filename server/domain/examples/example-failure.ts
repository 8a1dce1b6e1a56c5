/**
 * Why an example failed, as a code with its parameters (the state it expected and the one it got,
 * the flag that was not raised); server/messages/example-messages.ts words them.
 */
import type { ExampleExpectation } from '../policy/format.ts';

/** A value the example expects that the case does not have. */
export type ExpectedValue = 'state' | 'number' | 'approverChain' | 'category';

/** The parameters of every failure code. */
export type ExampleFailureParams = {
  /** `dimension` is set for a category. */
  value_differs: { what: ExpectedValue; dimension?: string; expected: unknown; actual: unknown };
  decision_not_made: { decision: NonNullable<ExampleExpectation['decisions']>[number] };
  flag_missing: { flag: string };
  flag_raised: { flag: string };
  not_notified: { role: string };
  clock_not_started: { clock: string };
  due_differs: { clock: string; expected: string; actual: string };
  /** A step failed with an error the example does not expect (its message as the domain wrote it). */
  step_failed: { step: number; code: string; message: string };
  error_expected: { error: string };
};

/** What went wrong with an example. */
export type ExampleFailureCode = keyof ExampleFailureParams;

/** One failure of an example: its code and the parameters its sentence needs. */
export type ExampleFailure = {
  [C in ExampleFailureCode]: { code: C; params: ExampleFailureParams[C] };
}[ExampleFailureCode];
