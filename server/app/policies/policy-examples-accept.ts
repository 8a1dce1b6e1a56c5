/** Accepting what a changed draft now does as its examples' expectations (after review). */
import {
  acceptExampleResults,
  withAcceptedExamples,
  type AcceptOutcome,
} from '../../domain/examples/accept-examples.ts';
import { AppError } from '../app-error.ts';
import type { AppDeps, RequestContext } from '../ports/deps.ts';
import { isExtendsForm } from '../../domain/policy/inheritance.ts';
import { checkedDraftPolicy, getDraft, replaceDraft } from './policy-lifecycle.ts';
import type { PolicyDraft } from '../ports/ports.ts';

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
  const checked = await checkedDraftPolicy(deps, context, companyId);
  const { policy, accepted, refused } = await acceptExampleResults(
    { policy: checked, validator: deps.validator, lang: context.lang },
    input.ids,
  );
  if (accepted.length === 0) return { draft: current, accepted, refused };
  // A draft that extends a template keeps its form: the changed examples become overrides
  // (examples merge by id, each replaced whole).
  const document = isExtendsForm(current.document)
    ? withAcceptedExamples(current.document, policy, accepted)
    : policy;
  const draft = await replaceDraft(deps, context, companyId, document, current.version);
  return { draft, accepted, refused };
}
