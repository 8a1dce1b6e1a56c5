/** Open cases and a new policy version as the API answers them: the preview and the publish outcome. */
import type {
  CaseMigrationSummary,
  MigrationOutcome,
  MigrationPreview,
} from '../../app/policies/policy-migration.ts';
import type { VersionRecord } from '../../app/policies/version-history.ts';
import type { Lang } from '../../domain/policy/format.ts';
import { migrationMessage } from '../../messages/migration-messages.ts';
import { describeProblems } from '../../messages/check-messages.ts';
import type { CheckProblem } from '../../domain/policy/check/check-codes.ts';
import type {
  CaseMigrationAnswer,
  MigrationOutcomeAnswer,
  MigrationPreviewAnswer,
  PublishAnswer,
} from '../contract/policy.ts';
import { presentVersionSummary } from './policy-presenter.ts';

/** One open case, its reasons worded in `lang`. */
export function presentCaseMigration(
  summary: CaseMigrationSummary,
  lang: Lang,
): CaseMigrationAnswer {
  return {
    caseId: summary.caseId,
    number: summary.number,
    state: summary.state,
    fromVersion: summary.fromVersion,
    movable: summary.movable,
    clocks: summary.clocks,
    ...(summary.approvers ? { approvers: summary.approvers } : {}),
    reasons: summary.reasons.map((reason) => ({
      ...reason,
      message: migrationMessage(reason, lang),
    })),
  };
}

/** The migration preview. */
export function presentMigrationPreview(
  preview: MigrationPreview,
  lang: Lang,
): MigrationPreviewAnswer {
  return {
    toVersion: preview.toVersion,
    open: preview.open,
    movable: preview.movable,
    changed: preview.changed,
    left: preview.left,
    cases: preview.cases.map((summary) => presentCaseMigration(summary, lang)),
    truncated: preview.truncated,
  };
}

/** What a publish did with open cases. */
export function presentMigrationOutcome(
  outcome: MigrationOutcome,
  lang: Lang,
): MigrationOutcomeAnswer {
  return {
    openCases: outcome.openCases,
    moved: outcome.moved,
    left: outcome.left,
    skipped: outcome.skipped,
    leftCases: outcome.leftCases.map((summary) => presentCaseMigration(summary, lang)),
    skippedCases: outcome.skippedCases,
    truncated: outcome.truncated,
  };
}

/** The version published, and what happened to open cases. */
export function presentPublish(
  published: VersionRecord & { migration: MigrationOutcome; warnings: CheckProblem[] },
  lang: Lang,
): PublishAnswer {
  return {
    ...presentVersionSummary(published, lang),
    migration: presentMigrationOutcome(published.migration, lang),
    warnings: describeProblems(published.warnings, lang),
  };
}
