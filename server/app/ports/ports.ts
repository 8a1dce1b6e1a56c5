/**
 * The storage port: what the use cases need from a store. Async, scoped by company, domain types
 * only; saves carry the version they expect (optimistic concurrency) and fail with `stale_version`.
 * Every adapter (memory, lowdb, …) passes the one contract suite in test/adapters/storage.
 */
import type { Case, CaseEvent } from '../../domain/case/case.ts';
import type { PatchOp } from '../../domain/case/case-patch.ts';
import { CodedError } from '../../domain/coded-error.ts';
import type { Policy } from '../../domain/policy/format.ts';
import type { ExtendsRef } from '../../domain/policy/inheritance.ts';
import type { PolicyChange } from '../../domain/policy/diff-policies.ts';
import type { CaseHead } from './audit-trail.ts';
import type { ChannelStore, DeliveryStore, NotificationStore, Outbox } from './outbox.ts';

export type Company = {
  id: string;
  name: string;
  /** The template it was created from, if any. */
  template?: string;
  createdAt: string;
};

/** Platform-wide roles; company roles come from the company's policy. */
export type PlatformRole = 'platformAdmin' | 'consultant';

export type User = {
  id: string;
  name: string;
  /** The company the user belongs to; absent for platform administrators and consultants. */
  companyId?: string;
  /** Roles from the company's policy (e.g. "salesManager"), plus "admin" for its administrator. */
  roles: string[];
  platformRole?: PlatformRole;
  /** Companies a consultant may work on. */
  companies?: string[];
  department?: string;
  /** Where e-mail notifications go (a company's e-mail channel). */
  email?: string;
  createdAt: string;
};

/** An API token: only the SHA-256 hash of its secret is kept. */
export type ApiToken = {
  id: string;
  userId: string;
  hash: string;
  label?: string;
  createdAt: string;
  revokedAt?: string;
};

/**
 * How a user signs in with a password: the login name (and e-mail) they give, kept lower-case, and
 * the argon2id hash of their password (absent until they set one from an invitation). Never
 * answered by the API nor written to the audit.
 */
export type Credential = {
  userId: string;
  login: string;
  email?: string;
  passwordHash?: string;
  updatedAt: string;
};

/** A studio session: only the SHA-256 hash of the cookie's secret is kept. */
export type Session = {
  id: string;
  userId: string;
  hash: string;
  createdAt: string;
  /** When it was last used (it ends after a while unused), and when it ends whatever happens. */
  lastSeenAt: string;
  expiresAt: string;
  revokedAt?: string;
};

/** A one-time link to set a password: only the hash of its secret is kept. */
export type Invitation = {
  id: string;
  userId: string;
  hash: string;
  createdAt: string;
  createdBy: string;
  expiresAt: string;
  usedAt?: string;
  revokedAt?: string;
};

/**
 * Attempts counted per key in a window, shared by every runtime on the store: wrong passwords for a
 * login or a client address (`login:…`, `address:…`), and the complaints a client address filed on
 * public forms (`complaints:…`). (Stored where the sign-in failures were first kept.)
 */
export type AttemptCount = { key: string; count: number; lastAt: string };

export type PolicyDraft = {
  companyId: string;
  /** The policy as the administrator gave it: a full policy, or overrides of a template (`extends`). */
  document: unknown;
  /** For a document in extends form: the template version it extends, kept so it resolves later too. */
  base?: TemplateSnapshot;
  version: number;
  updatedAt: string;
  updatedBy: string;
};

/** A template's document at one version. */
export type TemplateSnapshot = ExtendsRef & { policy: Record<string, unknown> };

export type PublishedPolicy = {
  companyId: string;
  /** 1, 2, 3 … per company; immutable once written. */
  number: number;
  /** The full policy (an extends-form draft is published resolved). */
  policy: Policy;
  /** The template version the draft extended, if it did. */
  extends?: ExtendsRef;
  note: string;
  publishedAt: string;
  publishedBy: string;
  /**
   * What changed from the version before, as data (worded in the reader's language when read);
   * empty for the first version, absent on versions published before changes were kept.
   */
  changes?: PolicyChange[];
};

