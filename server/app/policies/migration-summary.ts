/**
 * One open case against a new policy version, as the preview and the publish outcome list it:
 * what moving it changes, or why it cannot move; the plans per version pair, each made once.
 */
import {
  migrateCase,
  planMigration,
  type ApproverChange,
  type ClockDueChange,
  type MigrationPlan,
  type MigrationReason,
  type PastMoment,
} from '../../domain/case/migrate-case.ts';
import type { Case } from '../../domain/case/case.ts';
import type { Policy } from '../../domain/policy/format.ts';
import type { AppDeps } from '../ports/deps.ts';
import type { AuditEntry, StoredCase } from '../ports/ports.ts';
import { publishedPolicy } from './published-versions.ts';

/** What publishing does with open cases: keep them on their versions (the default), or move them. */
export type OpenCases = 'keep' | 'move';

/** The choices of `openCases`, for the routes that read it. */
export const OPEN_CASES: readonly OpenCases[] = ['keep', 'move'];

/** One open case in a preview or an outcome: what moving it changes, or why it cannot move. */
export type CaseMigrationSummary = {
  caseId: string;
  number: string;
  state: string;
  fromVersion: number;
  movable: boolean;
  clocks: ClockDueChange[];
  approvers?: ApproverChange;
  reasons: MigrationReason[];
};

/** How many cases a preview or an outcome lists at most. */
export const MIGRATION_LIST_CAP = 200;
/** How many open cases are read (and moved) at once. */
export const MIGRATION_BATCH = 64;

/** The plans from each version open cases run under to `to`, each made once. */
export function migrationPlans(deps: AppDeps, companyId: string, to: Policy) {
  const plans = new Map<number, Promise<MigrationPlan>>();
  return (version: number) => {
    let plan = plans.get(version);
    if (!plan) {
      plan = publishedPolicy(deps, companyId, version).then((from) =>
        planMigration(from.policy, to),
      );
      plans.set(version, plan);
    }
    return plan;
  };
}

/**
 * The moments a case's audit trail records, in order: its opening (into the state it was opened
 * into) and each transition (into the state it reached), at their times.
 */
export function pastMoments(entries: readonly AuditEntry[]): PastMoment[] {
  const moments: PastMoment[] = [];
  for (const entry of entries) {
    for (const event of entry.events ?? []) {
      if (event.type === 'caseOpened') {
        const opened = (entry.after as Case | undefined)?.state ?? event.data.state;
        if (typeof opened === 'string')
          moments.push({ caseOpened: true, state: opened, at: event.at });
      }
      const { transition, to } = event.data;
      if (event.type === 'transition' && typeof transition === 'string' && typeof to === 'string')
        moments.push({ transition, state: to, at: event.at });
    }
  }
  return moments;
}

/** The case's past moments when the plan adds clocks that may start from them (else none read). */
export async function momentsFor(deps: AppDeps, plan: MigrationPlan, stored: StoredCase) {
  if (plan.addedClocks.length === 0) return [];
  return pastMoments(await deps.store.audit.forCase(stored.companyId, stored.case.id));
}

/** What moving the case does (clocks the plan adds started from its past `moments`), as listed. */
export function describeMigration(
  plan: MigrationPlan,
  stored: StoredCase,
  atMs: number,
  moments: readonly PastMoment[] = [],
) {
  const migration = migrateCase(plan, stored.case, atMs, moments);
  const base = {
    caseId: stored.case.id,
    number: stored.case.number,
    state: stored.case.state,
    fromVersion: stored.policyVersion,
  };
  const described: CaseMigrationSummary = migration.movable
    ? {
        ...base,
        movable: true,
        clocks: migration.clocks,
        ...(migration.approvers ? { approvers: migration.approvers } : {}),
        reasons: [],
      }
    : { ...base, movable: false, clocks: [], reasons: migration.reasons };
  return { migration, described };
}
