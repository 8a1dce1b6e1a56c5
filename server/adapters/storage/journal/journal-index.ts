/**
 * A company's journal indexed in memory: per case its summary, moments, rank in the order received
 * and the place of its latest line; case numbers, import and idempotency keys; serial counters per
 * period; and where the audit entries are (per case, and in the order written). Bodies stay on disk.
 */
import type { AuditEntry, IdempotencyRecord, StoredCase } from '../../../app/ports/ports.ts';
import type { Outbox } from '../../../app/ports/outbox.ts';
import type { TrailEntry } from '../../../app/ports/audit-trail.ts';
import { caseMoments, type CaseMoments } from '../../../domain/case/case-index.ts';
import { summarize, type CaseSummary } from './case-summary.ts';
import { CaseEntry, MomentTable } from './case-entry.ts';
import type { Place, Position } from './journal-writer.ts';

/** One journal line: a case's new version and the audit entries written with it, or either alone. */
export type JournalRecord = {
  /** The case's replay trail after this write, whole (see trail-line.ts); first in the line. */
  trail?: TrailEntry[];
  case?: StoredCase;
  audit?: AuditEntry[];
  /** Serials given out (an old data directory's counters, carried over once). */
  serials?: Record<string, number>;
  /** The notifications and deliveries the case write raised (kept in the company's outbox book). */
  outbox?: Outbox;
};

/** A case's summary as the index keeps it (no body), and its moments. */
export type PreparedCase = { view: CaseSummary; moments: CaseMoments };

/** The summary and moments of a stored case. */
export function prepareCase(stored: StoredCase): PreparedCase {
  return { view: summarize(stored), moments: caseMoments(stored.case) };
}

/** Places given one after another as [segment, offset, length …], as tuples. */
function placesOf(flat: readonly number[]): Place[] {
  const places: Place[] = [];
  for (let at = 0; at + 2 < flat.length; at += 3)
    places.push([flat[at]!, flat[at + 1]!, flat[at + 2]!]);
  return places;
}

/** A line holding audit entries, and how many. */
export type AuditLine = readonly [segment: number, offset: number, length: number, count: number];

/** The index of one company's journal, up to `position`. */
export class JournalIndex {
  /** Cases by rank. */
  readonly cases: CaseEntry[] = [];
  /** Every case's moments by rank. */
  readonly moments = new MomentTable();
  /** Lines holding audit entries, in the order written. */
  readonly auditLines: AuditLine[] = [];
  /** The end of the last line applied. */
  position: Position;
  /** Lines holding a case version (superseded ones too): what compaction could drop. */
  caseLines = 0;
  readonly #byId = new Map<string, CaseEntry>();
  readonly #numbers = new Map<string, string>();
  readonly #imports = new Map<string, string>();
  readonly #claims = new Map<string, string>();
  readonly #serials = new Map<string, number>();
  /** Per case, the places of its audit lines one after another: [segment, offset, length …]. */
  readonly #auditByCase = new Map<string, number[]>();

  constructor(position: Position = [1, 0]) {
    this.position = position;
  }

  /** The case's entry, if the case is stored. */
  get(caseId: string): CaseEntry | undefined {
    return this.#byId.get(caseId);
  }

  /** The id of the case with this number (numbers stay taken for ever). */
  caseWithNumber(number: string): string | undefined {
    return this.#numbers.get(number);
  }

  /** The id of the case imported with this key. */
  caseWithImportKey(importKey: string): string | undefined {
    return this.#imports.get(importKey);
  }

  /** What the write that claimed this idempotency key produced. */
  claimed(key: string): IdempotencyRecord | undefined {
    const caseId = this.#claims.get(key);
    const found = caseId === undefined ? undefined : this.#byId.get(caseId);
    const claim = found?.stored.idempotency?.[key];
    return found && claim && { caseId: found.stored.case.id, ...claim };
  }

  /** The last serial given out in a period (0 when none). */
  lastSerial(period: string): number {
    return this.#serials.get(period) ?? 0;
  }

  /** The places of the lines holding the case's audit entries, in the order written. */
  auditPlaces(caseId: string): Place[] {
    return placesOf(this.#auditByCase.get(caseId) ?? []);
  }

  /**
   * Takes in a journal line at `place` (replayed, or just made durable); `prepared` is the
   * summary of its case when the writer made it already.
   */
  apply(record: JournalRecord, place: Place, prepared?: PreparedCase): void {
    if (record.case) {
      this.#addCase(prepared ?? prepareCase(record.case), place);
      this.caseLines += 1;
    }
    if (record.audit?.length) this.#applyAudit(record.audit, place);
    for (const [period, serial] of Object.entries(record.serials ?? {})) {
      this.#serials.set(period, Math.max(this.lastSerial(period), serial));
    }
    this.position = [place[0], place[1] + place[2]];
  }

  #addCase({ view, moments }: PreparedCase, place: Place): void {
    const id = view.case.id;
    const received = this.#byId.get(id)?.received ?? this.cases.length;
    const entry = new CaseEntry(view, this.moments, received, place[0], place[1], place[2]);
    this.cases[received] = entry;
    this.moments.set(received, moments);
    this.#byId.set(id, entry);
    this.#numbers.set(view.case.number, id);
    if (view.importKey !== undefined) this.#imports.set(view.importKey, id);
    for (const key of Object.keys(view.idempotency ?? {})) this.#claims.set(key, id);
    this.#serials.set(view.period, Math.max(this.lastSerial(view.period), view.serial));
  }

  #applyAudit(entries: AuditEntry[], place: Place): void {
    this.auditLines.push([...place, entries.length]);
    const cases = new Set(entries.map((entry) => entry.caseId));
    for (const caseId of cases) {
      if (caseId === undefined) continue;
      const places = this.#auditByCase.get(caseId);
      if (places) places.push(place[0], place[1], place[2]);
      else this.#auditByCase.set(caseId, [place[0], place[1], place[2]]);
    }
  }

  /** Serial counters by period. */
  serials(): IterableIterator<[string, number]> {
    return this.#serials.entries();
  }

  /** The places of each case's audit lines, one after another: [segment, offset, length …]. */
  auditByCase(): IterableIterator<[string, number[]]> {
    return this.#auditByCase.entries();
  }

  /** Raises a period's serial counter to at least `serial` (restoring a snapshot). */
  raiseSerial(period: string, serial: number): void {
    this.#serials.set(period, Math.max(this.lastSerial(period), serial));
  }

  /**
   * Adds a case as a snapshot holds it, after those added before (each case once; the serial
   * counters come from the snapshot's own).
   */
  restoreCase(view: CaseSummary, moments: CaseMoments, place: Place): void {
    const rank = this.cases.length;
    const entry = new CaseEntry(view, this.moments, rank, place[0], place[1], place[2]);
    this.moments.set(rank, moments);
    this.cases.push(entry);
    this.#byId.set(view.case.id, entry);
    this.#numbers.set(view.case.number, view.case.id);
    if (view.importKey !== undefined) this.#imports.set(view.importKey, view.case.id);
    for (const key of Object.keys(view.idempotency ?? {})) this.#claims.set(key, view.case.id);
  }

  /** Sets the places of a case's audit lines, one after another (restoring a snapshot). */
  restoreAudit(caseId: string, places: number[]): void {
    this.#auditByCase.set(caseId, places);
  }
}