export type StoredCase = {
  companyId: string;
  case: Case;
  /** The policy version the case was opened under (kept for its whole life). */
  policyVersion: number;
  /** The numbering period its serial counts in ("2026-02"), and the serial. */
  period: string;
  serial: number;
  /** The month it was received ("2026-02"), in its policy's time zone: what lists and reports filter by. */
  month: string;
  /** The external key of the old record it was imported from (kesu import); one case per key. */
  importKey?: string;
  /** Optimistic-concurrency version, 1 on creation. */
  version: number;
  updatedAt: string;
  /**
   * The idempotency keys of the writes that made the case (scoped key → the request's fingerprint
   * and the version it produced). Storage's own: the store keeps it from each write's claim, in the
   * same record as the case, so a case is never stored without its key or the other way round.
   */
  idempotency?: Record<string, { request: string; version: number }>;
};

/** An idempotency key a write claims: scoped (company, caller) and the fingerprint of its request. */
export type IdempotencyClaim = { key: string; request: string };

/** What the write that claimed a key produced: the case and its version, and the request's fingerprint. */
export type IdempotencyRecord = { caseId: string; version: number; request: string };

export type AuditEntry = {
  id: string;
  companyId: string;
  caseId?: string;
  at: string;
  by: string;
  action: string;
  policyVersion?: number;
  /** For a case moved to another policy version ("migratePolicy"): the version it ran under. */
  fromPolicyVersion?: number;
  /** Why, in the writer's words (the note given when publishing, for a move). */
  note?: string;
  /** The case before and after the write: kept whole only where there is no earlier entry. */
  before?: unknown;
  after?: unknown;
  /** What the write changed in the case: applied to the case after the case's previous entry. */
  changes?: PatchOp[];
  events?: CaseEvent[];
  /**
   * For a workflow action: the data it was given and the actor's roles then, so that the action
   * can be replayed exactly (policy backtests). Absent on entries written before it was kept.
   */
  input?: { data?: Record<string, unknown>; roles: string[] };
  /** For "attachmentAdded": the file added (its bytes are in the store's attachments). */
  attachment?: Pick<Attachment, 'id' | 'name' | 'type' | 'size' | 'sha256'>;
  /** For a workflow action: the case's files its stage form's attachment fields named. */
  files?: StageFormFile[];
};

/** A file a stage form's answer names: the field (".receipt", ".photos.0") and the file. */
export type StageFormFile = Pick<Attachment, 'id' | 'name' | 'type' | 'size'> & { field: string };

/**
 * Which cases a query or scan wants; every condition given must hold. Moments are epoch milliseconds.
 */
export type CaseFilter = {
  /** In one of these states. */
  states?: string[];
  /** Open (no terminal state) or closed. */
  open?: boolean;
  /** Every given dimension has the given value. */
  categories?: Record<string, string>;
  /** Assigned to one of these user ids or roles. */
  assignees?: string[];
  department?: string;
  /** Received in this month ("2026-02") or year ("2026"): a prefix of `StoredCase.month`. */
  month?: string;
  /** Some running clock is due at or before this moment. */
  dueBy?: number;
  /** Some running clock is due, or reached its first warning, at or before this moment. */
  warnedBy?: number;
  /** The clock sweep has something to do at or before this moment (see caseMoments). */
  sweepBy?: number;
  /** Appears in the case number or in the intake's JSON text. */
  text?: string;
  /** Dotted intake paths `text` is not looked for in: the fields masked for whoever asks. */
  textExcept?: string[];
};

/**
 * The order of a query: soonest due first (cases with no running clock last), as received, or by
 * case number — numbering period, then serial, never the number's text (2602100 after 260299).
 */
export type CaseOrder = 'due' | 'received' | 'number';

/** One page of a query, and how many cases match in all. */
export type CasePage = { items: StoredCase[]; total: number };

/**
 * A file on a case, as stored: its metadata; the bytes are kept beside it, outside the case
 * document (files under the data directory, or a table on PostgreSQL).
 */
export type Attachment = {
  id: string;
  companyId: string;
  caseId: string;
  /** The name it was uploaded with, made safe: no folders, no control characters, at most 200 characters. */
  name: string;
  /** The media type detected from its content (never from its name or the client's word). */
  type: string;
  /** Its length in bytes. */
  size: number;
  /** SHA-256 of its bytes, lower-case hex. */
  sha256: string;
  addedAt: string;
  /** The user id of whoever added it. */
  addedBy: string;
};

/** Storage of attachments: the bytes and their metadata, scoped by company and case. */
export type AttachmentStore = {
  /**
   * Stores the bytes, then the metadata, each durably: once it resolves, both survive a crash.
   * @throws StoreError conflict when an attachment with its id is already stored
   */
  put(attachment: Attachment, bytes: Uint8Array): Promise<void>;
  /** The attachment with its bytes; undefined when the company's case has none with that id. */
  get(
    companyId: string,
    caseId: string,
    id: string,
  ): Promise<{ attachment: Attachment; bytes: Uint8Array } | undefined>;
  /** The case's attachments (metadata only), in the order added. */
  list(companyId: string, caseId: string): Promise<Attachment[]>;
  /** The bytes every attachment of the company takes (their sizes summed). */
  bytesUsed(companyId: string): Promise<number>;
};

