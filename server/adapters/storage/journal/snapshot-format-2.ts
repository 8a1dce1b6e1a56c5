/**
 * Reading the index snapshots of format 2 (one row per case), which data directories written
 * before format 3 hold: read once, the next snapshot written is of the current format.
 */
import type { StoredCase } from '../../../app/ports/ports.ts';
import type { Case } from '../../../domain/case/case.ts';
import { shared, sharedShape, type CaseKeys, type CaseSummary } from './case-summary.ts';
import { JournalIndex, type AuditLine } from './journal-index.ts';
import type { Position } from './journal-writer.ts';

type Row = [
  id: string,
  number: string,
  state: string,
  terminal: Case['terminal'] | 0,
  receivedAt: string,
  categories: number,
  assignee: number,
  policyVersion: number,
  period: string,
  serial: number,
  month: string,
  version: number,
  updatedAt: string,
  importKey: string | 0,
  idempotency: StoredCase['idempotency'] | 0,
  nextDue: number | null,
  firstWarning: number | null,
  sweepAt: number | null,
  segment: number,
  offset: number,
  length: number,
];

/** A snapshot file of format 2. */
export type SnapshotFile2 = {
  format: 2;
  companyId: string;
  position: Position;
  caseLines: number;
  serials: Record<string, number>;
  /** Categories and assignee objects, each once; rows refer to them by position. */
  shapes: Record<string, string>[];
  cases: Row[];
  /** [segment, offset, length, count] of each audit line, flat. */
  audit: number[];
  /** [caseId, segment, offset, length, segment, offset, length …] per case. */
  auditByCase: (string | number)[][];
};

/** The index a parsed snapshot of format 2 holds. */
export function decodeSnapshot2(snapshot: SnapshotFile2): JournalIndex {
  const index = new JournalIndex(snapshot.position);
  index.caseLines = snapshot.caseLines;
  const companyId = shared(snapshot.companyId);
  const shapes = snapshot.shapes.map((value) => sharedShape(value));
  for (const row of snapshot.cases) {
    // Cases share their categories and assignee objects (frozen): the index never changes or
    // hands out a summary's objects (reads return bodies from disk).
    const body: CaseKeys = {
      id: row[0],
      number: row[1],
      state: shared(row[2]),
      receivedAt: row[4],
      categories: shapes[row[5]] ?? {},
      assignee: shapes[row[6]] ?? {},
    };
    if (row[3] !== 0) body.terminal = row[3];
    const view: CaseSummary = {
      companyId,
      case: body,
      policyVersion: row[7],
      period: shared(row[8]),
      serial: row[9],
      month: shared(row[10]),
      version: row[11],
      updatedAt: row[12] === row[4] ? body.receivedAt : row[12],
    };
    if (row[13] !== 0) view.importKey = row[13];
    if (row[14] !== 0) view.idempotency = row[14];
    const moments = { nextDue: row[15], firstWarning: row[16], sweepAt: row[17] };
    index.restoreCase(view, moments, [row[18], row[19], row[20]]);
  }
  const flat = snapshot.audit;
  for (let at = 0; at + 3 < flat.length; at += 4) {
    const line: AuditLine = [flat[at]!, flat[at + 1]!, flat[at + 2]!, flat[at + 3]!];
    index.auditLines.push(line);
  }
  for (const places of snapshot.auditByCase) {
    const caseId = String(places[0]);
    index.restoreAudit(caseId, places.slice(1).map(Number));
  }
  for (const [period, serial] of Object.entries(snapshot.serials))
    index.raiseSerial(period, serial);
  return index;
}
