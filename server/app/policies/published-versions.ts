/** A company's published policy versions, kept once read (they never change); version-history.ts lists them. */
import { AppError, notFound } from '../app-error.ts';
import type { AppDeps, PublishedVersionCache } from '../ports/deps.ts';
import type { PublishedPolicy } from '../ports/ports.ts';

/**
 * An empty cache of published versions, for one store. Published versions never change, so they
 * are kept once read: the same policy object on every request also lets the validator reuse the
 * form schemas it compiled. The composition root makes it beside the store (no module state).
 */
export function createPublishedVersionCache(): PublishedVersionCache {
  return new Map();
}

async function cachedVersion(
  deps: AppDeps,
  companyId: string,
  number: number,
): Promise<PublishedPolicy | undefined> {
  const key = `${companyId}#${number}`;
  const hit = deps.versions.get(key);
  if (hit) return hit;
  const version = await deps.store.policies.getVersion(companyId, number);
  if (version) deps.versions.set(key, version);
  return version;
}

/** The published policy a use case runs on (treat it as read-only: it is shared). */
export async function publishedPolicy(
  deps: AppDeps,
  companyId: string,
  number: number | 'latest' = 'latest',
): Promise<PublishedPolicy> {
  const wanted =
    number === 'latest'
      ? (await deps.store.policies.listVersions(companyId)).at(-1)?.number
      : number;
  const version = wanted === undefined ? undefined : await cachedVersion(deps, companyId, wanted);
  if (!version && number === 'latest')
    throw new AppError('no_published_policy', 'The company has not published a policy yet');
  if (!version) throw notFound('policy version');
  return version;
}
