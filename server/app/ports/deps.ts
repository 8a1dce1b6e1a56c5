/** What the use cases are given by the composition root: storage, validation, time, ids, templates. */
import type { Label, Lang } from '../../domain/policy/format.ts';
import type { SchemaValidator } from '../../domain/validator.ts';
import type { SendDelivery } from './outbox.ts';
import type { PublishedPolicy, Store } from './ports.ts';
import type { StartReplayer } from '../policies/backtest-replay.ts';

/** What the template gallery shows of a bundled template. */
export type TemplateSummary = {
  id: string;
  title: Label;
  description?: Label;
  /** The source documents (seed file and section) the template was taken from. */
  sources?: { seed: string; section: string }[];
  /** The parts its sources do not state, and what the template assumed (format: `assumptions`). */
  assumptions?: { part: string; note: Label }[];
  /** How much it holds: forms, category dimensions, clocks, runnable examples. */
  facts?: { forms: number; categories: number; clocks: number; examples: number };
};

export type TemplateSource = {
  /** The bundled template's policy document, or undefined if there is none with that id. */
  load(id: string): unknown;
  list(): TemplateSummary[];
};

export type AppDeps = {
  store: Store;
  validator: SchemaValidator;
  /** The current time as an ISO string with offset. */
  now: () => string;
  /** A new unique id. */
  newId: () => string;
  /** A new secret for an API token. */
  newSecret: () => string;
  /** The hash a token is stored as. */
  hashSecret: (secret: string) => string;
  /** Hashes passwords with a memory-hard function and checks them against a hash. */
  passwords: PasswordHasher;
  /** What a file's content is (its media type, if recognised) and its SHA-256. */
  inspectFile: (bytes: Uint8Array) => Promise<FileInspection>;
  templates: TemplateSource;
  /** The studio's public address (KESU_PUBLIC_URL), for links to cases in outgoing notifications. */
  publicUrl?: string;
  /** Sends a delivery over a channel now (the worker's sender), for an administrator's test message. */
  sendDelivery?: SendDelivery;
  /** The published versions read so far from `store` (made with it: a new store, a new cache). */
  versions: PublishedVersionCache;
  /** Spreads a backtest's replays over worker threads; without it they run in this thread. */
  startReplayer?: StartReplayer;
};

/** A memory-hard password hash (argon2id): the hash names its own parameters and salt. */
export type PasswordHasher = {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
};
/**
 * A file's media type as its content shows it (undefined when nothing recognises it; `text/plain`
 * for UTF-8 text without control characters) and its SHA-256 in lower-case hex.
 */
export type FileInspection = { type: string | undefined; sha256: string };

/** Published versions by `company#number`, kept once read (they never change). */
export type PublishedVersionCache = Map<string, PublishedPolicy>;

/** Per-request context: who is asking, in which language. */
export type Principal = {
  userId: string;
  name: string;
  platformRole?: 'platformAdmin' | 'consultant';
  companyId?: string;
  companies?: string[];
  roles: string[];
};

export type RequestContext = { principal: Principal; lang: Lang };
