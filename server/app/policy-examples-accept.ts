/** Accepting what a changed draft now does as its examples' expectations (after review). */
import { acceptExampleResults, type AcceptOutcome } from '../domain/accept-examples.ts';
import type { Policy } from '../domain/policy.ts';
import { AppError } from './app-error.ts';
import type { AppDeps, RequestContext } from './deps.ts';
import { checkDocument, getDraft, replaceDraft } from './policy-lifecycle.ts';
import type { PolicyDraft } from './ports.ts';

/**
 * Sets the failing examples' expectations (the named ones, or all) to what the draft now does and
 * saves the draft. @throws policy_has_problems, stale_version
 */
export async function acceptDraftExampleResults(
  deps: AppDeps,
  context: RequestContext,
  companyId: string,
  input: { ids?: string[]; expectedVersion: number },
): Promise<{ draft: PolicyDraft } & Omit<AcceptOutcome, 'policy'>> {
  const current = await getDraft(deps, context, companyId);
  if (current.version !== input.expectedVersion)
    throw new AppError('stale_version', 'The draft has changed since it was read', {
      expected: input.expectedVersion,
      actual: current.version,
    });
  const problems = checkDocument(deps, current.document, context.lang);
  if (problems.length > 0)
    throw new AppError('policy_has_problems', 'The draft has problems', { problems });
  const { policy, accepted, refused } = await acceptExampleResults(
    { policy: current.document as Policy, validator: deps.validator, lang: context.lang },
    input.ids,
  );
  const draft =
    accepted.length > 0
      ? await replaceDraft(deps, context, companyId, policy, current.version)
      : current;
  return { draft, accepted, refused };
}
