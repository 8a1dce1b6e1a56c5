/**
 * Keeps track of a store's writes in flight: `close` waits for them, and the first write that
 * fails stops the store. After a failed write, memory holds changes the disk does not, and a later
 * write would carry them out although their callers were told they failed; a restart reloads the
 * truth from disk instead.
 */
import { StoreError, type StoreHealth } from '../../app/ports/ports.ts';

export class WriteTracker {
  #failure: Error | undefined;
  #closed = false;
  readonly #pending = new Set<Promise<unknown>>();

  /**
   * Refuses new calls once the store is closed or a write has failed.
   * @throws Error "the store is closed" or "storage failed earlier …"
   */
  ensureOpen(): void {
    if (this.#closed) throw new Error('the store is closed');
    this.ensureHealthy();
  }

  /**
   * Refuses to change anything once a write has failed.
   * @throws StoreError storage_unavailable "storage failed earlier …"
   */
  ensureHealthy(): void {
    if (this.#failure) {
      throw new StoreError(
        'storage_unavailable',
        `storage failed earlier (${this.#failure.message}); restart the server to reload from disk`,
      );
    }
  }

  /** Failing once a write has failed, with the first failure's message. */
  health(): StoreHealth {
    return this.#failure
      ? { ok: false, problem: 'write_failed', reason: this.#failure.message }
      : { ok: true };
  }

  /** Tracks a write until it settles; its failure stops the store. Returns the same promise. */
  track<T>(write: Promise<T>): Promise<T> {
    this.#pending.add(write);
    write.then(
      () => this.#pending.delete(write),
      (error: unknown) => {
        this.#failure ??= error instanceof Error ? error : new Error(String(error));
        this.#pending.delete(write);
      },
    );
    return write;
  }

  /** Refuses new calls from now on. */
  close(): void {
    this.#closed = true;
  }

  /** Resolves when every tracked write (also those started meanwhile) has settled. */
  async drain(): Promise<void> {
    while (this.#pending.size > 0) await Promise.allSettled([...this.#pending]);
  }
}
