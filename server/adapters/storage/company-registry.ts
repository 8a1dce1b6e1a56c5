/**
 * The companies an embedded store has touched: each company's journal and policy files, loaded on
 * first use, and the queue (an async mutex) its changes go through one at a time.
 */
import { join } from 'node:path';
import { CompanyJournal, type JournalOptions } from './journal/company-journal.ts';
import { SerialQueue } from './serial-queue.ts';
import { assertSafeName, isSafeName } from './storage-names.ts';
import type { WriteTracker } from './write-tracker.ts';

/** What a change made in the queue returns: its result, and the writes that make it durable. */
export type Change<T> = { value: T; durable: Promise<unknown> };

type Company = { queue: SerialQueue; journal?: Promise<CompanyJournal> };

/** A deep copy, so nobody outside the store shares its objects. */
export function copy<T>(value: T): T {
  return structuredClone(value);
}

/** Companies by id under `<root>/companies/`, with their journals and queues. */
export class CompanyRegistry {
  readonly #root: string;
  readonly #tracker: WriteTracker;
  readonly #options: JournalOptions;
  readonly #companies = new Map<string, Company>();

  constructor(root: string, tracker: WriteTracker, options: JournalOptions) {
    this.#root = root;
    this.#tracker = tracker;
    this.#options = options;
  }

  #company(companyId: string): Company {
    let found = this.#companies.get(companyId);
    if (!found) this.#companies.set(companyId, (found = { queue: new SerialQueue() }));
    return found;
  }

  #journal(companyId: string): Promise<CompanyJournal> {
    const found = this.#company(companyId);
    if (!found.journal) {
      const folder = join(this.#root, 'companies', companyId);
      // Loaded in the company's queue: a conversion or replay is never raced by a change.
      const loading = found.queue.run(() => CompanyJournal.load(folder, this.#options));
      found.journal = loading;
      loading.catch(() => (found.journal = undefined));
    }
    return found.journal;
  }

  /**
   * What `pick` finds in the company's journal; `fallback` for an id no folder can have. Whatever
   * `pick` returns from memory must be copied by it: bodies read from disk are fresh already.
   * @throws Error when the store is closed or a file is not valid JSON
   */
  async read<T>(
    companyId: string,
    fallback: T,
    pick: (journal: CompanyJournal) => T | Promise<T>,
  ): Promise<T> {
    this.#tracker.ensureOpen();
    if (!isSafeName(companyId)) return fallback;
    return pick(await this.#journal(companyId));
  }

  /**
   * Runs a change in the company's queue, then waits, outside the queue, until its writes are on
   * disk: changes stay in order while their writes are carried together (group commit).
   * @throws Error when the company id cannot name a folder, or the store is closed or failed
   */
  async mutate<T>(companyId: string, change: (journal: CompanyJournal) => Promise<Change<T>>) {
    this.#tracker.ensureOpen();
    assertSafeName('company id', companyId);
    const journal = await this.#journal(companyId);
    const { value, durable } = await this.#company(companyId).queue.run(async () => {
      this.#tracker.ensureHealthy();
      return change(journal);
    });
    await durable;
    return value;
  }

  /** Waits for every queued change, then writes each journal's last snapshot and closes it. */
  async close(): Promise<void> {
    const companies = [...this.#companies.values()];
    await Promise.allSettled(companies.map(({ queue }) => queue.run(() => {})));
    await this.#tracker.drain();
    for (const { journal } of companies) {
      const loaded = await journal?.catch(() => undefined);
      if (loaded) await this.#tracker.track(loaded.close());
    }
  }
}
