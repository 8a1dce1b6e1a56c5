/**
 * The case (客诉案件) as the domain sees it: plain data, changed only by the lifecycle functions,
 * which return a new case and the events that describe the change.
 */
import type { Duration, Label, RuleAction, TerminalKind } from '../policy/format.ts';

/** Why a decision was made: the rule (with json-rules-engine's per-condition trace) or the table row. */
export type DecisionSource =
  | { kind: 'rule'; ruleSet: string; rule: string; trace: unknown }
  | { kind: 'table'; table: string; row: string }
  | { kind: 'form'; field: string }
  | { kind: 'staff'; user: string; reason?: string }
  | { kind: 'default'; dimension: string };

export type Decision = { action: RuleAction; source: DecisionSource; at: string };

/** The facts rules are evaluated over; each key is a json-rules-engine fact. */
export type CaseFacts = {
  intake: Record<string, unknown>;
  categories: Record<string, string>;
  remedy: { amount: number; type?: string } | null;
  state: string;
  flags: string[];
  receivedAt: string;
  forms: Record<string, Record<string, unknown>>;
};

export type CategoryChange = {
  dimension: string;
  from: string | null;
  to: string;
  at: string;
  source: DecisionSource;
};

export type ApprovalStep = {
  role: string;
  status: 'pending' | 'approved' | 'rejected';
  user?: string;
  at?: string;
  comment?: string;
};

export type Remedy = {
  amount: number;
  type?: string;
  proposedAt: string;
  proposedBy: string;
  data: Record<string, unknown>;
  /** The approval-matrix row (or rules) that chose the chain. */
  chainSource: DecisionSource[];
  chain: ApprovalStep[];
};

/**
 * An escalation level whose moment had passed when its clock stopped, before the sweep raised it:
 * the clock was breached all the same. `at` is the moment the level was reached.
 */
export type MissedEscalation = { level: number; at: string };

/**
 * A table-chosen duration worked out again from the clock's start because a category the table
 * reads changed while the clock ran (raised to extra-urgent → the shorter row).
 */
export type ClockDurationChange = {
  at: string;
  from: { duration: Duration; source?: DecisionSource };
  to: { duration: Duration; source?: DecisionSource };
  /** The category change that chose the new row (absent if none of the case's is the cause). */
  reason?: CategoryChange;
};

/** An interval of a paused clock; `to` absent while still paused. */
export type ClockPause = { from: string; to?: string };

export type ClockState = {
  id: string;
  status: 'running' | 'paused' | 'stopped';
  startedAt: string;
  stoppedAt?: string;
  duration: Duration;
  /** The duration-table row that chose the duration, if any. */
  durationSource?: DecisionSource;
  pauses: ClockPause[];
  /** Warning and escalation levels already raised: exactly once each. */
  warned: number[];
  escalated: number[];
  /** Escalation levels passed when the clock stopped that no sweep had raised. */
  missedEscalations?: MissedEscalation[];
  /** Every time a category change chose another row of the clock's duration table. */
  durationChanges?: ClockDurationChange[];
  /**
   * While running: when it falls due and when each warning and escalation level is reached, worked
   * out once on the calendar (see scheduleClock) so lists and sweeps need no calendar arithmetic.
   */
  schedule?: {
    dueAt: string;
    warnings: Record<string, string>;
    escalations: Record<string, string>;
  };
};

export type FormSubmission = {
  form: string;
  transition: string;
  data: Record<string, unknown>;
  at: string;
  by: string;
};

/** A decision the customer rejected, kept on the reopened case. */
export type ReopenedDecision = {
  at: string;
  remedy: Remedy | null;
  reply: FormSubmission | null;
  reason?: string;
};

export type Notification = { role: string; message?: Label; at: string; reason: string };

export type Case = {
  id: string;
  number: string;
  state: string;
  terminal?: TerminalKind;
  receivedAt: string;
  intake: Record<string, unknown>;
  categories: Record<string, string>;
  categoryHistory: CategoryChange[];
  assignee: { role?: string; department?: string; user?: string };
  flags: string[];
  decisions: Decision[];
  remedy: Remedy | null;
  /** Roles rules added to every approval chain of this case (requireApproval). */
  requiredApprovals: string[];
  submissions: FormSubmission[];
  clocks: Record<string, ClockState>;
  reopened: ReopenedDecision[];
  notifications: Notification[];
  satisfaction?: number;
  /**
   * Where the complaint came in, when not typed in by staff: `web` for the company's public form
   * (网上投诉), with the SHA-256 hash of the complainant's follow secret (never the secret).
   */
  origin?: CaseOrigin;
};

/**
 * A complaint filed on the company's public form, and the hash of its follow link's secret (left
 * out of what the API answers about the case).
 */
export type CaseOrigin = { channel: 'web'; followHash?: string };

/** What happened to a case, in order; the runtime appends these to the audit trail. */
export type CaseEvent = {
  type:
    | 'caseOpened'
    | 'transition'
    | 'categorySet'
    | 'assigned'
    | 'fieldSet'
    | 'flagged'
    | 'notified'
    | 'remedyProposed'
    | 'approved'
    | 'approvalRejected'
    | 'replied'
    | 'reopened'
    | 'clockStarted'
    | 'clockStopped'
    | 'clockPaused'
    | 'clockResumed'
    | 'clockWarning'
    | 'clockEscalated'
    | 'clockEscalationMissed'
    | 'clockDurationChanged';
  at: string;
  by?: string;
  data: Record<string, unknown>;
};

/** The person acting; roles come from the company's user record, never from the request. */
export type Actor = { user: string; roles: string[] };
