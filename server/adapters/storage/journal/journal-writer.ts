/**
 * A company's journal on disk: JSON Lines segments `<folder>/000001.jsonl`, `000002.jsonl` …,
 * appended to and never rewritten. Appends that arrive while a write and its fdatasync are in
 * flight are queued and carried by one next write and one fdatasync (group commit); each append
 * resolves once its line is on disk. Lines are read back by place (positioned reads).
 */
import { constants } from 'node:fs';
import { open, readdir, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { makeDirectoryDurably, syncDirectory } from '../durable-json-file.ts';

/** Where a line is: its segment number, byte offset and length (with its newline). */
export type Place = readonly [segment: number, offset: number, length: number];

/** A position in the journal: a segment and a byte offset in it. */
export type Position = readonly [segment: number, offset: number];

/** Told the segment file each time an fdatasync of it completes (for tests and measurements). */
export type SyncObserver = (file: string) => void;

type Pending = { place: Place; bytes: Buffer; resolve: () => void; reject: (e: unknown) => void };

const SEGMENT = /^(\d{6})\.jsonl$/;
/** The most one write call carries; a larger group is written in several, synced once. */
const WRITE_CHUNK = 4 * 1024 * 1024;

/** The file name of segment `n`: "000001.jsonl". */
export function segmentName(segment: number): string {
  return `${String(segment).padStart(6, '0')}.jsonl`;
}

/** The segment numbers in a journal folder, in order (none when the folder does not exist). */
export async function listSegments(folder: string): Promise<number[]> {
  try {
    const names = await readdir(folder);
    return names
      .map((name) => SEGMENT.exec(name)?.[1])
      .filter((match): match is string => match !== undefined)
      .map(Number)
      .sort((a, b) => a - b);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** One company's journal: appends with group commit, positioned reads. */
export class JournalWriter {
  /** The journal's folder. */
  readonly folder: string;
  readonly #segmentBytes: number;
  readonly #onSync: SyncObserver | undefined;
  readonly #handles = new Map<number, Promise<FileHandle>>();
  #segment: number;
  #end: number;
  #queue: Pending[] = [];
  #flushing = false;
  #failure: unknown;
  #folderReady = false;

  /** Appends go to `segment` from byte `end` on (what recovery found), rolling over past `segmentBytes`. */
  constructor(
    folder: string,
    end: Position,
    segmentBytes: number,
    onSync: SyncObserver | undefined,
  ) {
    this.folder = folder;
    [this.#segment, this.#end] = end;
    this.#segmentBytes = segmentBytes;
    this.#onSync = onSync;
  }

  /** Where the next line goes. */
  get end(): Position {
    return [this.#segment, this.#end];
  }

  /**
   * Queues a line (a JSON text without newline) and returns its place at once, and a promise that
   * resolves once it is on disk.
   */
  append(text: string): { place: Place; durable: Promise<void> } {
    const bytes = Buffer.from(`${text}\n`, 'utf8');
    if (this.#end > 0 && this.#end + bytes.length > this.#segmentBytes) {
      this.#segment += 1;
      this.#end = 0;
    }
    const place: Place = [this.#segment, this.#end, bytes.length];
    this.#end += bytes.length;
    const durable = new Promise<void>((resolve, reject) => {
      if (this.#failure !== undefined) reject(this.#failure);
      else this.#queue.push({ place, bytes, resolve, reject });
    });
    if (!this.#flushing) void this.#flush();
    return { place, durable };
  }

  async #flush(): Promise<void> {
    this.#flushing = true;
    while (this.#queue.length > 0) {
      const batch = this.#queue;
      this.#queue = [];
      try {
        // After a failed write nothing more is written: a later line past a hole would read as
        // damage in the middle of the journal on the next start.
        if (this.#failure !== undefined) throw this.#failure;
        await this.#write(batch);
        batch.forEach((pending) => pending.resolve());
      } catch (error) {
        this.#failure ??= error;
        batch.forEach((pending) => pending.reject(error));
      }
    }
    this.#flushing = false;
  }

  /** Writes a batch in order, segment by segment, each segment synced once. */
  async #write(batch: Pending[]): Promise<void> {
    let start = 0;
    while (start < batch.length) {
      const segment = batch[start]!.place[0];
      let stop = start;
      while (stop < batch.length && batch[stop]!.place[0] === segment) stop += 1;
      const handle = await this.#handle(segment, true);
      let at = batch[start]!.place[1];
      let chunk: Buffer[] = [];
      let size = 0;
      for (let index = start; index < stop; index += 1) {
        const bytes = batch[index]!.bytes;
        if (size > 0 && size + bytes.length > WRITE_CHUNK) {
          await writeAll(handle, Buffer.concat(chunk, size), at);
          at += size;
          chunk = [];
          size = 0;
        }
        chunk.push(bytes);
        size += bytes.length;
      }
      if (size > 0) await writeAll(handle, Buffer.concat(chunk, size), at);
      await handle.datasync();
      this.#onSync?.(join(this.folder, segmentName(segment)));
      start = stop;
    }
  }

  /** The segment's file, opened for reading and writing (created, durably, when `create`). */
  #handle(segment: number, create = false): Promise<FileHandle> {
    let found = this.#handles.get(segment);
    if (!found) {
      found = this.#openSegment(segment, create);
      this.#handles.set(segment, found);
      found.catch(() => this.#handles.delete(segment));
    }
    return found;
  }

  async #openSegment(segment: number, create: boolean): Promise<FileHandle> {
    const file = join(this.folder, segmentName(segment));
    if (!create) return open(file, 'r');
    if (!this.#folderReady) {
      await makeDirectoryDurably(this.folder);
      this.#folderReady = true;
    }
    const handle = await open(file, constants.O_RDWR | constants.O_CREAT);
    await syncDirectory(this.folder);
    return handle;
  }

  /**
   * The line at a place (without its newline), read from disk.
   * @throws Error when the bytes there are fewer than the place says
   */
  async read(place: Place): Promise<string> {
    const bytes = await this.readBytes(place);
    return bytes.toString('utf8', 0, bytes.length - 1);
  }

  /**
   * The bytes of the line at a place (its newline included), or its first `limit` bytes, read
   * from disk; into `into` when given (as many as it holds: the answer is a view of it).
   * @throws Error when the bytes there are fewer than the place says
   */
  async readBytes(place: Place, limit = Infinity, into?: Buffer): Promise<Buffer> {
    const [segment, offset] = place;
    const length = Math.min(place[2], limit, into?.length ?? Infinity);
    const handle = await this.#handle(segment, segment === this.#segment);
    const buffer = into ? into.subarray(0, length) : Buffer.allocUnsafe(length);
    let done = 0;
    while (done < length) {
      const { bytesRead } = await handle.read(buffer, done, length - done, offset + done);
      if (bytesRead === 0) {
        throw new Error(
          `${join(this.folder, segmentName(segment))} ends before byte ${offset + length}`,
        );
      }
      done += bytesRead;
    }
    return buffer;
  }

  /** Waits for the queued appends, then closes every file. */
  async close(): Promise<void> {
    while (this.#flushing || this.#queue.length > 0) await new Promise((r) => setImmediate(r));
    const handles = await Promise.allSettled([...this.#handles.values()]);
    this.#handles.clear();
    for (const handle of handles) if (handle.status === 'fulfilled') await handle.value.close();
  }
}

async function writeAll(handle: FileHandle, data: Buffer, position: number): Promise<void> {
  let done = 0;
  while (done < data.length) {
    const { bytesWritten } = await handle.write(data, done, data.length - done, position + done);
    done += bytesWritten;
  }
}
