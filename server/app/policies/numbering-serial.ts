/** The serials already given: what the numbering preview starts from. */
import { AppError } from '../app-error.ts';
import type { AppDeps, RequestContext } from '../ports/deps.ts';
import { adminOf } from './policy-lifecycle.ts';

/** A numbering period as numberingPeriod names it: "all", "2026", "2026-03" or "2026-03-02". */
const PERIOD = /^(all|\d{4}(-\d{2}(-\d{2})?)?)$/;

/**
 * The last serial given in a numbering period of the company (0 when none was): the next case
 * received in that period takes one more.
 * @throws not_found, forbidden (administrators only), invalid_request for a malformed period
 */
export async function lastSerial(
  deps: AppDeps,
  context: RequestContext,
  companyId: string,
  period: string,
): Promise<{ period: string; lastSerial: number }> {
  await adminOf(deps, context, companyId);
  if (!PERIOD.test(period))
    throw new AppError('invalid_request', 'period is all, YYYY, YYYY-MM or YYYY-MM-DD', {}, [
      { property: '.period', message: 'all, YYYY, YYYY-MM or YYYY-MM-DD' },
    ]);
  return { period, lastSerial: await deps.store.cases.lastSerial(companyId, period) };
}
