/**
 * One company in the embedded store: its draft and published versions (lowdb JSON files) and its
 * journal of cases and audit entries, with the index readers answer from. A write goes into the
 * journal at once, but the index readers see takes it in only once its line is on disk; until
 * then the company's writers (one at a time, in its queue) see it as pending, so no serial, number
 * or key is given twice.
 */
import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Low } from 'lowdb';
import type {
  AuditEntry,
  IdempotencyRecord,
  PolicyDraft,
  PublishedPolicy,
  StoredCase,
} from '../../../app/ports/ports.ts';
import { DurableJsonFile, writeFileDurably, type WriteObserver } from '../durable-json-file.ts';
import { asStoredCase, type CaseSummary } from './case-summary.ts';
import { encodeSnapshot, readSnapshot, SNAPSHOT } from './index-snapshot.ts';
import {
  JournalIndex,
  prepareCase,
  type JournalRecord,
  type PreparedCase,
} from './journal-index.ts';
import { compactJournal, recoverCompaction, worthCompacting } from './journal-compaction.ts';
import { replayJournal } from './journal-replay.ts';
import { JournalWriter, type Place, type SyncObserver } from './journal-writer.ts';
import { startsWithTrail, trailText } from './trail-line.ts';
import type { TrailEntry } from '../../../app/ports/audit-trail.ts';
import { convertOldLayout } from './old-layout.ts';
import { OutboxBook, type OutboxBookData } from '../outbox-book.ts';
import type { CompanyChannels } from '../../../app/ports/outbox.ts';

/** How a company's journal is kept. */
export type JournalOptions = {
  /** Bytes a segment grows to before the next one starts. */
  segmentBytes: number;
  /** Lines written between two snapshots of the index. */
  snapshotEvery: number;
  /** Journal bytes past which a start compacts a journal whose case lines are mostly superseded. */
  compactAbove: number;
  /** Told each file written whole (draft, versions, snapshots), once on disk. */
  onWrite?: WriteObserver;
  /** Told each fdatasync of a journal segment. */
  onSync?: SyncObserver;
  /** Tracks a background write (a snapshot): its failure stops the store. */
  track: <T>(write: Promise<T>) => Promise<T>;
};

const VERSION_FILE = /^[1-9]\d*\.json$/;
/** How a journal line's audit array starts: the line's only key, or the key after the case. */
const AUDIT_ONLY = '{"audit":[';
const AUDIT_KEY = ',"audit":[';
/** Bytes of a line read first for its trail (a trail of a dozen actions fits). */
const TRAIL_READ = 8 * 1024;
/** Buffers of TRAIL_READ bytes kept for reuse: a batch of reads at once (2 MB). */
const TRAIL_BUFFERS_KEPT = 256;

