/**
 * Moving open cases to a published version: each movable case in one audited, conditional save
 * ("migratePolicy", with the versions and the publish's note), tried once more when another write
 * got there first; a case the version cannot carry stays where it is, listed with the reasons.
 */
import { diffJson } from '../../domain/case/case-patch.ts';
import { parseInstant } from '../../domain/time/time.ts';
import type { AppDeps, RequestContext } from '../ports/deps.ts';
import { StoreError, type PublishedPolicy, type StoredCase } from '../ports/ports.ts';
import {
  describeMigration,
  momentsFor,
  MIGRATION_BATCH,
  MIGRATION_LIST_CAP,
  migrationPlans,
  type CaseMigrationSummary,
  type OpenCases,
} from './migration-summary.ts';

/** What publishing did with open cases. */
export type MigrationOutcome = {
  openCases: OpenCases;
  moved: number;
  left: number;
  /** Cases another write changed twice while they were being moved; they stay on their version. */
  skipped: number;
  leftCases: CaseMigrationSummary[];
  skippedCases: { caseId: string; number: string }[];
  truncated: boolean;
};

/** An outcome where nothing was moved yet. */
export function emptyOutcome(openCases: OpenCases): MigrationOutcome {
  return {
    openCases,
    moved: 0,
    left: 0,
    skipped: 0,
    leftCases: [],
    skippedCases: [],
    truncated: false,
  };
}

type MoveResult = { kind: 'moved' } | { kind: 'left'; described: CaseMigrationSummary } | null;

/** Moves one case (not already on `to`), retrying once when another write got there first. */
async function moveCase(
  deps: AppDeps,
  move: {
    context: RequestContext;
    to: PublishedPolicy;
    planFrom: ReturnType<typeof migrationPlans>;
  },
  stored: StoredCase,
  retried = false,
): Promise<MoveResult | 'skipped'> {
  const { context, to } = move;
  if (stored.case.terminal || stored.policyVersion === to.number) return null;
  const at = deps.now();
  const plan = await move.planFrom(stored.policyVersion);
  const moments = await momentsFor(deps, plan, stored);
  const { migration, described } = describeMigration(plan, stored, parseInstant(at), moments);
  if (!migration.movable) return { kind: 'left', described };
  const entry = {
    id: deps.newId(),
    companyId: to.companyId,
    caseId: stored.case.id,
    at,
    by: context.principal.userId,
    action: 'migratePolicy',
    policyVersion: to.number,
    fromPolicyVersion: stored.policyVersion,
    note: to.note,
    changes: diffJson(stored.case, migration.case),
  };
  const next = { ...stored, case: migration.case, policyVersion: to.number, updatedAt: at };
  try {
    await deps.store.cases.save(next, stored.version, [entry]);
    return { kind: 'moved' };
  } catch (error) {
    if (!(error instanceof StoreError && error.code === 'stale_version')) throw error;
    if (retried) return 'skipped';
    const fresh = await deps.store.cases.get(to.companyId, stored.case.id);
    return fresh ? moveCase(deps, move, fresh, true) : null;
  }
}

/** Moves every open case not on `to` to it, as far as `to` can carry each. */
export async function moveOpenCases(
  deps: AppDeps,
  context: RequestContext,
  to: PublishedPolicy,
): Promise<MigrationOutcome> {
  const outcome = emptyOutcome('move');
  const move = { context, to, planFrom: migrationPlans(deps, to.companyId, to.policy) };
  const listed = <T>(list: T[], item: T) => {
    if (list.length < MIGRATION_LIST_CAP) list.push(item);
    else outcome.truncated = true;
  };
  for await (const batch of deps.store.cases.scan(to.companyId, { open: true }, MIGRATION_BATCH)) {
    const results = await Promise.all(
      batch.map(async (stored) => ({ stored, result: await moveCase(deps, move, stored) })),
    );
    for (const { stored, result } of results) {
      if (result === 'skipped') {
        outcome.skipped += 1;
        listed(outcome.skippedCases, { caseId: stored.case.id, number: stored.case.number });
      } else if (result?.kind === 'moved') outcome.moved += 1;
      else if (result?.kind === 'left') {
        outcome.left += 1;
        listed(outcome.leftCases, result.described);
      }
    }
  }
  return outcome;
}
