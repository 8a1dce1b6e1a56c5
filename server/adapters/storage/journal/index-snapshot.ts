/**
 * A company's index as a snapshot file, in columns: one array per field with a value per case in
 * the order received, the states, periods, months, categories and assignees that cases share
 * written once in tables and referred to by position, audit line places flat. Few and large
 * arrays parse fast and leave little garbage, so that loading 100,000 cases takes a fraction of
 * a second; the journal position it covers tells the start where to replay from.
 */
import { isAscii } from 'node:buffer';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { StoredCase } from '../../../app/ports/ports.ts';
import type { Case } from '../../../domain/case/case.ts';
import { shared, sharedShape, type CaseKeys, type CaseSummary } from './case-summary.ts';
import { JournalIndex } from './journal-index.ts';
import type { Position } from './journal-writer.ts';
import { decodeSnapshot2, type SnapshotFile2 } from './snapshot-format-2.ts';

/** The snapshot's file name in the journal folder. */
export const SNAPSHOT = 'snapshot.json';

/**
 * The index the journal folder's snapshot holds, if it has one.
 * @throws Error naming the file when it cannot be read as a snapshot
 */
export async function readSnapshot(folder: string): Promise<JournalIndex | undefined> {
  const file = join(folder, SNAPSHOT);
  try {
    // Decoded in one go (reading with an encoding decodes chunk by chunk, several times slower);
    // a snapshot written as ASCII is copied byte for byte, faster still than decoding UTF-8.
    const bytes = await readFile(file);
    return decodeSnapshot(bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8'), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Per case, in the order received, one array per field. */
type Columns = {
  id: string[];
  number: string[];
  /** Positions in `texts`. */
  state: number[];
  terminal: (Case['terminal'] | 0)[];
  receivedAt: string[];
  /** Positions in `shapes`. */
  categories: number[];
  assignee: number[];
  policyVersion: number[];
  period: number[];
  serial: number[];
  month: number[];
  version: number[];
  /** 0 when the same as `receivedAt`. */
  updatedAt: (string | 0)[];
  importKey: (string | 0)[];
  nextDue: (number | null)[];
  firstWarning: (number | null)[];
  sweepAt: (number | null)[];
  /** [segment, offset, length] of each case's latest line, flat. */
  place: number[];
};

type SnapshotFile3 = {
  format: 3;
  companyId: string;
  position: Position;
  caseLines: number;
  serials: Record<string, number>;
  /** States, periods and months, each once. */
  texts: string[];
  /** Categories and assignee objects, each once. */
  shapes: Record<string, string>[];
  cases: Columns;
  /** [rank, claims] of the cases holding idempotency claims. */
  idempotency: [number, NonNullable<StoredCase['idempotency']>][];
  /** [segment, offset, length, count] of each audit line, flat. */
  audit: number[];
  /** [case rank (or id when not indexed), segment, offset, length, segment …] per case. */
  auditByCase: (string | number)[][];
};

/** Positions of values in a table of values each kept once. */
function table<T>(key: (value: T) => string): { values: T[]; at: (value: T) => number } {
  const values: T[] = [];
  const known = new Map<string, number>();
  return {
    values,
    at: (value) => {
      const name = key(value);
      let found = known.get(name);
      if (found === undefined) {
        found = values.push(value) - 1;
        known.set(name, found);
      }
      return found;
    },
  };
}

/** The index as a snapshot's text. */
export function encodeSnapshot(index: JournalIndex, companyId: string): string {
  const texts = table<string>((value) => value);
  const shapes = table<Record<string, string | undefined>>((value) => JSON.stringify(value));
  const columns: Columns = {
    id: [],
    number: [],
    state: [],
    terminal: [],
    receivedAt: [],
    categories: [],
    assignee: [],
    policyVersion: [],
    period: [],
    serial: [],
    month: [],
    version: [],
    updatedAt: [],
    importKey: [],
    nextDue: [],
    firstWarning: [],
    sweepAt: [],
    place: [],
  };
  const idempotency: SnapshotFile3['idempotency'] = [];
  const ranks = new Map<string, number>();
  for (const entry of index.cases) {
    const { stored: s, place: p } = entry;
    const c = s.case;
    ranks.set(c.id, entry.received);
    columns.id.push(c.id);
    columns.number.push(c.number);
    columns.state.push(texts.at(c.state));
    columns.terminal.push(c.terminal ?? 0);
    columns.receivedAt.push(c.receivedAt);
    columns.categories.push(shapes.at(c.categories));
    columns.assignee.push(shapes.at(c.assignee));
    columns.policyVersion.push(s.policyVersion);
    columns.period.push(texts.at(s.period));
    columns.serial.push(s.serial);
    columns.month.push(texts.at(s.month));
    columns.version.push(s.version);
    columns.updatedAt.push(s.updatedAt === c.receivedAt ? 0 : s.updatedAt);
    columns.importKey.push(s.importKey ?? 0);
    columns.nextDue.push(entry.nextDue);
    columns.firstWarning.push(entry.firstWarning);
    columns.sweepAt.push(entry.sweepAt);
    columns.place.push(p[0], p[1], p[2]);
    if (s.idempotency) idempotency.push([entry.received, s.idempotency]);
  }
  const snapshot: SnapshotFile3 = {
    format: 3,
    companyId,
    position: index.position,
    caseLines: index.caseLines,
    serials: Object.fromEntries(index.serials()),
    texts: texts.values,
    shapes: shapes.values as Record<string, string>[],
    cases: columns,
    idempotency,
    audit: index.auditLines.flat(),
    auditByCase: [...index.auditByCase()].map(([caseId, places]) => [
      ranks.get(caseId) ?? caseId,
      ...places,
    ]),
  };
  // Characters past ASCII (Chinese state names, categories, case numbers …) written as \u escapes:
  // JSON reads them back the same, and an ASCII file loads without decoding UTF-8.
  return JSON.stringify(snapshot).replace(
    /[\u0080-\uffff]/g,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * The index a snapshot's text holds (of this format, or format 2 as written before).
 * @throws Error naming the file when it is not valid JSON or not a snapshot Kesu can read
 */
export function decodeSnapshot(text: string, file: string): JournalIndex {
  let snapshot: SnapshotFile3 | SnapshotFile2;
  try {
    snapshot = JSON.parse(text) as SnapshotFile3 | SnapshotFile2;
  } catch (error) {
    throw new Error(`${file} is not valid JSON (${(error as Error).message})`, { cause: error });
  }
  if (snapshot.format === 2) return decodeSnapshot2(snapshot);
  if (snapshot.format !== 3) throw new Error(`${file} is not an index snapshot Kesu can read`);
  return decodeSnapshot3(snapshot);
}

function decodeSnapshot3(snapshot: SnapshotFile3): JournalIndex {
  const index = new JournalIndex(snapshot.position);
  index.caseLines = snapshot.caseLines;
  const companyId = shared(snapshot.companyId);
  const texts = snapshot.texts.map((value) => shared(value));
  const shapes = snapshot.shapes.map((value) => sharedShape(value));
  const columns = snapshot.cases;
  const claims = new Map(snapshot.idempotency);
  for (let rank = 0; rank < columns.id.length; rank += 1) {
    // Cases share their categories and assignee objects (frozen): the index never changes or
    // hands out a summary's objects (reads return bodies from disk).
    const keys: CaseKeys = {
      id: columns.id[rank]!,
      number: columns.number[rank]!,
      state: texts[columns.state[rank]!]!,
      receivedAt: columns.receivedAt[rank]!,
      categories: shapes[columns.categories[rank]!] ?? {},
      assignee: shapes[columns.assignee[rank]!] ?? {},
    };
    const terminal = columns.terminal[rank];
    if (terminal) keys.terminal = terminal;
    const updatedAt = columns.updatedAt[rank];
    const view: CaseSummary = {
      companyId,
      case: keys,
      policyVersion: columns.policyVersion[rank]!,
      period: texts[columns.period[rank]!]!,
      serial: columns.serial[rank]!,
      month: texts[columns.month[rank]!]!,
      version: columns.version[rank]!,
      updatedAt: updatedAt || keys.receivedAt,
    };
    const importKey = columns.importKey[rank];
    if (importKey) view.importKey = importKey;
    const claimed = claims.get(rank);
    if (claimed) view.idempotency = claimed;
    const at = rank * 3;
    const place = columns.place;
    const moments = {
      nextDue: columns.nextDue[rank] ?? null,
      firstWarning: columns.firstWarning[rank] ?? null,
      sweepAt: columns.sweepAt[rank] ?? null,
    };
    index.restoreCase(view, moments, [place[at]!, place[at + 1]!, place[at + 2]!]);
  }
  const flat = snapshot.audit;
  for (let at = 0; at + 3 < flat.length; at += 4) {
    index.auditLines.push([flat[at]!, flat[at + 1]!, flat[at + 2]!, flat[at + 3]!]);
  }
  for (const places of snapshot.auditByCase) {
    const key = places[0]!;
    const caseId = typeof key === 'number' ? columns.id[key]! : key;
    index.restoreAudit(caseId, places.slice(1) as number[]);
  }
  for (const [period, serial] of Object.entries(snapshot.serials))
    index.raiseSerial(period, serial);
  return index;
}