async function versionFiles(folder: string): Promise<string[]> {
  try {
    return (await readdir(folder)).filter((name) => VERSION_FILE.test(name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** A company's policy files and journal. */
export class CompanyJournal {
  /** The draft, if any (policy-draft.json). */
  readonly draft: Low<{ draft: PolicyDraft | null }>;
  /** Published versions, 1, 2, … in order. */
  readonly versions: PublishedPolicy[] = [];
  /** What readers see: every line on disk. */
  index = new JournalIndex();
  /**
   * Notifications and deliveries: added from journal lines once on disk, kept whole in outbox.json
   * (written before each snapshot, so lines a snapshot covers are never needed again for it).
   */
  outbox = new OutboxBook();
  readonly #outboxFile: Low<OutboxBookData | null>;
  /** The company's delivery channels (channels.json), if set. */
  readonly channels: Low<{ channels: CompanyChannels | null }>;
  /** The book's last write, and whether the book changed since it started. */
  #outboxSaving: Promise<void> = Promise.resolve();
  #outboxUnsaved = false;
  readonly #folder: string;
  readonly #options: JournalOptions;
  #writer: JournalWriter | undefined;
  /** Summaries (no bodies) of the cases written but not yet on disk. */
  readonly #pendingCases = new Map<string, CaseSummary>();
  readonly #pendingNumbers = new Map<string, string>();
  readonly #pendingImports = new Map<string, string>();
  readonly #pendingClaims = new Map<string, IdempotencyRecord>();
  readonly #pendingSerials = new Map<string, number>();
  /** The replay trails of the cases written but not yet on disk. */
  readonly #pendingTrails = new Map<string, TrailEntry[]>();
  /** Buffers readTrail reads into, kept for the next reads. */
  readonly #trailBuffers: Buffer[] = [];
  #sinceSnapshot = 0;
  #snapshotting: Promise<void> | undefined;

  private constructor(folder: string, options: JournalOptions) {
    this.#folder = folder;
    this.#options = options;
    this.draft = this.#low<{ draft: PolicyDraft | null }>('policy-draft.json', { draft: null });
    this.#outboxFile = this.#low<OutboxBookData | null>('outbox.json', null);
    this.channels = this.#low<{ channels: CompanyChannels | null }>('channels.json', {
      channels: null,
    });
  }

  /** Writes the outbox book whole, durably (writes that overlap are carried together). */
  saveOutbox(): Promise<void> {
    this.#outboxUnsaved = false;
    this.#outboxFile.data = this.outbox.toData();
    this.#outboxSaving = this.#outboxFile.write();
    return this.#outboxSaving;
  }

  /**
   * Reads the company's draft and versions, converts an old data directory's month files once,
   * loads the index snapshot and replays the journal after it.
   * @throws Error when a file is not valid JSON, naming it (and the line, for the journal)
   */
  static async load(folder: string, options: JournalOptions): Promise<CompanyJournal> {
    const company = new CompanyJournal(folder, options);
    await company.draft.read();
    await company.channels.read();
    for (const name of await versionFiles(join(folder, 'policies'))) {
      const version = company.#low<PublishedPolicy | null>(join('policies', name), null);
      await version.read();
      if (version.data) company.versions.push(version.data);
    }
    company.versions.sort((a, b) => a.number - b.number);
    await company.#outboxFile.read();
    company.outbox = new OutboxBook(company.#outboxFile.data ?? undefined);
    let outboxGrew = false;
    await recoverCompaction(folder);
    await convertOldLayout(folder, company.versions, options.onWrite);
    const journal = join(folder, 'journal');
    let index = (await readSnapshot(journal)) ?? new JournalIndex();
    const replayed = index;
    let end = await replayJournal(journal, index.position, (record, place) => {
      replayed.apply(record as JournalRecord, place);
      const { outbox } = record as JournalRecord;
      if (outbox && company.outbox.add(outbox)) outboxGrew = true;
      company.#sinceSnapshot += 1;
    });
    // Before a compaction writes a snapshot past these lines.
    if (outboxGrew) await company.saveOutbox();
    if (await worthCompacting(journal, index, options.compactAbove)) {
      ({ index, end } = await compactJournal(journal, index, options.segmentBytes));
      company.#sinceSnapshot = 0;
    }
    company.index = index;
    company.#writer = new JournalWriter(journal, end, options.segmentBytes, options.onSync);
    return company;
  }

  #low<T>(name: string, empty: T): Low<T> {
    return new Low(new DurableJsonFile<T>(join(this.#folder, name), this.#options.onWrite), empty);
  }

  get #journal(): JournalWriter {
    if (!this.#writer) throw new Error(`${this.#folder} is not loaded`);
    return this.#writer;
  }

  /** Writes a newly published version to its own file, once. */
  async publish(version: PublishedPolicy): Promise<void> {
    await this.#low(join('policies', `${version.number}.json`), version).write();
    this.versions.push(version);
  }

  /** For writers: the case's latest record as a summary (no body), counting pending writes. */
  caseForWrite(caseId: string): StoredCase | undefined {
    const summary = this.#pendingCases.get(caseId) ?? this.index.get(caseId)?.stored;
    return summary && asStoredCase(summary);
  }

  /** For writers: whether a case has this number, counting pending writes. */
  numberTaken(number: string): boolean {
    return this.#pendingNumbers.has(number) || this.index.caseWithNumber(number) !== undefined;
  }

  /** For writers: whether a case was imported with this key, counting pending writes. */
  importKeyTaken(importKey: string): boolean {
    return (
      this.#pendingImports.has(importKey) || this.index.caseWithImportKey(importKey) !== undefined
    );
  }

  /** For writers: whether a write claimed this idempotency key, counting pending writes. */
  claimTaken(key: string): boolean {
    return this.#pendingClaims.has(key) || this.index.claimed(key) !== undefined;
  }

  /** For writers: the last serial given out in a period, counting pending writes. */
  lastSerial(period: string): number {
    return Math.max(this.#pendingSerials.get(period) ?? 0, this.index.lastSerial(period));
  }

  /**
   * Appends a line to the journal (serialized at once: later changes to the record's objects do
   * not reach it); resolves once it is on disk and readers see it. Call from the company's queue
   * only, so lines go in the order their checks were made.
   */
  write(record: JournalRecord): Promise<void> {
    // The trail first, so that a reader finds it at the line's start (see trail-line.ts).
    const text = JSON.stringify(record.trail ? { trail: record.trail, ...record } : record);
    const stored = record.case;
    const prepared = stored && prepareCase(stored);
    if (stored && prepared) {
      const id = stored.case.id;
      this.#pendingCases.set(id, prepared.view);
      if (record.trail) this.#pendingTrails.set(id, record.trail);
      else this.#pendingTrails.delete(id);
      this.#pendingNumbers.set(stored.case.number, id);
      if (stored.importKey !== undefined) this.#pendingImports.set(stored.importKey, id);
      for (const [key, claim] of Object.entries(stored.idempotency ?? {})) {
        this.#pendingClaims.set(key, { caseId: id, ...claim });
      }
      this.#pendingSerials.set(
        stored.period,
        Math.max(this.lastSerial(stored.period), stored.serial),
      );
    }
    const { place, durable } = this.#journal.append(text);
    return durable.then(() => this.#publish(record, place, prepared));
  }

  #publish(record: JournalRecord, place: Place, prepared: PreparedCase | undefined): void {
    this.index.apply(record, place, prepared);
    if (record.outbox && this.outbox.add(record.outbox)) {
      this.#outboxUnsaved = true;
      void this.#options.track(this.saveOutbox()).catch(() => undefined);
    }
    const stored = record.case;
    if (stored) {
      const id = stored.case.id;
      if (this.#pendingCases.get(id) === prepared?.view) this.#pendingCases.delete(id);
      if (this.#pendingTrails.get(id) === record.trail) this.#pendingTrails.delete(id);
      if (this.#pendingNumbers.get(stored.case.number) === id) {
        this.#pendingNumbers.delete(stored.case.number);
      }
      if (stored.importKey !== undefined) this.#pendingImports.delete(stored.importKey);
      for (const key of Object.keys(stored.idempotency ?? {})) this.#pendingClaims.delete(key);
      if (this.#pendingSerials.get(stored.period) === stored.serial) {
        this.#pendingSerials.delete(stored.period);
      }
    }
    this.#sinceSnapshot += 1;
    // At least a tenth of the cases between snapshots: writing one costs the whole index, so
    // this keeps that cost per line bounded however large the company grows.
    const every = Math.max(this.#options.snapshotEvery, this.index.cases.length / 10);
    if (this.#sinceSnapshot >= every && !this.#snapshotting) {
      void this.#options.track(this.snapshot()).catch(() => undefined);
    }
  }

  /**
   * Writes the index (what is on disk, and the journal position it covers) durably, so the next
   * start replays only the lines after it. Does nothing when no line came since the last one.
   */
  snapshot(): Promise<void> {
    if (this.#snapshotting) return this.#snapshotting.then(() => this.snapshot());
    if (this.#sinceSnapshot === 0) return Promise.resolve();
    const text = encodeSnapshot(this.index, basename(this.#folder));
    this.#sinceSnapshot = 0;
    const file = join(this.#journal.folder, SNAPSHOT);
    // The book first: it then holds every outbox of the lines the snapshot covers.
    const book = this.#outboxUnsaved ? this.saveOutbox() : this.#outboxSaving;
    const written = book
      .then(() => writeFileDurably(file, text))
      .then(() => this.#options.onWrite?.(file));
    this.#snapshotting = written.finally(() => (this.#snapshotting = undefined));
    return this.#snapshotting;
  }

  /**
   * For writers: the case's replay trail as of its latest write, counting pending writes; [] for
   * a case not stored, undefined for one whose latest line has none (written before trails were).
   * @throws Error when the line cannot be read
   */
  async trailForWrite(caseId: string): Promise<TrailEntry[] | undefined> {
    if (this.#pendingCases.has(caseId)) return this.#pendingTrails.get(caseId);
    const entry = this.index.get(caseId);
    return entry ? this.readTrail(entry.place) : [];
  }

  /**
   * The replay trail at the head of the line at `place`, decoded alone (the case beside it is
   * not); undefined when the line has none.
   * @throws Error when the line cannot be read or its trail is damaged
   */
  async readTrail(place: Place): Promise<TrailEntry[] | undefined> {
    const text = await this.readTrailText(place);
    return text === undefined ? undefined : (JSON.parse(text) as TrailEntry[]);
  }

  /**
   * The JSON text of the replay trail at the head of the line at `place`, not decoded;
   * undefined when the line has none.
   * @throws Error when the line cannot be read
   */
  async readTrailText(place: Place): Promise<string | undefined> {
    // Its first kilobytes hold most trails whole: the rest of the line is read only when not.
    // They are read into a buffer kept for the next read: a pass over many cases would otherwise
    // allocate 8 kB a case outside the heap, and each few thousand cases set off a collection.
    const scratch = this.#trailBuffers.pop() ?? Buffer.allocUnsafeSlow(TRAIL_READ);
    let whole: boolean;
    let text: string | undefined;
    try {
      const head = await this.#journal.readBytes(place, TRAIL_READ, scratch);
      text = trailText(head);
      whole = text !== undefined || head.length === place[2] || !startsWithTrail(head);
    } finally {
      if (this.#trailBuffers.length < TRAIL_BUFFERS_KEPT) this.#trailBuffers.push(scratch);
    }
    return whole ? text : trailText(await this.#journal.readBytes(place));
  }

  /** A journal line's text, read from disk. */
  readText(place: Place): Promise<string> {
    return this.#journal.read(place);
  }

  /**
   * A journal line, read from disk and parsed (a fresh copy each time).
   * @throws Error when the line cannot be read or parsed
   */
  async readLine(place: Place): Promise<JournalRecord> {
    return JSON.parse(await this.#journal.read(place)) as JournalRecord;
  }

  /**
   * The audit entries of the journal line at `place`, without parsing the case beside them. A line
   * is `{"case":…,"audit":[…]}` or `{"audit":[…]}`: the entries are the array after the last
   * structural `"audit":` key (a quote inside a JSON string is always escaped, so `,"audit":[`
   * cannot come from a string). Should that array not parse alone — a nested key of that name
   * in the entries, or a key after them — the whole line is parsed instead.
   * @throws Error when the line cannot be read or parsed
   */
  async readAudit(place: Place): Promise<AuditEntry[]> {
    const text = (await this.#journal.read(place)).trimEnd();
    const key = text.lastIndexOf(AUDIT_KEY);
    const start = text.startsWith(AUDIT_ONLY)
      ? AUDIT_ONLY.length - 1
      : key >= 0
        ? key + AUDIT_KEY.length - 1
        : -1;
    if (start >= 0 && text.endsWith(']}')) {
      try {
        return JSON.parse(text.slice(start, -1)) as AuditEntry[];
      } catch {
        // Not the line's own audit array: read the line whole below.
      }
    }
    return (JSON.parse(text) as JournalRecord).audit ?? [];
  }

  /** The stored case whose latest line is at `place`. */
  async readCase(place: Place): Promise<StoredCase> {
    const { case: stored } = await this.readLine(place);
    if (!stored) throw new Error(`no case in the journal line at ${place.join(':')}`);
    return stored;
  }

  /** Writes a last snapshot, then closes the journal's files. */
  async close(): Promise<void> {
    await this.#writer?.close();
    if (this.#writer) await this.snapshot();
  }
}
