/**
 * `kesu import`: old complaint records from a CSV or XLSX file into a company, through the import
 * route. Never a half-imported file: every batch is first sent as a dry run, and when any row is
 * refused the rows are listed (and written to <file>.rejected.csv) and nothing is imported unless
 * --skip-rejected. Rows are idempotent by their external key, so an interrupted import is finished
 * by running the same command again.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { formatCsv } from '../adapters/files/csv.ts';
import { readTableFile } from '../adapters/files/table-file.ts';
import {
  columnOf,
  keyColumns,
  takenSteps,
  mapRow,
  MappingError,
  parseMapping,
  type ImportMapping,
  type ImportRow,
  type RejectedRow,
} from '../app/import/import-mapping.ts';

import type { Lang } from '../domain/policy/format.ts';
import { say } from './cli-messages.ts';
import { createProgress, type ProgressIo } from './progress.ts';
import { postImportBatch, RemoteError, type Remote } from './remote.ts';

/** What `kesu import` was asked to do: the file, company, mapping and how to go about it. */
export type ImportOptions = {
  file: string;
  company: string;
  mappingFile: string;
  dryRun: boolean;
  skipRejected: boolean;
  batchSize: number;
  lang: Lang;
  /** The CSV's encoding when the user names it (else UTF-8, or GB18030 when recognised). */
  encoding?: string;
};

type Io = { out: (line: string) => void; err: (line: string) => void; progress?: ProgressIo };

/** A batch stays under the server's 1 MB body limit whatever the rows hold. */
const BATCH_BYTES = 800_000;

function batches(rows: ImportRow[], size: number): ImportRow[][] {
  const result: ImportRow[][] = [];
  let current: ImportRow[] = [];
  let bytes = 0;
  for (const row of rows) {
    const length = Buffer.byteLength(JSON.stringify(row));
    if (current.length > 0 && (current.length >= size || bytes + length > BATCH_BYTES)) {
      result.push(current);
      current = [];
      bytes = 0;
    }
    current.push(row);
    bytes += length;
  }
  if (current.length > 0) result.push(current);
  return result;
}

/**
 * Maps every row; a key seen before in the file is refused. `taken` keeps, by file row, which of
 * the mapping's steps the row took, to name the column of a step the server refuses.
 */
function mapAll(
  mapping: ImportMapping,
  table: Awaited<ReturnType<typeof readTableFile>>,
  lang: Lang,
) {
  const rows: ImportRow[] = [];
  const rejected: RejectedRow[] = [];
  const seen = new Map<string, number>();
  const taken = new Map<number, number[]>();
  for (const tableRow of table.rows) {
    taken.set(tableRow.row, takenSteps(mapping, tableRow.values));
    const mapped = mapRow(mapping, tableRow);
    if ('rejected' in mapped) {
      rejected.push(mapped.rejected);
      continue;
    }
    const first = seen.get(mapped.ok.externalKey);
    if (first !== undefined) {
      rejected.push({
        row: tableRow.row,
        key: mapped.ok.externalKey,
        code: 'import_key_duplicate',
        message: say(lang, 'importKeyDuplicate', first),
        field: keyColumns(mapping),
      });
      continue;
    }
    seen.set(mapped.ok.externalKey, tableRow.row);
    rows.push(mapped.ok);
  }
  return { rows, rejected, taken };
}

function rejectedFile(file: string): string {
  return file.replace(/\.(csv|xlsx)$/i, '') + '.rejected.csv';
}

function report(rejected: RejectedRow[], options: ImportOptions, io: Io): void {
  const sorted = [...rejected].sort((a, b) => a.row - b.row);
  const file = rejectedFile(options.file);
  writeFileSync(
    file,
    formatCsv([
      ['row', 'key', 'code', 'column', 'message'],
      ...sorted.map((r) => [String(r.row), r.key, r.code, r.field ?? '', r.message]),
    ]),
  );
  for (const r of sorted.slice(0, 20))
    io.out(`  row ${r.row}  ${r.key}  [${r.code}]  ${r.field ? `${r.field}: ` : ''}${r.message}`);
  if (sorted.length > 20) io.out(say(options.lang, 'importMoreRejected', sorted.length - 20));
  io.out(say(options.lang, 'importRejectedFile', file));
}

