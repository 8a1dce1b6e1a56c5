/**
 * Rule evaluation under a published version, where a failing rule set is Kesu's bug rather than
 * the administrator's: the version passed the check and ran its examples when it was published.
 */
import { DomainError } from '../../domain/errors.ts';
import type { PublishedPolicy } from '../ports/ports.ts';

/**
 * Runs a domain step (opening a case, an action) under a published version. A rule set failing
 * inside it (a TypeError in evaluation, say) becomes an internal error — the edges log it and
 * answer 500 with the request id — not a policy_invalid that would ask the administrator to fix a
 * policy that checked clean; every other error passes unchanged.
 */
export async function underPublishedVersion<T>(
  version: Pick<PublishedPolicy, 'number'>,
  step: () => Promise<T>,
): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (!isRuleSetFailure(error)) throw error;
    const { ruleSet, reason } = error.details;
    throw new Error(
      `rule set ${String(ruleSet)} of published version ${version.number} failed: ${String(reason)}`,
      { cause: error },
    );
  }
}

/** A policy_invalid raised while a rule set ran (evaluateRuleSets names the rule set). */
function isRuleSetFailure(error: unknown): error is DomainError {
  return (
    error instanceof DomainError &&
    error.code === 'policy_invalid' &&
    typeof error.details.ruleSet === 'string'
  );
}
