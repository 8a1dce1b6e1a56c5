/** A company's policy as the API answers it: the draft, its check and examples, published versions. */
import type { CheckedProblem, ExampleSummary } from '../../app/policies/policy-problems.ts';
import type { DraftMerge } from '../../app/policies/policy-inheritance.ts';
import type { PolicyDraft, PublishedPolicy } from '../../app/ports/ports.ts';
import type { CaseExplanation } from '../../domain/case/index.ts';
import type { AcceptOutcome } from '../../domain/examples/index.ts';
import type { ExtendsRef, InheritedPart } from '../../domain/policy/index.ts';
import type { Lang } from '../../domain/policy/format.ts';
import { describeProblems } from '../../messages/check-messages.ts';
import { describeConflict } from '../../messages/merge-messages.ts';
import { diffMessage } from '../../messages/diff-messages.ts';
import type { VersionRecord } from '../../app/policies/version-history.ts';
import { exampleFailureMessage } from '../../messages/example-messages.ts';
import type {
  AcceptExamplesAnswer,
  CheckAnswer,
  DraftAnswer,
  ExampleRunAnswer,
  ExampleSummaryAnswer,
  ImportedDraftAnswer,
  InheritanceAnswer,
  MergeAnswer,
  PublishedVersionAnswer,
  SimulationAnswer,
  VersionSummaryAnswer,
} from '../contract/policy.ts';

/**
 * The draft. The template snapshot it keeps (`base`, so it resolves the same later) and the company
 * id (the route's) are storage's own.
 */
export function presentDraft(draft: PolicyDraft): DraftAnswer {
  return {
    document: draft.document,
    version: draft.version,
    updatedAt: draft.updatedAt,
    updatedBy: draft.updatedBy,
  };
}

/** The draft just imported, with the check problems it still has, worded in `lang`. */
export function presentImportedDraft(
  imported: { draft: PolicyDraft; problems: CheckedProblem[] },
  lang: Lang,
): ImportedDraftAnswer {
  return { ...presentDraft(imported.draft), problems: describeProblems(imported.problems, lang) };
}

/** The draft's check: clean or not, every problem and warning worded in `lang`. */
export function presentCheck(
  checked: { problems: CheckedProblem[]; warnings: CheckedProblem[] },
  lang: Lang,
): CheckAnswer {
  return {
    ok: checked.problems.length === 0,
    problems: describeProblems(checked.problems, lang),
    warnings: describeProblems(checked.warnings, lang),
  };
}

/** One example's result, its failures in words. */
export function presentExampleSummary(summary: ExampleSummary): ExampleSummaryAnswer {
  return {
    id: summary.id,
    title: summary.title,
    passed: summary.passed,
    failures: summary.failures.map(exampleFailureMessage),
    error: summary.error,
  };
}

/** The draft's examples run, counted. */
export function presentExampleRun(results: ExampleSummary[]): ExampleRunAnswer {
  const failed = results.filter((result) => !result.passed).length;
  return { passed: results.length - failed, failed, results: results.map(presentExampleSummary) };
}

/** The examples accepted and refused, and the draft as it now is. */
export function presentAcceptedExamples(
  outcome: { draft: PolicyDraft } & Omit<AcceptOutcome, 'policy'>,
): AcceptExamplesAnswer {
  return {
    draft: presentDraft(outcome.draft),
    accepted: outcome.accepted,
    refused: outcome.refused,
  };
}

/** A complaint run through the draft, explained. */
export function presentSimulation(explanation: CaseExplanation): SimulationAnswer {
  return {
    case: explanation.case,
    decisions: explanation.decisions,
    approverChain: explanation.approverChain,
    clocks: explanation.clocks,
    at: explanation.at,
  };
}

/** Which parts of the draft come from the template it extends. */
export function presentInheritance(inheritance: {
  extends: ExtendsRef | null;
  parts: InheritedPart[];
}): InheritanceAnswer {
  return { extends: inheritance.extends, parts: inheritance.parts };
}

/** A template's new version merged into the draft, its conflicts and problems worded in `lang`. */
export function presentMerge(merge: DraftMerge, lang: Lang): MergeAnswer {
  return {
    document: merge.document,
    policy: merge.policy,
    conflicts: merge.conflicts.map((conflict) => ({
      ...conflict,
      message: describeConflict(conflict, lang),
    })),
    problems: describeProblems(merge.problems, lang),
    applied: merge.applied,
  };
}

/**
 * A published version without its policy, with its changes worded in `lang`; the company id is
 * the route's.
 */
export function presentVersionSummary(version: VersionRecord, lang: Lang): VersionSummaryAnswer {
  return {
    number: version.number,
    extends: version.extends,
    note: version.note,
    publishedAt: version.publishedAt,
    publishedBy: version.publishedBy,
    ...(version.publishedByName === undefined ? {} : { publishedByName: version.publishedByName }),
    changes: version.changes.map((change) => ({ ...change, message: diffMessage(change, lang) })),
    changesRecorded: version.changesRecorded,
  };
}

/** A published version with its full policy. */
export function presentPublishedVersion(
  version: PublishedPolicy & VersionRecord,
  lang: Lang,
): PublishedVersionAnswer {
  return { ...presentVersionSummary(version, lang), policy: version.policy };
}
