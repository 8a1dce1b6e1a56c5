/**
 * The companies a lowdb store has touched: each company's files, loaded on first use, and the
 * queue (an async mutex) its changes go through one at a time.
 */
import { join } from 'node:path';
import { CompanyFiles } from './company-files.ts';
import type { WriteObserver } from './durable-json-file.ts';
import { SerialQueue } from './serial-queue.ts';
import { assertSafeName, isSafeName } from './storage-names.ts';
import type { WriteTracker } from './write-tracker.ts';

/** What a change made in memory returns: its result, and the writes that make it durable. */
export type Change<T> = { value: T; durable: Promise<unknown> };

type Company = { queue: SerialQueue; files?: Promise<CompanyFiles> };

/** A deep copy, so nobody outside the store shares its objects. */
export function copy<T>(value: T): T {
  return structuredClone(value);
}

/** Companies by id under `<root>/companies/`, with their files and queues. */
export class CompanyRegistry {
  readonly #root: string;
  readonly #tracker: WriteTracker;
  readonly #limit: number;
  readonly #observer: WriteObserver | undefined;
  readonly #companies = new Map<string, Company>();

  constructor(root: string, tracker: WriteTracker, limit: number, observer?: WriteObserver) {
    this.#root = root;
    this.#tracker = tracker;
    this.#limit = limit;
    this.#observer = observer;
  }

  #company(companyId: string): Company {
    let found = this.#companies.get(companyId);
    if (!found) this.#companies.set(companyId, (found = { queue: new SerialQueue() }));
    return found;
  }

  #files(companyId: string): Promise<CompanyFiles> {
    const found = this.#company(companyId);
    if (!found.files) {
      const folder = join(this.#root, 'companies', companyId);
      const loading = CompanyFiles.load(folder, this.#limit, this.#observer);
      found.files = loading;
      loading.catch(() => (found.files = undefined));
    }
    return found.files;
  }

  /**
   * A copy of what `pick` finds in the company's files; `fallback` for an id no file can have.
   * @throws Error when the store is closed or a file is not valid JSON
   */
  async read<T>(companyId: string, fallback: T, pick: (files: CompanyFiles) => T | Promise<T>) {
    this.#tracker.ensureOpen();
    if (!isSafeName(companyId)) return fallback;
    return copy(await pick(await this.#files(companyId)));
  }

  /**
   * Runs a change in the company's queue, then waits, outside the queue, until its writes are on
   * disk: changes stay in order while their writes are carried together (group commit).
   * @throws Error when the company id cannot name a folder, or the store is closed or failed
   */
  async mutate<T>(companyId: string, change: (files: CompanyFiles) => Promise<Change<T>>) {
    this.#tracker.ensureOpen();
    assertSafeName('company id', companyId);
    const { value, durable } = await this.#company(companyId).queue.run(async () => {
      this.#tracker.ensureHealthy();
      return change(await this.#files(companyId));
    });
    await durable;
    return value;
  }

  /** Resolves once every change queued so far has run. */
  async settle(): Promise<void> {
    const queues = [...this.#companies.values()].map(({ queue }) => queue.run(() => {}));
    await Promise.allSettled(queues);
  }
}
