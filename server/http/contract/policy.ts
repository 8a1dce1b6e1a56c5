/** What the API says of a company's policy: the draft, its check, examples and simulation, published versions. */
import type { CaseExplanation } from '../../domain/case/index.ts';
import type {
  ApproverChange,
  ClockDueChange,
  MigrationReason,
} from '../../domain/case/migrate-case.ts';
import type { PolicyChange } from '../../domain/policy/diff-policies.ts';
import type { AcceptedExample } from '../../domain/examples/index.ts';
import type {
  ExtendsRef,
  InheritedPart,
  Label,
  MergeConflict,
  Policy,
} from '../../domain/policy/index.ts';
import type { PolicyProblem } from '../../domain/validator.ts';

/** The draft: the document as the administrator gave it (a full policy, or overrides of a template). */
export type DraftAnswer = {
  document: unknown;
  /** Send it back as `expectedVersion` to save over exactly this draft. */
  version: number;
  updatedAt: string;
  updatedBy: string;
};

/**
 * The serials already given in a numbering period (GET …/policy/serials/:period): the next case
 * received in it takes `lastSerial + 1` (0 when none was given).
 */
export type SerialAnswer = { period: string; lastSerial: number };

/** The body of PUT /companies/:company/policy/draft and of POST …/draft/import. */
export type DraftBody = { document: unknown; expectedVersion: number };

/** The draft just imported, with the check problems it still has. */
export type ImportedDraftAnswer = DraftAnswer & { problems: PolicyProblem[] };

/** The draft's check (POST …/draft/check). */
/**
 * The draft's check: ok when it has no problems; warnings (a change of numbering that can repeat a
 * number already given) do not keep it from being published.
 */
export type CheckAnswer = { ok: boolean; problems: PolicyProblem[]; warnings: PolicyProblem[] };

/** One runnable example's result. */
export type ExampleSummaryAnswer = {
  id: string;
  title: Label;
  passed: boolean;
  failures: string[];
  /** The coded error a step failed with, expected or not. */
  error?: { code: string; step: number };
};

/** The draft's examples run (POST …/draft/examples). */
export type ExampleRunAnswer = { passed: number; failed: number; results: ExampleSummaryAnswer[] };

/** The body of POST …/draft/examples/accept: the examples to accept (default: every failing one). */
export type AcceptExamplesBody = { ids?: string[]; expectedVersion: number };

/** The examples accepted, those refused with why, and the draft as saved. */
export type AcceptExamplesAnswer = {
  draft: DraftAnswer;
  accepted: AcceptedExample[];
  refused: { id: string; reason: 'error' | 'unknown_example' }[];
};

/** The body of POST …/draft/simulate. */
export type SimulateBody = {
  intake: Record<string, unknown>;
  /** Steps as in a policy's examples (ExampleStep: transition, actor, time, data); each is checked as it runs. */
  steps?: unknown[];
  receivedAt?: string;
  at?: string;
};

/** A complaint run through the draft, explained (nothing is saved). */
export type SimulationAnswer = CaseExplanation;

/** Which parts of the draft come from its template (GET …/draft/inheritance). */
export type InheritanceAnswer = { extends: ExtendsRef | null; parts: InheritedPart[] };

/** The body of POST …/draft/merge. */
export type MergeBody = { template: string; apply?: boolean; expectedVersion?: number };

/** A template's new version merged into the draft: the result, its conflicts and problems. */
export type MergeAnswer = {
  document: Record<string, unknown>;
  policy: Record<string, unknown>;
  conflicts: (MergeConflict & { message: string })[];
  problems: PolicyProblem[];
  /** The saved draft's version when applied. */
  applied?: number;
};

/**
 * The body of POST …/publish: the note, and what to do with open cases — keep them on the version
 * they run under (the default) or move them to the new version where it can carry them.
 */
export type PublishBody = { note: string; openCases?: 'keep' | 'move' };

/** One change from the version before: the change as data and its sentence in the reader's language. */
export type PolicyChangeAnswer = PolicyChange & { message: string };

/** A published version as the versions list and the publish answer give it (without the policy). */
export type VersionSummaryAnswer = {
  /** 1, 2, 3 … per company; immutable once written. */
  number: number;
  /** The template version the draft extended, if it did. */
  extends?: ExtendsRef;
  note: string;
  publishedAt: string;
  /** The user id of who published it. */
  publishedBy: string;
  /** Their name, when the user is known. */
  publishedByName?: string;
  /** What changed from the version before (none for the first version). */
  changes: PolicyChangeAnswer[];
  /** False when the changes were worked out on read: a version published before they were kept. */
  changesRecorded: boolean;
};

/** Why an open case cannot move to the new version, as data and in words. */
export type MigrationReasonAnswer = MigrationReason & { message: string };

/** One open case: what moving it changes (due times, approvers still to approve), or why it cannot. */
export type CaseMigrationAnswer = {
  caseId: string;
  number: string;
  state: string;
  /** The version it runs under now. */
  fromVersion: number;
  movable: boolean;
  clocks: ClockDueChange[];
  approvers?: ApproverChange;
  reasons: MigrationReasonAnswer[];
};

/** POST …/draft/migration-preview: every open case counted; those that change or stay listed (capped). */
export type MigrationPreviewAnswer = {
  /** The number the draft would be published as. */
  toVersion: number;
  open: number;
  movable: number;
  changed: number;
  left: number;
  cases: CaseMigrationAnswer[];
  truncated: boolean;
};

/** What a publish did with open cases ('keep': nothing was looked at, every count is 0). */
export type MigrationOutcomeAnswer = {
  openCases: 'keep' | 'move';
  moved: number;
  left: number;
  skipped: number;
  leftCases: CaseMigrationAnswer[];
  skippedCases: { caseId: string; number: string }[];
  truncated: boolean;
};

/** The version published, and what happened to open cases. */
export type PublishAnswer = VersionSummaryAnswer & {
  migration: MigrationOutcomeAnswer;
  /** The check's warnings about this version against the ones before, worded. */
  warnings: PolicyProblem[];
};

/** A published version with its full policy. */
export type PublishedVersionAnswer = VersionSummaryAnswer & { policy: Policy };
