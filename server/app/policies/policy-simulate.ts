/** The policy editor's simulator: a complaint run through the draft, explained. */
import { explainCase, type CaseExplanation } from '../../domain/case/explain-case.ts';
import type { ExampleStep } from '../../domain/policy/format.ts';
import type { AppDeps, RequestContext } from '../ports/deps.ts';
import { checkedDraftPolicy } from './policy-lifecycle.ts';

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
  const caseContext = {
    policy: await checkedDraftPolicy(deps, context, companyId),
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
