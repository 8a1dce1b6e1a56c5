/**
 * Converts a company kept in the layout before the journal — cases/<YYYY-MM>[.n].json,
 * audit/<YYYY-MM>[.n].json and counters.json — into a journal, once, on its first open. The
 * journal is written in a side folder, snapshotted, fsynced and renamed into place; only then are
 * the old files moved aside into `pre-journal/`. A crash at any point leaves either the old files
 * to convert again, or the journal.
 */
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { AuditEntry, PublishedPolicy, StoredCase } from '../../../app/ports/ports.ts';
import {
  DurableJsonFile,
  syncDirectory,
  writeFileDurably,
  type WriteObserver,
} from '../durable-json-file.ts';
import { receivedMonth } from '../storage-names.ts';
import { encodeSnapshot, SNAPSHOT } from './index-snapshot.ts';
import { JournalIndex, type JournalRecord } from './journal-index.ts';
import { JournalWriter } from './journal-writer.ts';

const OLD_FILE = /^(\d{4}-\d{2}|undated)(?:\.([1-9]\d*))?\.json$/;
const OLD_ENTRIES = ['cases', 'audit', 'counters.json'];

/** A case as old files may hold it: written before cases carried their month. */
type OldCase = Omit<StoredCase, 'month'> & { month?: string };

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** The month files of a folder, by month and then part (`2026-02.json`, `2026-02.2.json` …). */
async function monthFiles(folder: string): Promise<string[]> {
  if (!(await exists(folder))) return [];
  const parts = (await readdir(folder)).flatMap((name) => {
    const match = OLD_FILE.exec(name);
    return match?.[1] ? [{ name, month: match[1], part: Number(match[2] ?? 1) }] : [];
  });
  parts.sort((a, b) => (a.month === b.month ? a.part - b.part : a.month < b.month ? -1 : 1));
  return parts.map((part) => join(folder, part.name));
}

/** The records under `field` of an old month file. @throws Error when it is not valid JSON */
async function records<T>(file: string, field: string): Promise<T[]> {
  const data = await new DurableJsonFile<Record<string, T[] | undefined>>(file).read();
  return data?.[field] ?? [];
}

/**
 * Converts the old layout under the company folder, if there is one: every case in the order the
 * old store listed them, then every audit entry in its order, then the counters.
 * @throws Error when an old file is not valid JSON (nothing is moved then)
 */
export async function convertOldLayout(
  folder: string,
  versions: readonly PublishedPolicy[],
  onWrite?: WriteObserver,
): Promise<void> {
  const present: string[] = [];
  for (const name of OLD_ENTRIES) if (await exists(join(folder, name))) present.push(name);
  if (present.length === 0) return;
  const journal = join(folder, 'journal');
  if (!(await exists(journal))) {
    const work = join(folder, 'journal-converting');
    await rm(work, { recursive: true, force: true });
    await writeJournal(folder, work, versions);
    await rename(work, journal);
    await syncDirectory(folder);
    onWrite?.(journal);
  }
  const aside = join(folder, 'pre-journal');
  await mkdir(aside, { recursive: true });
  for (const name of present) await rename(join(folder, name), join(aside, name));
  await syncDirectory(aside);
  await syncDirectory(folder);
}

async function writeJournal(
  folder: string,
  work: string,
  versions: readonly PublishedPolicy[],
): Promise<void> {
  const writer = new JournalWriter(work, [1, 0], 64 * 1024 * 1024, undefined);
  const index = new JournalIndex();
  const append = (record: JournalRecord): Promise<void> => {
    const { place, durable } = writer.append(JSON.stringify(record));
    index.apply(record, place);
    durable.catch(() => undefined); // the last one is awaited: a failure fails them all
    return durable;
  };
  try {
    let last: Promise<void> = Promise.resolve();
    for (const file of await monthFiles(join(folder, 'cases'))) {
      for (const old of await records<OldCase>(file, 'cases')) {
        const month = old.month ?? receivedMonth(old, versions);
        last = append({ case: { ...old, month } });
      }
      await last;
    }
    for (const file of await monthFiles(join(folder, 'audit'))) {
      for (const entry of await records<AuditEntry>(file, 'entries'))
        last = append({ audit: [entry] });
      await last;
    }
    const counters = await new DurableJsonFile<{ lastSerial?: Record<string, number> }>(
      join(folder, 'counters.json'),
    ).read();
    if (counters?.lastSerial) await append({ serials: counters.lastSerial });
    await last;
  } finally {
    await writer.close();
  }
  if (index.position[1] > 0 || index.position[0] > 1) {
    await writeFileDurably(join(work, SNAPSHOT), encodeSnapshot(index, basename(folder)));
  } else {
    await mkdir(work, { recursive: true });
  }
}
