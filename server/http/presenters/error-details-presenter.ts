/** The details of a refusal as the API answers them: what the use case coded, in words. */
import type { PolicyProblemsDetails } from '../../app/policies/policy-problems.ts';
import type { Lang } from '../../domain/policy/format.ts';
import { describeProblems } from '../../messages/check-messages.ts';
import type { ErrorCode } from '../error-status.ts';
import { presentExampleSummary } from './policy-presenter.ts';

/** The policy check's refusal with its problems and failed examples worded. */
function presentPolicyProblems(
  details: PolicyProblemsDetails,
  lang: Lang,
): Record<string, unknown> {
  return {
    ...details,
    problems: describeProblems(details.problems, lang),
    ...(details.failedExamples
      ? { failedExamples: details.failedExamples.map(presentExampleSummary) }
      : {}),
  };
}

/**
 * A refusal's details for the answer: a policy_has_problems refusal's problems and its failed
 * examples' failures in words, in `lang`; every other code's details go out as they are.
 */
export function presentErrorDetails(
  code: ErrorCode,
  details: Record<string, unknown>,
  lang: Lang,
): Record<string, unknown> {
  // policy_has_problems is raised by the policy use cases only, always with these details.
  return code === 'policy_has_problems'
    ? presentPolicyProblems(details as PolicyProblemsDetails, lang)
    : details;
}
