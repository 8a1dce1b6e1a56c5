/** Use cases on a policy document: check it, run its examples, explain a case under it. */
import { checkPolicy } from '../../domain/policy/check/check-policy.ts';
import {
  explainCase,
  type CaseExplanation,
  type CaseInput,
} from '../../domain/case/explain-case.ts';
import type { Lang, Policy } from '../../domain/policy/format.ts';
import { runExamples, type ExampleResult } from '../../domain/examples/run-examples.ts';
import type { PolicyProblem, SchemaValidator } from '../../domain/validator.ts';

export type PolicyDeps = { validator: SchemaValidator; lang: Lang };

/** Every problem of the policy document. */
export function checkPolicyDocument(document: unknown, deps: PolicyDeps): PolicyProblem[] {
  return checkPolicy(document, deps.validator, deps.lang);
}

/** The policy's examples run, or the problems that keep them from running. */
export async function testPolicyDocument(
  document: unknown,
  deps: PolicyDeps,
): Promise<{ problems: PolicyProblem[]; results: ExampleResult[] }> {
  const problems = checkPolicyDocument(document, deps);
  if (problems.length > 0) return { problems, results: [] };
  const results = await runExamples({
    policy: document as Policy,
    validator: deps.validator,
    lang: deps.lang,
  });
  return { problems, results };
}

/** Explains a case under the policy, or the problems that keep the policy from running. */
export async function explainCaseDocument(
  document: unknown,
  input: CaseInput,
  at: string | undefined,
  deps: PolicyDeps,
): Promise<{ problems: PolicyProblem[]; explanation?: CaseExplanation }> {
  const problems = checkPolicyDocument(document, deps);
  if (problems.length > 0) return { problems };
  const context = { policy: document as Policy, validator: deps.validator, lang: deps.lang };
  return { problems, explanation: await explainCase(context, input, at) };
}
