/**
 * A lowdb adapter for one JSON file that writes atomically and durably, and coalesces writes that
 * arrive while one is in flight into the next one.
 */
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';

/** Told the path of every file once its new content is on disk (for tests and measurements). */
export type WriteObserver = (file: string) => void;

type Waiter = { resolve: () => void; reject: (error: unknown) => void };

/** Makes a folder's entries (a rename, a new file or folder in it) durable: fsync of the folder. */
export async function syncDirectory(folder: string): Promise<void> {
  // Windows cannot open a folder for fsync; NTFS journals renames itself.
  if (process.platform === 'win32') return;
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Creates a folder and its missing parents, and makes each new folder's entry durable. */
export async function makeDirectoryDurably(folder: string): Promise<void> {
  const first = await mkdir(folder, { recursive: true });
  if (first === undefined) return;
  const created: string[] = [];
  for (let current = folder; ; current = dirname(current)) {
    created.push(current);
    if (current === first || dirname(current) === current) break;
  }
  for (const made of created.reverse()) await syncDirectory(dirname(made));
}

/**
 * Replaces a file's content atomically and durably: writes a temporary file in the same folder,
 * fsyncs it, renames it over the file and fsyncs the folder. A reader (or a restart after a crash)
 * sees the old content or the new, never a mix.
 */
export async function writeFileDurably(file: string, content: string | Uint8Array): Promise<void> {
  const folder = dirname(file);
  const temporary = join(folder, `.${basename(file)}.tmp`);
  const handle = await open(temporary, 'w');
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, file);
  await syncDirectory(folder);
}

/**
 * One JSON file as a lowdb `Adapter`. `write` resolves only once a write that includes its data is
 * on disk. While a write is in flight, further writes wait and are carried by one next write of the
 * latest data, so N writes requested at once cost two writes, not N.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  /** The file's path. */
  readonly file: string;
  readonly #observer: WriteObserver | undefined;
  #folderReady = false;
  #writing = false;
  #next: { data: T; waiters: Waiter[] } | undefined;

  constructor(file: string, observer?: WriteObserver) {
    this.file = file;
    this.#observer = observer;
  }

  /**
   * The file's data, or null when there is no file yet.
   * @throws Error when the file is not valid JSON: starting over it empty would lose data
   */
  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    try {
      return JSON.parse(text) as T;
    } catch (error) {
      throw new Error(`${this.file} is not valid JSON (${(error as Error).message})`, {
        cause: error,
      });
    }
  }

  /** Writes the data (serialized when its write starts); resolves when it is on disk. */
  write(data: T): Promise<void> {
    if (!this.#writing) return this.#run(data);
    const next = (this.#next ??= { data, waiters: [] });
    next.data = data;
    return new Promise((resolve, reject) => next.waiters.push({ resolve, reject }));
  }

  async #run(data: T): Promise<void> {
    this.#writing = true;
    try {
      const text = JSON.stringify(data);
      if (!this.#folderReady) {
        await makeDirectoryDurably(dirname(this.file));
        this.#folderReady = true;
      }
      await writeFileDurably(this.file, text);
      this.#observer?.(this.file);
    } finally {
      this.#writing = false;
      this.#startNext();
    }
  }

  #startNext(): void {
    const next = this.#next;
    if (!next) return;
    this.#next = undefined;
    this.#run(next.data).then(
      () => next.waiters.forEach((waiter) => waiter.resolve()),
      (error: unknown) => next.waiters.forEach((waiter) => waiter.reject(error)),
    );
  }
}
