/**
 * One company's files under `<dataDir>/companies/<id>/`, loaded on first use and then served from
 * memory: policy-draft.json, policies/<n>.json (each written once), counters.json, cases/ (by the
 * month of receivedAt) and audit/ (by the month of `at`), each month in files of at most `limit`
 * records. Only the files a change touches are rewritten, so an intake costs the same in a
 * company's first month and in its tenth year.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import type {
  AuditEntry,
  IdempotencyRecord,
  PolicyDraft,
  PublishedPolicy,
  StoredCase,
} from '../../app/ports/ports.ts';
import { DurableJsonFile, type WriteObserver } from './durable-json-file.ts';
import { MonthShards, type ShardPlace } from './month-shards.ts';
import { monthOf, receivedMonth } from './storage-names.ts';

const VERSION_FILE = /^[1-9]\d*\.json$/;

async function versionFiles(folder: string): Promise<string[]> {
  try {
    return (await readdir(folder)).filter((name) => VERSION_FILE.test(name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** A company's data in memory, and the files it is kept in. */
export class CompanyFiles {
  readonly #folder: string;
  readonly #observer: WriteObserver | undefined;
  /** The draft, if any (policy-draft.json). */
  readonly draft: Low<{ draft: PolicyDraft | null }>;
  /** The last serial of each period whose case is on disk (counters.json). */
  readonly counters: Low<{ lastSerial: Record<string, number> }>;
  /** Published versions, 1, 2, … in order. */
  readonly versions: PublishedPolicy[] = [];
  /** The last serial given out in each period, counting intakes still being written. */
  readonly lastSerial = new Map<string, number>();
  readonly #cases: MonthShards<StoredCase>;
  readonly #caseIndex = new Map<string, ShardPlace>();
  /** Import key → case id, for the cases imported from old records. */
  readonly #importIndex = new Map<string, string>();
  /** Idempotency key → case id, for the writes that claimed one (the key lives on the case). */
  readonly #claimIndex = new Map<string, string>();
  /** Case number → case id: a number is given once. */
  readonly #numberIndex = new Map<string, string>();
  readonly #audit: MonthShards<AuditEntry>;