/** The mapping file, checked against the table's columns. @throws MappingError */
function readMapping(file: string, columns: string[]): ImportMapping {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new MappingError([{ path: file, message: (error as Error).message }]);
  }
  return parseMapping(raw, columns);
}

/** Sends batches of rows to the server; its rejections name the file's columns. */
type Sender = {
  send: (batch: ImportRow[], dryRun: boolean) => ReturnType<typeof postImportBatch>;
  named: (rejected: RejectedRow) => RejectedRow;
};

function senderFor(
  mapping: ImportMapping,
  remote: Remote,
  company: string,
  taken: Map<number, number[]>,
): Sender {
  return {
    send: (batch, dryRun) => postImportBatch(remote, company, { rows: batch, dryRun }),
    named: (r) => {
      const column = columnOf(mapping, r.field, taken.get(r.row));
      return { ...r, ...(column ? { field: column } : {}) };
    },
  };
}

/** Every batch as a dry run, with progress: the counts, and the rows refused added to `rejected`. */
async function checkAll(
  sender: Sender,
  rows: ImportRow[],
  options: ImportOptions,
  io: Io,
  rejected: RejectedRow[],
) {
  const progress = createProgress(io, rows.length, options.lang, Date.now, 'importCheckProgress');
  let toImport = 0;
  let already = 0;
  const refusedKeys = new Set<string>();
  try {
    for (const batch of batches(rows, options.batchSize)) {
      const answer = await sender.send(batch, true);
      toImport += answer.imported;
      already += answer.alreadyImported;
      for (const r of answer.rejected) {
        rejected.push(sender.named(r));
        refusedKeys.add(r.key);
      }
      progress.advance(batch.length);
    }
  } finally {
    progress.finish();
  }
  return { toImport, already, refusedKeys };
}

/** Every batch for real, with progress. @throws RemoteError saying the import can be run again */
async function importAll(sender: Sender, rows: ImportRow[], options: ImportOptions, io: Io) {
  const progress = createProgress(io, rows.length, options.lang);
  let imported = 0;
  let skipped = 0;
  const late: RejectedRow[] = [];
  try {
    for (const batch of batches(rows, options.batchSize)) {
      const answer = await sender.send(batch, false);
      imported += answer.imported;
      skipped += answer.alreadyImported;
      late.push(...answer.rejected.map(sender.named));
      progress.advance(batch.length);
    }
  } catch (error) {
    progress.finish();
    if (error instanceof RemoteError)
      throw new RemoteError(say(options.lang, 'importInterrupted', error.message));
    throw error;
  }
  progress.finish();
  return { imported, skipped, late };
}

/**
 * Runs the import; returns the exit code (0 done, 1 rows rejected and nothing imported).
 * @throws MappingError, TableFileError, RemoteError (the caller prints them)
 */
export async function runImport(options: ImportOptions, remote: Remote, io: Io): Promise<number> {
  const table = await readTableFile(options.file, { encoding: options.encoding });
  if (table.encoding?.detected)
    io.out(say(options.lang, 'importEncodingDetected', table.encoding.name));
  const mapping = readMapping(options.mappingFile, table.columns);
  const { rows, rejected, taken } = mapAll(mapping, table, options.lang);
  const sender = senderFor(mapping, remote, options.company, taken);
  const checked = await checkAll(sender, rows, options, io, rejected);
  const { toImport, already } = checked;
  io.out(say(options.lang, 'importChecked', table.rows.length, toImport, already, rejected.length));
  if (rejected.length > 0) report(rejected, options, io);
  if (options.dryRun) {
    io.out(say(options.lang, 'importDryRun'));
    return rejected.length > 0 ? 1 : 0;
  }
  if (rejected.length > 0 && !options.skipRejected) {
    io.out(say(options.lang, 'importNothing'));
    return 1;
  }
  const accepted = rows.filter((row) => !checked.refusedKeys.has(row.externalKey));
  const started = Date.now();
  const { imported, skipped, late } = await importAll(sender, accepted, options, io);
  if (late.length > 0) report([...rejected, ...late], options, io);
  const seconds = (Date.now() - started) / 1000;
  const rate = Math.round(accepted.length / Math.max(seconds, 0.001));
  const refused = rejected.length + late.length;
  io.out(say(options.lang, 'importDone', imported, skipped, refused, seconds.toFixed(1), rate));
  return late.length > 0 ? 1 : 0;
}
