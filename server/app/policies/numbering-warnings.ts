/**
 * The check's warnings about a change of numbering, against the company's published versions: a
 * number the new numbering could give that an earlier one gave (the runtime skips it; a literal
 * prefix avoids it). Warnings do not keep a draft from being published.
 */
import { numberingChangeWarnings } from '../../domain/numbering/numbering-change.ts';
import type { CheckProblem } from '../../domain/policy/check/check-codes.ts';
import type { Numbering } from '../../domain/policy/format.ts';
import type { AppDeps } from '../ports/deps.ts';
import { publishedPolicy } from './published-versions.ts';

/** The document's numbering when it has the shape of one (a draft may be unfinished). */
export function numberingOf(document: unknown): Numbering | undefined {
  if (typeof document !== 'object' || document === null) return undefined;
  const numbering = (document as { numbering?: unknown }).numbering;
  if (typeof numbering !== 'object' || numbering === null) return undefined;
  const { pattern, reset } = numbering as Record<string, unknown>;
  const resets = ['never', 'year', 'month', 'day'];
  if (typeof pattern !== 'string' || typeof reset !== 'string' || !resets.includes(reset))
    return undefined;
  return numbering as Numbering;
}

/**
 * Warnings for `numbering` against the company's published versions numbered below `below` (all
 * of them unless given): none when it is the latest's numbering or can repeat no earlier number.
 */
export async function numberingWarnings(
  deps: AppDeps,
  companyId: string,
  numbering: Numbering | undefined,
  below = Number.POSITIVE_INFINITY,
): Promise<CheckProblem[]> {
  if (!numbering) return [];
  const listed = await deps.store.policies.listVersions(companyId);
  const published = await Promise.all(
    listed
      .filter((version) => version.number < below)
      .map(async (version) => ({
        version: version.number,
        numbering: (await publishedPolicy(deps, companyId, version.number)).policy.numbering,
      })),
  );
  return numberingChangeWarnings(numbering, published);
}
