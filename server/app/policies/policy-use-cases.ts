/** Use cases on a policy document: check it, run its examples, explain a case under it. */
import {
  checkPolicy,
  checkPolicyShape,
  type PolicyCheck,
} from '../../domain/policy/check/check-policy.ts';
import {
  explainCase,
  type CaseExplanation,
  type CaseInput,
} from '../../domain/case/explain-case.ts';
import type { Lang, Policy } from '../../domain/policy/format.ts';
import { runExamples, type ExampleResult } from '../../domain/examples/run-examples.ts';
import type { PolicyProblem, SchemaValidator } from '../../domain/validator.ts';
import type { CheckedProblem } from './policy-problems.ts';
import type { CheckProblem } from '../../domain/policy/check/check-codes.ts';
import { numberingChangeWarnings } from '../../domain/numbering/numbering-change.ts';

export type PolicyDeps = { validator: SchemaValidator; lang: Lang };

// The check's answer, its problems coded.
function checkDocument(document: unknown, deps: PolicyDeps): PolicyCheck {
  return checkPolicy(document, deps.validator, deps.lang);
}

/** Every problem of the policy document. */
export function checkPolicyDocument(document: unknown, deps: PolicyDeps): CheckedProblem[] {
  return checkDocument(document, deps).problems;
}

/**
 * Warnings for the document's numbering against an earlier policy's (the published one): a change
 * that can repeat a number already given. None when either is not a policy yet.
 */
export function numberingWarningsAgainst(
  document: unknown,
  earlier: unknown,
  deps: PolicyDeps,
): CheckProblem[] {
  const after = checkPolicyShape(document, deps.validator, deps.lang);
  const before = checkPolicyShape(earlier, deps.validator, deps.lang);
  if (!after.ok || !before.ok) return [];
  return numberingChangeWarnings(after.policy.numbering, [{ numbering: before.policy.numbering }]);
}

/** The document as a policy if it has the format's shape (for reading it, e.g. to diff), else its problems. */
export function readPolicyDocument(
  document: unknown,
  deps: PolicyDeps,
): PolicyCheck<PolicyProblem> {
  return checkPolicyShape(document, deps.validator, deps.lang);
}

/** The policy's examples run, or the problems that keep them from running. */
export async function testPolicyDocument(
  document: unknown,
  deps: PolicyDeps,
): Promise<{ problems: CheckedProblem[]; results: ExampleResult[] }> {
  const checked = checkDocument(document, deps);
  if (!checked.ok) return { problems: checked.problems, results: [] };
  const results = await runExamples({
    policy: checked.policy,
    validator: deps.validator,
    lang: deps.lang,
  });
  return { problems: checked.problems, results };
}

/** Explains a case under the policy (returned with it), or the problems that keep the policy from running. */
export async function explainCaseDocument(
  document: unknown,
  input: CaseInput,
  at: string | undefined,
  deps: PolicyDeps,
): Promise<
  | { problems: CheckedProblem[]; explanation?: undefined }
  | { problems: []; explanation: CaseExplanation; policy: Policy }
> {
  const checked = checkDocument(document, deps);
  if (!checked.ok) return { problems: checked.problems };
  const context = { policy: checked.policy, validator: deps.validator, lang: deps.lang };
  return {
    problems: checked.problems,
    explanation: await explainCase(context, input, at),
    policy: checked.policy,
  };
}