/**
 * Storage for one data directory or database. Every method is scoped by company where the data
 * belongs to one; a missing record is `undefined`, never another company's.
 */
export type Store = {
  companies: {
    list(): Promise<Company[]>;
    get(id: string): Promise<Company | undefined>;
    create(company: Company): Promise<void>;
  };
  users: {
    get(id: string): Promise<User | undefined>;
    /** The company's users; with no company, the platform's staff (administrators, consultants). */
    list(companyId: string | undefined): Promise<User[]>;
    save(user: User): Promise<void>;
  };
  tokens: {
    findByHash(hash: string): Promise<ApiToken | undefined>;
    listForUser(userId: string): Promise<ApiToken[]>;
    save(token: ApiToken): Promise<void>;
  };
  credentials: {
    get(userId: string): Promise<Credential | undefined>;
    /** The credential whose login or e-mail is `name` (lower-case). */
    findByLogin(name: string): Promise<Credential | undefined>;
    /** @throws StoreError conflict when the login or e-mail is another user's login or e-mail */
    save(credential: Credential): Promise<void>;
  };
  sessions: {
    findByHash(hash: string): Promise<Session | undefined>;
    /** Saves the session; a session once revoked stays revoked (a late save of its use keeps that). */
    save(session: Session): Promise<void>;
    /** Revokes every session of the user not yet revoked. */
    revokeForUser(userId: string, at: string): Promise<void>;
  };
  invitations: {
    findByHash(hash: string): Promise<Invitation | undefined>;
    save(invitation: Invitation): Promise<void>;
    /** Revokes the user's invitations not yet used or revoked. */
    revokeForUser(userId: string, at: string): Promise<void>;
    /**
     * Marks the invitation used, once: the invitation as it was when this call used it, undefined
     * when it was used or revoked already (also by a call at the same moment).
     */
    use(hash: string, at: string): Promise<Invitation | undefined>;
  };
  attemptCounts: {
    get(key: string): Promise<AttemptCount | undefined>;
    /**
     * Counts one more attempt at `at`, starting again from one when the last was before `since`,
     * in one step (runtimes counting at once lose none); the count after it.
     */
    record(key: string, at: string, since: string): Promise<AttemptCount>;
    clear(key: string): Promise<void>;
  };
  policies: {
    getDraft(companyId: string): Promise<PolicyDraft | undefined>;
    /** @throws StoreError stale_version when the draft's version is not `expectedVersion` (0 = none yet). */
    saveDraft(draft: PolicyDraft, expectedVersion: number): Promise<PolicyDraft>;
    /** Appends the next version number; @throws StoreError stale_version if `number` is not next. */
    publish(version: PublishedPolicy): Promise<void>;
    getVersion(companyId: string, number: number): Promise<PublishedPolicy | undefined>;
    latestVersion(companyId: string): Promise<PublishedPolicy | undefined>;
    listVersions(companyId: string): Promise<Omit<PublishedPolicy, 'policy'>[]>;
  };
  cases: {
    /**
     * Numbers and stores a new case in one step: the serial is the period's next, given to `build`;
     * no serial is used twice or skipped, also when intakes run at once. A case number is never
     * given twice in a company: when the number `build` makes for a serial is already a case's (the
     * numbering format changed), the next serial is tried.
     * The idempotency claim, if given, is stored with the case in the same write, and so is the
     * outbox `outbox` makes of the stored case (its items already stored by key are left as they are).
     * @throws StoreError conflict when the case's importKey is already the key of another case, or
     *   the claim's key was stored meanwhile
     */
    insertNumbered(
      companyId: string,
      period: string,
      build: (serial: number) => Omit<StoredCase, 'version' | 'serial' | 'period' | 'companyId'>,
      audit: (stored: StoredCase) => AuditEntry[],
      idempotency?: IdempotencyClaim,
      outbox?: (stored: StoredCase) => Outbox,
    ): Promise<StoredCase>;
    /** The last serial given in a numbering period (0 when none was): the next intake takes one more. */
    lastSerial(companyId: string, period: string): Promise<number>;
    get(companyId: string, caseId: string): Promise<StoredCase | undefined>;
    /** The case with this number, if any. */
    getByNumber(companyId: string, number: string): Promise<StoredCase | undefined>;
    /** The case imported from the record with this external key, if any. */
    findByImportKey(companyId: string, importKey: string): Promise<StoredCase | undefined>;
    /**
     * Saves the case at its next version, with the idempotency claim and the outbox if given, in one
     * write (outbox items already stored by key are left as they are).
     * @throws StoreError conflict when the claim's key is already stored (checked first) or the
     *   case's number is not the stored one (a number never changes), stale_version when the
     *   stored version is not `expectedVersion`
     */
    save(
      stored: StoredCase,
      expectedVersion: number,
      audit: AuditEntry[],
      idempotency?: IdempotencyClaim,
      outbox?: Outbox,
    ): Promise<StoredCase>;
    /** One page of the cases matching `filter`, in `order`, and the number matching in all. */
    query(
      companyId: string,
      filter: CaseFilter,
      order: CaseOrder,
      page: { offset: number; limit: number },
    ): Promise<CasePage>;
    /**
     * The cases matching `filter` in the order received, in batches of at most `batchSize`, read
     * as the caller goes (a case saved meanwhile is seen at most once).
     */
    scan(companyId: string, filter?: CaseFilter, batchSize?: number): AsyncIterable<StoredCase[]>;
    /**
     * As `scan`, only each case's head (id, number, received time, month, policy version): what a
     * pass that then reads the cases' trails needs, without their bodies.
     */
    scanHeads(
      companyId: string,
      filter?: CaseFilter,
      batchSize?: number,
    ): AsyncIterable<CaseHead[]>;
  };
  idempotency: {
    /** What the write that claimed this scoped key in the company produced, if one did. */
    get(companyId: string, key: string): Promise<IdempotencyRecord | undefined>;
  };
  audit: {
    /** The case's audit entries, in the order written. */
    forCase(companyId: string, caseId: string): Promise<AuditEntry[]>;
    /**
     * Several cases' audit entries, each case's in the order written, read together (one query,
     * or each journal line once): what a pass over many cases reads instead of one case at a time.
     * Every id asked for is a key of the answer (with no entries when the case has none).
     */
    forCases(companyId: string, caseIds: readonly string[]): Promise<Map<string, AuditEntry[]>>;
    /**
     * Several cases' replay trails (see audit-trail.ts), each as the JSON text of its entries as a
     * replay reads them, in the order written: a store that keeps them as text hands it on
     * undecoded (a backtest decodes them in its replay threads). Every id asked for is a key of the
     * answer. A store may leave out entries `append` wrote alone (they never act on a case: an
     * attachment added).
     */
    trailTexts(companyId: string, caseIds: readonly string[]): Promise<Map<string, string>>;
    /** Every audit entry of the company in the order written, in batches of at most `batchSize`. */
    scan(companyId: string, batchSize?: number): AsyncIterable<AuditEntry[]>;
    append(entries: AuditEntry[]): Promise<void>;
  };
  /** Each user's in-app notifications (written with the case writes that raise them). */
  notifications: NotificationStore;
  /** Outgoing deliveries of notifications (queued with the case writes that raise them). */
  deliveries: DeliveryStore;
  /** Each company's delivery channels. */
  channels: ChannelStore;
  /** Files on cases (see AttachmentStore). */
  attachments: AttachmentStore;
  /** Whether the store can serve requests (what /api/health reports). */
  health(): Promise<StoreHealth>;
  /** Flushes pending writes and releases the data directory. */
  close(): Promise<void>;
};

/**
 * A store's health: `write_failed` once an embedded store's write failed (it refuses every call
 * until restarted), `unreachable` when the database does not answer; `reason` is for the log only.
 */
export type StoreHealth =
  { ok: true } | { ok: false; problem: 'write_failed' | 'unreachable'; reason: string };

/**
 * Codes a store raises: `stale_version` (a save expected another version), `not_found` (a save of
 * something never stored), `conflict` (a create of something already stored, e.g. by a request
 * that got there first) and `storage_unavailable` (an earlier write failed: the store refuses
 * every call until restarted).
 */
export const STORE_ERROR_CODES = [
  'stale_version',
  'not_found',
  'conflict',
  'storage_unavailable',
] as const;

/** One of the store's error codes. */
export type StoreErrorCode = (typeof STORE_ERROR_CODES)[number];

/** A storage failure the use cases can act on. */
export class StoreError extends CodedError<StoreErrorCode> {}
