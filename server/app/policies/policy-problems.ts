/**
 * What the policy use cases return when a policy has problems or failing examples: codes and
 * parameters, which the edges (the presenters, the CLI) word in the reader's language.
 */
import type { ExampleFailure } from '../../domain/examples/example-failure.ts';
import type { CheckProblem } from '../../domain/policy/check/check-codes.ts';
import type { Policy } from '../../domain/policy/format.ts';
import type { PolicyProblem } from '../../domain/validator.ts';

/** How one example of a policy ran: passed or not, and why not (coded; the edges word it). */
export type ExampleSummary = {
  id: string;
  title: Policy['title'];
  passed: boolean;
  failures: ExampleFailure[];
  /** The coded error a step failed with, expected or not. */
  error?: { code: string; step: number };
};

/**
 * A problem of a policy: a check problem as a code with its parameters (the edges word it), or a
 * shape problem with the message the schema validator wrote in the request's language.
 */
export type CheckedProblem = CheckProblem | PolicyProblem;

/** The details of a policy_has_problems refusal: the check's problems and the examples that failed. */
export type PolicyProblemsDetails = {
  problems: CheckedProblem[];
  failedExamples?: ExampleSummary[];
};
