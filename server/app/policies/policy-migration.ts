/**
 * Open cases and a new policy version: what moving them would change (the preview), and publishing
 * with `openCases: 'move'` — each movable open case carried to the new version in one audited,
 * conditional save; a case the new version cannot carry stays where it is, named with the reasons.
 * Cases are read as a stream (totals, and a capped list), so memory does not grow with their number.
 */
import {
  migrateCase,
  planMigration,
  type ApproverChange,
  type ClockDueChange,
  type MigrationPlan,
  type MigrationReason,
} from '../../domain/case/migrate-case.ts';
import { diffJson } from '../../domain/case/case-patch.ts';
import type { Policy } from '../../domain/policy/format.ts';
import { parseInstant } from '../../domain/time/time.ts';
import type { AppDeps, RequestContext } from '../ports/deps.ts';
import { StoreError, type PublishedPolicy, type StoredCase } from '../ports/ports.ts';
import { adminOf, checkedDraftPolicy, publishDraft } from './policy-lifecycle.ts';
import { publishedPolicy } from './published-versions.ts';
import { withHistory, type VersionRecord } from './version-history.ts';

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

/** The preview: counts over every open case, and the cases that would change or stay (capped). */
export type MigrationPreview = {
  toVersion: number;
  open: number;
  movable: number;
  /** Movable cases whose due times or approvers would change. */
  changed: number;
  left: number;
  cases: CaseMigrationSummary[];
  /** More cases changed or stayed than `cases` lists. */
  truncated: boolean;
};

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

/** How many cases a preview or an outcome lists at most. */
export const MIGRATION_LIST_CAP = 200;
const BATCH = 64;

/** The plans from each version open cases run under to `to`, each made once. */
function plansTo(deps: AppDeps, companyId: string, to: Policy) {
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

function summary(plan: MigrationPlan, stored: StoredCase, atMs: number) {
  const migration = migrateCase(plan, stored.case, atMs);
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

/**
 * What moving every open case to the draft would change, read now. Admin only.
 * @throws not_found, forbidden, policy_has_problems when the draft does not check clean
 */
export async function previewMigration(
  deps: AppDeps,
  context: RequestContext,
  companyId: string,
): Promise<MigrationPreview> {
  await adminOf(deps, context, companyId);
  const draft = await checkedDraftPolicy(deps, context, companyId);
  const latest = await deps.store.policies.latestVersion(companyId);
  const atMs = parseInstant(deps.now());
  const planFrom = plansTo(deps, companyId, draft);
  const preview: MigrationPreview = {
    toVersion: (latest?.number ?? 0) + 1,
    ...{ open: 0, movable: 0, changed: 0, left: 0, cases: [], truncated: false },
  };
  for await (const batch of deps.store.cases.scan(companyId, { open: true }, BATCH)) {
    for (const stored of batch) {
      const { described } = summary(await planFrom(stored.policyVersion), stored, atMs);
      preview.open += 1;
      const changed = described.clocks.length > 0 || described.approvers !== undefined;
      if (described.movable) preview.movable += 1;
      else preview.left += 1;
      if (described.movable && changed) preview.changed += 1;
      if (!described.movable || changed) {
        if (preview.cases.length < MIGRATION_LIST_CAP) preview.cases.push(described);
        else preview.truncated = true;
      }
    }
  }
  return preview;
}

type MoveResult = { kind: 'moved' } | { kind: 'left'; described: CaseMigrationSummary } | null;

/** Moves one case (not already on `to`), retrying once when another write got there first. */
async function moveCase(
  deps: AppDeps,
  move: { context: RequestContext; to: PublishedPolicy; planFrom: ReturnType<typeof plansTo> },
  stored: StoredCase,
  retried = false,
): Promise<MoveResult | 'skipped'> {
  const { context, to } = move;
  if (stored.case.terminal || stored.policyVersion === to.number) return null;
  const at = deps.now();
  const plan = await move.planFrom(stored.policyVersion);
  const { migration, described } = summary(plan, stored, parseInstant(at));
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
  const outcome: MigrationOutcome = {
    openCases: 'move',
    ...{ moved: 0, left: 0, skipped: 0, leftCases: [], skippedCases: [], truncated: false },
  };
  const move = { context, to, planFrom: plansTo(deps, to.companyId, to.policy) };
  const listed = <T>(list: T[], item: T) => {
    if (list.length < MIGRATION_LIST_CAP) list.push(item);
    else outcome.truncated = true;
  };
  for await (const batch of deps.store.cases.scan(to.companyId, { open: true }, BATCH)) {
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

/**
 * Publishes the draft with a note and, with `openCases: 'move'`, moves the open cases to the new
 * version (each move audited as "migratePolicy" with the note). Admin only.
 * @throws not_found, forbidden, policy_has_problems (nothing published, no case moved)
 */
export async function publishDraftWithCases(
  deps: AppDeps,
  context: RequestContext,
  companyId: string,
  note: string,
  openCases: OpenCases = 'keep',
): Promise<VersionRecord & { migration: MigrationOutcome }> {
  await adminOf(deps, context, companyId);
  const [version] = await withHistory(deps, [await publishDraft(deps, context, companyId, note)]);
  const keep: MigrationOutcome = {
    openCases: 'keep',
    ...{ moved: 0, left: 0, skipped: 0, leftCases: [], skippedCases: [], truncated: false },
  };
  if (openCases === 'keep') return { ...version!, migration: keep };
  const published = await publishedPolicy(deps, companyId, version!.number);
  return { ...version!, migration: await moveOpenCases(deps, context, published) };
}
