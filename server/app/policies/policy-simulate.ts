/** The policy editor's simulator: a complaint run through the draft, explained. */
import { explainCase, type CaseExplanation } from '../../domain/case/explain-case.ts';
import type { ExampleStep, Policy } from '../../domain/policy/format.ts';
import { AppError } from '../app-error.ts';
import type { AppDeps, RequestContext } from '../ports/deps.ts';
import { checkDocument, resolvedDraftOf } from './policy-lifecycle.ts';

export type SimulationInput = {
  intake: Record<string, unknown>;
  steps?: ExampleStep[];
  /** When the complaint is received (default: now). */
  receivedAt?: string;
  /** The moment clocks are read at (default: the last step's time, or receipt). */
  at?: string;
};

/**
 * Opens a complaint under the draft (applying the steps, if any) without saving anything, and
 * explains it: decisions with the rule behind each, the approver chain, every clock's due time.
 * @throws policy_has_problems when the draft does not check clean; form_invalid (with field errors)
 */
export async function simulateDraft(
  deps: AppDeps,
  context: RequestContext,
  companyId: string,
  input: SimulationInput,
): Promise<CaseExplanation> {
  const resolved = await resolvedDraftOf(deps, context, companyId);
  const problems =
    'problems' in resolved ? resolved.problems : checkDocument(deps, resolved.policy, context.lang);
  if (problems.length > 0 || 'problems' in resolved)
    throw new AppError('policy_has_problems', 'The draft has problems', { problems });
  const caseContext = {
    policy: resolved.policy as Policy,
    validator: deps.validator,
    lang: context.lang,
  };
  return explainCase(
    caseContext,
    {
      receivedAt: input.receivedAt ?? deps.now(),
      intake: input.intake,
      ...(input.steps ? { steps: input.steps } : {}),
    },
    input.at,
  );
}
