/**
 * Compaction of a company's journal, on start before the company is served: the journal is
 * rewritten without superseded case versions, keeping every audit entry in its order. Each case's
 * latest version (with its replay trail) takes the place of its first line, so the order received
 * stays; a later line of the case keeps only its audit entries. The new journal is written beside the old one, snapshotted
 * and fsynced, then swapped in by renames; a crash at any point leaves one whole journal.
 */
import { rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { makeDirectoryDurably, syncDirectory, writeFileDurably } from '../durable-json-file.ts';
import { encodeSnapshot, SNAPSHOT } from './index-snapshot.ts';
import { JournalIndex, type JournalRecord } from './journal-index.ts';
import { replayJournal } from './journal-replay.ts';
import { JournalWriter, listSegments, segmentName, type Position } from './journal-writer.ts';

const COMPACTING = 'journal-compacting';
const REPLACED = 'journal-replaced';

/** Lines appended between two waits for the disk while rewriting. */
const FLUSH_EVERY = 1000;

/**
 * Finishes or undoes a compaction a crash cut short: a half-written new journal is removed; an old
 * one already replaced is removed, or put back when the new one never made it into place.
 */
export async function recoverCompaction(company: string): Promise<void> {
  const journal = join(company, 'journal');
  const replaced = join(company, REPLACED);
  await rm(join(company, COMPACTING), { recursive: true, force: true });
  if (!(await exists(replaced))) return;
  if (await exists(journal)) await rm(replaced, { recursive: true, force: true });
  else await rename(replaced, journal);
  await syncDirectory(company);
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    },
  );
}

/**
 * Whether a journal is worth compacting: more than `above` bytes, more than half of its case lines
 * superseded by later versions.
 */
export async function worthCompacting(
  journal: string,
  index: JournalIndex,
  above: number,
): Promise<boolean> {
  if (index.caseLines < 2 * index.cases.length) return false;
  let total = 0;
  for (const segment of await listSegments(journal)) {
    total += (await stat(join(journal, segmentName(segment)))).size;
  }
  return total > above;
}

/**
 * Rewrites the journal of the company whose index is `index` (every line replayed) and swaps it
 * in; returns the new journal's index and where its next line goes.
 * @throws Error when a line cannot be read or written (the old journal is then left as it was)
 */
export async function compactJournal(
  journal: string,
  index: JournalIndex,
  segmentBytes: number,
): Promise<{ index: JournalIndex; end: Position }> {
  const company = dirname(journal);
  const work = join(company, COMPACTING);
  await rm(work, { recursive: true, force: true });
  const old = new JournalWriter(journal, index.position, segmentBytes, undefined);
  const fresh = new JournalWriter(work, [1, 0], segmentBytes, undefined);
  const compacted = new JournalIndex();
  const written = new Set<string>();
  let pending: Promise<void>[] = [];
  try {
    await replayJournal(journal, [1, 0], async (line, place) => {
      const record = line as JournalRecord;
      const out: JournalRecord = {};
      const id = record.case?.case.id;
      if (id !== undefined && !written.has(id)) {
        written.add(id);
        const latest = index.get(id)?.place ?? place;
        const same = latest[0] === place[0] && latest[1] === place[1];
        const source = same ? record : (JSON.parse(await old.read(latest)) as JournalRecord);
        // The case's replay trail goes with its latest version, first in the line.
        if (source.trail) out.trail = source.trail;
        out.case = source.case;
      }
      if (record.audit?.length) out.audit = record.audit;
      if (record.serials) out.serials = record.serials;
      if (record.outbox) out.outbox = record.outbox;
      if (!out.case && !out.audit && !out.serials && !out.outbox) return;
      const appended = fresh.append(JSON.stringify(out));
      compacted.apply(out, appended.place);
      pending.push(appended.durable);
      if (pending.length >= FLUSH_EVERY) await Promise.all(pending.splice(0));
    });
    await Promise.all(pending);
    pending = [];
  } finally {
    await Promise.allSettled(pending);
    await fresh.close();
    await old.close();
  }
  await makeDirectoryDurably(work);
  await writeFileDurably(join(work, SNAPSHOT), encodeSnapshot(compacted, basename(company)));
  await rename(journal, join(company, REPLACED));
  await rename(work, journal);
  await syncDirectory(company);
  await rm(join(company, REPLACED), { recursive: true, force: true });
  return { index: compacted, end: compacted.position };
}
