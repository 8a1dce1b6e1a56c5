/**
 * Records kept in JSON files by month, at most `limit` to a file: `<YYYY-MM>.json`, then
 * `<YYYY-MM>.2.json`, `<YYYY-MM>.3.json` … A record never moves, so where it is stays valid; a new
 * record goes to the month's newest file. Rewriting one file then costs at most `limit` records,
 * however busy the month and however long the history.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { DurableJsonFile, type WriteObserver } from './durable-json-file.ts';

/** Where a record is: the file (without ".json") and its position there. */
export type ShardPlace = { file: string; position: number };

type Chunk<R> = Low<Record<string, R[] | undefined>>;

const FILE = /^(\d{4}-\d{2}|undated)(?:\.([1-9]\d*))?\.json$/;

function fileName(month: string, part: number): string {
  return part === 1 ? month : `${month}.${part}`;
}

/** One folder of month-sharded records, loaded file by file as needed and then kept. */
export class MonthShards<R> {
  readonly #folder: string;
  readonly #field: string;
  readonly #limit: number;
  readonly #observer: WriteObserver | undefined;
  readonly #chunks = new Map<string, Chunk<R>>();
  readonly #loading = new Map<string, Promise<void>>();
  #scanning: Promise<Map<string, number>> | undefined;
  /** The newest file of each month once scanned: its part number (1 for `<month>.json`). */
  #newest: Map<string, number> | undefined;

  /** Records live in the folder's files under `field` (`{"cases": […]}`), `limit` to a file. */
  constructor(folder: string, field: string, limit: number, observer?: WriteObserver) {
    this.#folder = folder;
    this.#field = field;
    this.#limit = limit;
    this.#observer = observer;
  }

  #scan(): Promise<Map<string, number>> {
    this.#scanning ??= readdir(this.#folder).then(
      (names) => {
        const newest = new Map<string, number>();
        for (const name of names) {
          const match = FILE.exec(name);
          if (!match?.[1]) continue;
          const part = Number(match[2] ?? 1);
          newest.set(match[1], Math.max(newest.get(match[1]) ?? 0, part));
        }
        return (this.#newest = newest);
      },
      (error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
        return (this.#newest = new Map<string, number>());
      },
    );
    this.#scanning.catch(() => (this.#scanning = undefined));
    return this.#scanning;
  }

  async #load(month: string, part: number): Promise<void> {
    const name = fileName(month, part);
    if (this.#chunks.has(name)) return;
    let loading = this.#loading.get(name);
    if (!loading) {
      const chunk = this.#create(name);
      loading = chunk.read().then(() => void this.#chunks.set(name, chunk));
      this.#loading.set(name, loading);
      loading.catch(() => this.#loading.delete(name));
    }
    await loading;
  }

  /**
   * Loads every file of the folder.
   * @throws Error when a file is not valid JSON
   */
  async loadAll(): Promise<void> {
    for (const [month, newest] of await this.#scan()) {
      for (let part = 1; part <= newest; part += 1) await this.#load(month, part);
    }
  }

  /**
   * Loads the newest file of each month given, so `add` to them needs no read.
   * @throws Error when a file is not valid JSON
   */
  async loadNewest(months: Iterable<string>): Promise<void> {
    const newest = await this.#scan();
    for (const month of new Set(months)) {
      const part = newest.get(month);
      if (part !== undefined) await this.#load(month, part);
    }
  }

  /** Every record (not copies) with its place, by month, file and position. */
  entries(): [ShardPlace, R][] {
    const files = [...this.#chunks.keys()].sort((a, b) => {
      const [, monthA = '', partA = '1'] = FILE.exec(`${a}.json`) ?? [];
      const [, monthB = '', partB = '1'] = FILE.exec(`${b}.json`) ?? [];
      return monthA === monthB ? Number(partA) - Number(partB) : monthA < monthB ? -1 : 1;
    });
    return files.flatMap((file) =>
      this.#records(file).map((record, position): [ShardPlace, R] => [{ file, position }, record]),
    );
  }

  /** The record at a place (not a copy). */
  get(place: ShardPlace): R | undefined {
    return this.#records(place.file)[place.position];
  }

  /**
   * Adds a record to the month's newest file, starting a new file when it is full. The month's
   * newest file must be loaded (`loadNewest` or `loadAll`). Returns where it went, and its write.
   */
  add(month: string, record: R): { place: ShardPlace; written: Promise<void> } {
    if (!this.#newest) throw new Error(`${this.#folder} is not loaded`);
    let part = this.#newest.get(month) ?? 0;
    if (part === 0 || this.#records(fileName(month, part)).length >= this.#limit) {
      part += 1;
      this.#newest.set(month, part);
      this.#chunks.set(fileName(month, part), this.#create(fileName(month, part)));
    }
    const file = fileName(month, part);
    const records = this.#records(file);
    records.push(record);
    return { place: { file, position: records.length - 1 }, written: this.#write(file) };
  }

  /** Replaces the record at a place; resolves once its file is on disk. */
  replace(place: ShardPlace, record: R): Promise<void> {
    this.#records(place.file)[place.position] = record;
    return this.#write(place.file);
  }

  #create(name: string): Chunk<R> {
    const file = new DurableJsonFile<Chunk<R>['data']>(
      join(this.#folder, `${name}.json`),
      this.#observer,
    );
    return new Low(file, { [this.#field]: [] });
  }

  #records(file: string): R[] {
    const chunk = this.#chunks.get(file);
    if (!chunk) throw new Error(`${join(this.#folder, file)}.json is not loaded`);
    return (chunk.data[this.#field] ??= []);
  }

  #write(file: string): Promise<void> {
    const chunk = this.#chunks.get(file);
    return chunk ? chunk.write() : Promise.reject(new Error(`${file} is not loaded`));
  }
}