  private constructor(folder: string, limit: number, observer: WriteObserver | undefined) {
    this.#folder = folder;
    this.#observer = observer;
    this.draft = this.#low<{ draft: PolicyDraft | null }>('policy-draft.json', { draft: null });
    this.counters = this.#low<{ lastSerial: Record<string, number> }>('counters.json', {
      lastSerial: {},
    });
    this.#cases = new MonthShards(join(folder, 'cases'), 'cases', limit, observer);
    this.#audit = new MonthShards(join(folder, 'audit'), 'entries', limit, observer);
  }

  /**
   * Reads a company's draft, versions, counters and cases (audit is read when needed). A period's
   * last serial is the larger of counters.json and the largest serial on disk: none is reused.
   * @throws Error when a file is not valid JSON
   */
  static async load(
    folder: string,
    limit: number,
    observer?: WriteObserver,
  ): Promise<CompanyFiles> {
    const files = new CompanyFiles(folder, limit, observer);
    await Promise.all([files.draft.read(), files.counters.read(), files.#cases.loadAll()]);
    for (const [period, serial] of Object.entries(files.counters.data.lastSerial)) {
      files.lastSerial.set(period, serial);
    }
    for (const name of await versionFiles(join(folder, 'policies'))) {
      const version = files.#low<PublishedPolicy | null>(join('policies', name), null);
      await version.read();
      if (version.data) files.versions.push(version.data);
    }
    files.versions.sort((a, b) => a.number - b.number);
    for (const [place, stored] of files.#cases.entries()) {
      // Cases written before the month was stored: the month of receipt in its policy's zone.
      stored.month ??= receivedMonth(stored, files.versions);
      files.#caseIndex.set(stored.case.id, place);
      files.#indexClaims(stored);
      const last = files.lastSerial.get(stored.period) ?? 0;
      files.lastSerial.set(stored.period, Math.max(last, stored.serial));
    }
    return files;
  }

  #low<T>(name: string, empty: T): Low<T> {
    return new Low(new DurableJsonFile<T>(join(this.#folder, name), this.#observer), empty);
  }

  /** The case, as stored (not a copy). */
  getCase(caseId: string): StoredCase | undefined {
    const place = this.#caseIndex.get(caseId);
    return place && this.#cases.get(place);
  }

  /** The case imported with this key (not a copy). */
  getImported(importKey: string): StoredCase | undefined {
    const caseId = this.#importIndex.get(importKey);
    return caseId === undefined ? undefined : this.getCase(caseId);
  }

  /** What the write that claimed this idempotency key produced, if one did. */
  getClaimed(key: string): IdempotencyRecord | undefined {
    const caseId = this.#claimIndex.get(key);
    const found = caseId === undefined ? undefined : this.getCase(caseId)?.idempotency?.[key];
    return found && caseId !== undefined ? { caseId, ...found } : undefined;
  }

  /** The case with this number (not a copy). */
  getByNumber(number: string): StoredCase | undefined {
    const caseId = this.#numberIndex.get(number);
    return caseId === undefined ? undefined : this.getCase(caseId);
  }

  #indexClaims(stored: StoredCase): void {
    this.#numberIndex.set(stored.case.number, stored.case.id);
    if (stored.importKey !== undefined) this.#importIndex.set(stored.importKey, stored.case.id);
    for (const key of Object.keys(stored.idempotency ?? {})) {
      this.#claimIndex.set(key, stored.case.id);
    }
  }

  /** Every case, by month received and then in the order added (not copies). */
  listCases(): StoredCase[] {
    return this.#cases.entries().map(([, stored]) => stored);
  }

  /** Adds a new case to the month it was received in; resolves once that is on disk. */
  addCase(stored: StoredCase): Promise<void> {
    const { place, written } = this.#cases.add(monthOf(stored.case.receivedAt), stored);
    this.#caseIndex.set(stored.case.id, place);
    this.#indexClaims(stored);
    return written;
  }

  /** Replaces a stored case where it is; resolves once that is on disk. */
  replaceCase(stored: StoredCase): Promise<void> {
    const place = this.#caseIndex.get(stored.case.id);
    if (!place) return Promise.reject(new Error(`case ${stored.case.id} is not stored`));
    this.#indexClaims(stored);
    return this.#cases.replace(place, stored);
  }

  /** Records in counters.json that a period's serial is on disk; resolves once written. */
  recordSerial(period: string, serial: number): Promise<void> {
    const lastSerial = this.counters.data.lastSerial;
    lastSerial[period] = Math.max(lastSerial[period] ?? 0, serial);
    return this.counters.write();
  }

  /** Writes a newly published version to its own file, once. */
  async publish(version: PublishedPolicy): Promise<void> {
    await this.#low(join('policies', `${version.number}.json`), version).write();
    this.versions.push(version);
  }

  /**
   * Loads what appending these entries needs (the newest audit file of their months).
   * @throws Error when a file is not valid JSON
   */
  prepareAudit(entries: AuditEntry[]): Promise<void> {
    return this.#audit.loadNewest(entries.map((entry) => monthOf(entry.at)));
  }

  /** Appends entries (after `prepareAudit`); resolves once they are on disk. */
  appendAudit(entries: AuditEntry[]): Promise<void> {
    const writes = entries.map((entry) => this.#audit.add(monthOf(entry.at), entry).written);
    return Promise.all(writes).then(() => undefined);
  }

  /**
   * Every audit entry, by month and then in the order appended (not copies); reads every month.
   * @throws Error when a file is not valid JSON
   */
  async listAudit(): Promise<AuditEntry[]> {
    await this.#audit.loadAll();
    return this.#audit.entries().map(([, entry]) => entry);
  }
}
