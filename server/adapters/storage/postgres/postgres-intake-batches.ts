/**
 * Group commit for intakes. The serial counter row is locked from an intake's number until its
 * commit, so intakes of one period commit one after the other, each waiting for its own WAL flush.
 * Here the intakes of a period that arrive while one is being written wait for it and then go
 * together, in one statement (one round trip, one commit): the counter moves on by their number
 * only if it is still where this runtime last left it, and their cases, claims and audit entries
 * are inserted with it. Each intake's case, audit entries and claim still commit together or not
 * at all; when anything in a batch fails (a key, id or number already stored, a build that throws)
 * nothing of it is written and its intakes run one by one, each in its own transaction, so each
 * gets its own answer and no serial is used by an intake that failed.
 */
import { DatabaseError, type Pool } from 'pg';
import type { Store, StoredCase } from '../../../app/ports/ports.ts';
import { numberedCase, withClaim } from '../storage-names.ts';
import { insertCasesAfter, type NewCaseRow } from './postgres-case-rows.ts';

type InsertNumbered = Store['cases']['insertNumbered'];
type Intake = {
  build: Parameters<InsertNumbered>[2];
  audit: Parameters<InsertNumbered>[3];
  claim: Parameters<InsertNumbered>[4];
  resolve: (stored: StoredCase) => void;
  reject: (error: unknown) => void;
};

/** At most this many intakes go in one transaction. */
const MAX_BATCH = 64;

/** How often a batch re-reads a counter another runtime moved before going one by one. */
const COUNTER_ATTEMPTS = 10;

/** The period's last serial as stored now (0 before its first intake). */
async function storedSerial(pool: Pool, companyId: string, period: string): Promise<number> {
  const found = await pool.query<{ last: number }>(
    'SELECT last FROM serial_counters WHERE company_id = $1 AND period = $2',
    [companyId, period],
  );
  return found.rows[0]?.last ?? 0;
}

/**
 * All of the batch in one statement, numbered after the last serial this runtime knows of (read
 * again when another runtime moved it); undefined, with nothing written, when a build throws or a
 * row conflicts, or the counter keeps moving.
 * @throws the driver's error when the database cannot be reached
 */
async function insertBatch(
  pool: Pool,
  companyId: string,
  period: string,
  batch: Intake[],
  known: Map<string, number>,
): Promise<StoredCase[] | undefined> {
  const key = JSON.stringify([companyId, period]);
  for (let attempt = 0; attempt < COUNTER_ATTEMPTS; attempt += 1) {
    const last = known.get(key) ?? (await storedSerial(pool, companyId, period));
    let rows: NewCaseRow[];
    try {
      rows = batch.map(({ build, audit, claim }, index) => {
        const built = numberedCase(companyId, period, last + 1 + index, build, audit);
        const stored = withClaim(built.stored, undefined, claim);
        return { stored, entries: built.entries, ...(claim ? { claim } : {}) };
      });
    } catch {
      return undefined;
    }
    let advanced: boolean;
    try {
      advanced = await insertCasesAfter(pool, companyId, period, last, rows);
    } catch (error) {
      known.delete(key);
      if (error instanceof DatabaseError) return undefined;
      throw error;
    }
    if (advanced) {
      known.set(key, last + batch.length);
      return rows.map((row) => row.stored);
    }
    known.delete(key);
  }
  return undefined;
}

/**
 * insertNumbered with group commit: `insertOne` stores one intake in its own transaction (and
 * gives its exact error); intakes that queue up behind it are batched.
 */
export function batchedIntakes(pool: Pool, insertOne: InsertNumbered): InsertNumbered {
  const queues = new Map<string, Intake[]>();
  // The last serial of each period as this runtime last wrote it: right unless another runtime
  // numbered meanwhile, which the counter's condition notices.
  const known = new Map<string, number>();

  const run = async (companyId: string, period: string, batch: Intake[]) => {
    let stored: StoredCase[] | undefined;
    try {
      stored = await insertBatch(pool, companyId, period, batch, known);
    } catch (error) {
      for (const intake of batch) intake.reject(error);
      return;
    }
    if (stored) {
      batch.forEach((intake, index) => intake.resolve(stored[index]!));
      return;
    }
    for (const { build, audit, claim, resolve, reject } of batch)
      await insertOne(companyId, period, build, audit, claim).then(resolve, reject);
  };

  const drain = async (key: string, companyId: string, period: string, queue: Intake[]) => {
    while (queue.length > 0) {
      // One turn of the event loop, so the intakes answered by the last batch that come straight
      // back (and any that arrived meanwhile) join the next one.
      await new Promise((resolve) => setImmediate(resolve));
      await run(companyId, period, queue.splice(0, MAX_BATCH));
    }
    queues.delete(key);
  };

  return (companyId, period, build, audit, claim) =>
    new Promise<StoredCase>((resolve, reject) => {
      const key = JSON.stringify([companyId, period]);
      const intake: Intake = { build, audit, claim, resolve, reject };
      const waiting = queues.get(key);
      if (waiting) {
        waiting.push(intake);
        return;
      }
      const queue = [intake];
      queues.set(key, queue);
      void drain(key, companyId, period, queue);
    });
}
