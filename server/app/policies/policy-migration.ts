/**
 * Open cases and a new policy version: what moving them would change (the preview), and publishing
 * with `openCases: 'move'` (see move-open-cases.ts). Cases are read as a stream (totals, and a
 * capped list), so memory does not grow with their number.
 */
import { parseInstant } from '../../domain/time/time.ts';
import type { AppDeps, RequestContext } from '../ports/deps.ts';
import {
  describeMigration,
  momentsFor,
  MIGRATION_BATCH,
  MIGRATION_LIST_CAP,
  migrationPlans,
  type CaseMigrationSummary,
  type OpenCases,
} from './migration-summary.ts';
import { emptyOutcome, moveOpenCases, type MigrationOutcome } from './move-open-cases.ts';
import { adminOf, checkedDraftPolicy, publishDraft } from './policy-lifecycle.ts';
import { publishedPolicy } from './published-versions.ts';
import { numberingWarnings } from './numbering-warnings.ts';
import type { CheckProblem } from '../../domain/policy/check/check-codes.ts';
import { withHistory, type VersionRecord } from './version-history.ts';

export { OPEN_CASES, type CaseMigrationSummary, type OpenCases } from './migration-summary.ts';
export type { MigrationOutcome } from './move-open-cases.ts';

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
  const planFrom = migrationPlans(deps, companyId, draft);
  const preview: MigrationPreview = {
    toVersion: (latest?.number ?? 0) + 1,
    ...{ open: 0, movable: 0, changed: 0, left: 0, cases: [], truncated: false },
  };
  for await (const batch of deps.store.cases.scan(companyId, { open: true }, MIGRATION_BATCH)) {
    for (const stored of batch) {
      const plan = await planFrom(stored.policyVersion);
      const moments = await momentsFor(deps, plan, stored);
      const { described } = describeMigration(plan, stored, atMs, moments);
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

/**
 * Publishes the draft with a note and, with `openCases: 'move'`, moves the open cases to the new
 * version (each move audited as "migratePolicy" with the note), with the check's warnings about it
 * against the versions before (a change of numbering that can repeat a number). Admin only.
 * @throws not_found, forbidden, policy_has_problems (nothing published, no case moved)
 */
export async function publishDraftWithCases(
  deps: AppDeps,
  context: RequestContext,
  companyId: string,
  note: string,
  openCases: OpenCases = 'keep',
): Promise<VersionRecord & { migration: MigrationOutcome; warnings: CheckProblem[] }> {
  await adminOf(deps, context, companyId);
  const [version] = await withHistory(deps, [await publishDraft(deps, context, companyId, note)]);
  const published = await publishedPolicy(deps, companyId, version!.number);
  const warnings = await numberingWarnings(
    deps,
    companyId,
    published.policy.numbering,
    published.number,
  );
  if (openCases === 'keep') return { ...version!, migration: emptyOutcome('keep'), warnings };
  return { ...version!, migration: await moveOpenCases(deps, context, published), warnings };
}
