/** What the API says of cases: one case with its clocks, actions and audit trail; the list; intake and actions. */
import type {
  ApproverChainExplanation,
  Case,
  CaseEvent,
  Decision,
} from '../../domain/case/index.ts';
import type { ClockReading } from '../../domain/clocks/index.ts';
import type { Label } from '../../domain/policy/index.ts';
import type { Page } from './common.ts';
import type { DeliveryAnswer } from './notification.ts';

/** A decision with why it was made (the rule's conditions, the table row, the person). */
export type ExplainedDecisionAnswer = Decision & { why: string[] };

/** Why an action is not possible now, as the server would refuse it if it were taken. */
export type ActionRefusalAnswer = {
  /** The error code taking the action now would be refused with (approvals_pending, …). */
  code: string;
  /** Why, in the caller's language, with the policy's role labels ("等待 副总经理 核决"). */
  message: string;
  /** The roles whose approval the action waits for, in chain order (empty when it waits for none). */
  waitingFor: string[];
};

/**
 * An action the reader's roles allow in the case's state: `allowed` when the server would accept
 * it now (the stage form's fields aside), otherwise `refusal` says why.
 */
export type CaseActionAnswer = {
  id: string;
  label: Label;
  form?: string;
  allowed: boolean;
  refusal?: ActionRefusalAnswer;
};

/** One entry of a case's audit trail; before and after carry the case, masked like it. */
export type AuditEntryAnswer = {
  id: string;
  at: string;
  /** `at` in company time (the policy's zone, see the case's `timeZone`): "2026-03-02T10:00:00+08:00". */
  atLocal: string;
  /** The user id of who did it (named in the case's `people`). */
  by: string;
  action: string;
  policyVersion?: number;
  /** For "migratePolicy": the version the case ran under before it was moved to `policyVersion`. */
  fromPolicyVersion?: number;
  /** Why, in the writer's words (for "migratePolicy": the note of the publish). */
  note?: string;
  before?: unknown;
  after?: unknown;
  events?: CaseEvent[];
  /** For "attachmentAdded": the file added. */
  attachment?: { id: string; name: string; type: string; size: number; sha256: string };
  /** For a workflow action: the case's files its stage form named, each with its field (".receipt"). */
  files?: { field: string; id: string; name: string; type: string; size: number }[];
};

/**
 * A file on a case (its metadata; GET …/attachments/:attachment answers the bytes). `type` is the
 * media type its content shows, `name` the uploaded name made safe, `addedBy` a user id.
 */
export type AttachmentAnswer = {
  id: string;
  name: string;
  type: string;
  size: number;
  /** SHA-256 of the bytes, lower-case hex. */
  sha256: string;
  addedAt: string;
  addedBy: string;
};

/**
 * A case as its readers see it: the case (intake masked for the reader's roles), its clocks read
 * now, the actions the reader's roles allow (each saying whether it is possible now), each decision with why, the approver chain, and (when read)
 * the audit trail with the names of the people in it.
 */
export type CaseAnswer = {
  case: Case;
  /** The policy version the case was opened under; its forms and clocks come from that version. */
  policyVersion: number;
  /** The case's version: send it back as `expectedVersion` to act only on what was read. */
  version: number;
  updatedAt: string;
  /** The external key of the old record the case was imported from, if it was. */
  importKey?: string;
  clocks: ClockReading[];
  actions: CaseActionAnswer[];
  decisions: ExplainedDecisionAnswer[];
  approverChain: ApproverChainExplanation | null;
  /** The IANA time zone of the case's policy (company time), e.g. "Asia/Shanghai". */
  timeZone: string;
  audit?: AuditEntryAnswer[];
  /** The files on the case, in the order added (when the case is read). */
  attachments?: AttachmentAnswer[];
  /** User id → name, for everyone in the audit trail and the approval chain. */
  people?: Record<string, string>;
  /** (When read) the outgoing deliveries of the case's notifications, oldest first. */
  deliveries?: DeliveryAnswer[];
};

/** A case as the list shows it. */
export type CaseSummaryAnswer = {
  id: string;
  number: string;
  state: string;
  receivedAt: string;
  categories: Record<string, string>;
  assignee: Case['assignee'];
  /** The intake, with confidential fields masked for roles that do not need them. */
  intake: Record<string, unknown>;
  nextDue: string | null;
  overdue: boolean;
  version: number;
};

/** One page of the case list, with the names of the users its cases are assigned to. */
export type CasePageAnswer = Page<CaseSummaryAnswer> & {
  /** User id → name, for each case's `assignee.user` (users of this company, or platform staff). */
  people: Record<string, string>;
};

/**
 * The filters of GET /companies/:company/cases, as query parameters: `state` and `assignee` may
 * repeat, `category.<dimension>=<value>` filters by category.
 */
export type CaseListQuery = {
  state?: string[];
  categories?: Record<string, string>;
  /** A user id or role the case is assigned to; several: assigned to any of them ("my cases"). */
  assignee?: string | string[];
  department?: string;
  /** "overdue": some running clock is past due; "warning": some clock passed its first warning. */
  due?: 'overdue' | 'warning';
  /** "YYYY-MM" of receipt, in the company's time zone. */
  month?: string;
  q?: string;
  page?: number;
  pageSize?: number;
};

/** The body of POST /companies/:company/cases: the filled intake form. */
export type IntakeBody = { intake: Record<string, unknown> };

/** The body of POST /companies/:company/cases/:id/actions. */
export type ActionBody = {
  transition: string;
  data?: Record<string, unknown>;
  /** The case version the action was chosen on; the action is refused if the case has moved on. */
  expectedVersion?: number;
};
