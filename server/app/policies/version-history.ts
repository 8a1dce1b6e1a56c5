/**
 * A company's policy history: each published version with who published it, when, the note and
 * what changed from the version before. The change is stored at publish; for versions published
 * before it was, it is worked out on read from the two stored versions (both immutable, so the
 * answer is the same as if it had been stored) and marked as such.
 */
import { diffPolicies, type PolicyChange } from '../../domain/policy/diff-policies.ts';
import { companyAccess } from '../access.ts';
import type { AppDeps, RequestContext } from '../ports/deps.ts';
import type { PublishedPolicy } from '../ports/ports.ts';
import { publishedPolicy } from './published-versions.ts';

/** A published version (without its policy) in the history. */
export type VersionRecord = Omit<PublishedPolicy, 'policy' | 'changes'> & {
  changes: PolicyChange[];
  /** False when `changes` was worked out on read (a version published before changes were kept). */
  changesRecorded: boolean;
  /** The name of the user who published it, when known. */
  publishedByName?: string;
};

async function changesOf(
  deps: AppDeps,
  version: Omit<PublishedPolicy, 'policy'>,
): Promise<{ changes: PolicyChange[]; changesRecorded: boolean }> {
  if (version.changes) return { changes: version.changes, changesRecorded: true };
  if (version.number === 1) return { changes: [], changesRecorded: false };
  const [before, after] = await Promise.all([
    publishedPolicy(deps, version.companyId, version.number - 1),
    publishedPolicy(deps, version.companyId, version.number),
  ]);
  return { changes: diffPolicies(before.policy, after.policy), changesRecorded: false };
}

/** The versions given, each with its changes and its publisher's name. */
export async function withHistory<V extends Omit<PublishedPolicy, 'policy'>>(
  deps: AppDeps,
  versions: V[],
): Promise<(V & VersionRecord)[]> {
  const names = new Map<string, string>();
  for (const id of new Set(versions.map((v) => v.publishedBy))) {
    const user = await deps.store.users.get(id);
    if (user) names.set(id, user.name);
  }
  const out: (V & VersionRecord)[] = [];
  for (const version of versions) {
    const name = names.get(version.publishedBy);
    out.push({
      ...version,
      ...(await changesOf(deps, version)),
      ...(name === undefined ? {} : { publishedByName: name }),
    });
  }
  return out;
}

/** The published versions with their history, oldest first. Staff may read them too. */
export async function listVersionHistory(
  deps: AppDeps,
  context: RequestContext,
  companyId: string,
): Promise<VersionRecord[]> {
  await companyAccess(deps, context.principal, companyId);
  return withHistory(deps, await deps.store.policies.listVersions(companyId));
}

/** One published version (or "latest") with its history. @throws not_found, no_published_policy */
export async function readVersionWithHistory(
  deps: AppDeps,
  context: RequestContext,
  companyId: string,
  number: number | 'latest',
): Promise<PublishedPolicy & VersionRecord> {
  await companyAccess(deps, context.principal, companyId);
  const [version] = await withHistory(deps, [await publishedPolicy(deps, companyId, number)]);
  return version!;
}
