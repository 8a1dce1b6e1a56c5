/**
 * The PostgreSQL store's cases, audit entries and idempotency claims. An intake's serial from the
 * period's counter row, its case, audit entries and claim commit together or not at all (intakes
 * that queue up commit in batches: postgres-intake-batches.ts); a save is one transaction.
 */
import type { Pool, PoolClient } from 'pg';
import {
  StoreError,
  type IdempotencyClaim,
  type IdempotencyRecord,
  type Store,
  type StoredCase,
} from '../../../app/ports/ports.ts';
import {
  assertAuditFor,
  assertSafeName,
  copy,
  numberedCase,
  savedCase,
  withClaim,
} from '../storage-names.ts';
import { postgresAuditReads, postgresCaseQueries } from './postgres-case-queries.ts';
import { auditRows, INSERT_AUDIT, insertCase, updateCase } from './postgres-case-rows.ts';
import { batchedIntakes } from './postgres-intake-batches.ts';
import { inTransaction } from './postgres-transaction.ts';
import { insertOutbox } from './postgres-outbox.ts';

/** How many serials an intake tries before giving up on a case number not yet given. */
const NUMBER_ATTEMPTS = 10_000;

/** Takes the period's next serial; the counter row stays locked until the transaction ends. */
async function nextSerial(client: PoolClient, companyId: string, period: string) {
  const counted = await client.query<{ last: number }>(
    `INSERT INTO serial_counters (company_id, period, last) VALUES ($1, $2, 1)
     ON CONFLICT (company_id, period) DO UPDATE SET last = serial_counters.last + 1
     RETURNING last`,
    [companyId, period],
  );
  return counted.rows[0]?.last ?? 1;
}

/** Refuses a claim on a key some write already claimed (before anything else is looked at). */
async function assertUnclaimed(
  client: PoolClient,
  companyId: string,
  claim: IdempotencyClaim | undefined,
): Promise<void> {
  if (!claim) return;
  const found = await client.query(
    'SELECT 1 FROM idempotency_claims WHERE company_id = $1 AND key = $2',
    [companyId, claim.key],
  );
  if (found.rowCount) throw new StoreError('conflict', 'the idempotency key was already used');
}

/** The cases, idempotency and audit parts of the Store port. */
export function postgresCases(pool: Pool): Pick<Store, 'cases' | 'idempotency' | 'audit'> {
  const caseDoc = async (where: string, params: unknown[]) => {
    const result = await pool.query<{ doc: StoredCase }>(
      `SELECT doc FROM cases WHERE ${where}`,
      params,
    );
    return result.rows[0]?.doc;
  };
  // The counter row stays locked until commit: concurrent intakes of the period queue there, and
  // a rollback gives the serial back. A serial whose number is already a case's (the numbering
  // format changed) is skipped, as the memory store does.
  const insertOne: Store['cases']['insertNumbered'] = (
    companyId,
    period,
    build,
    audit,
    claim,
    outbox,
  ) =>
    inTransaction(pool, async (client) => {
      let previous: string | undefined;
      for (let attempt = 0; attempt < NUMBER_ATTEMPTS; attempt += 1) {
        const serial = await nextSerial(client, companyId, period);
        const numbered = numberedCase(companyId, period, serial, build, audit);
        const stored = withClaim(numbered.stored, undefined, claim);
        if (await insertCase(client, stored, numbered.entries, claim)) {
          if (outbox) await insertOutbox(client, outbox(stored));
          return stored;
        }
        // A number the serial does not change (a copied case keeps its own) is refused at once.
        if (stored.case.number === previous)
          throw new StoreError('conflict', `case number ${previous} is already a case's`);
        previous = stored.case.number;
      }
      throw new StoreError(
        'conflict',
        `no free case number in ${NUMBER_ATTEMPTS} serials: check the numbering format`,
      );
    });
  const batched = batchedIntakes(pool, insertOne);
  return {
    cases: {
      insertNumbered: async (companyId, period, build, audit, idempotency, outbox) => {
        assertSafeName('company id', companyId);
        assertSafeName('period', period);
        // An intake that raises notifications goes alone (rare): its rows join its transaction.
        if (outbox) return insertOne(companyId, period, build, audit, idempotency, outbox);
        return batched(companyId, period, build, audit, idempotency);
      },
      lastSerial: async (companyId, period) => {
        const result = await pool.query<{ last: number }>(
          'SELECT last FROM serial_counters WHERE company_id = $1 AND period = $2',
          [companyId, period],
        );
        return result.rows[0]?.last ?? 0;
      },
      get: (companyId, caseId) => caseDoc('company_id = $1 AND id = $2', [companyId, caseId]),
      getByNumber: (companyId, number) =>
        caseDoc('company_id = $1 AND number = $2', [companyId, number]),
      findByImportKey: (companyId, importKey) =>
        caseDoc('company_id = $1 AND import_key = $2', [companyId, importKey]),
      save: async (stored, expectedVersion, audit, idempotency, outbox) => {
        const { companyId } = stored;
        return inTransaction(pool, async (client) => {
          await assertUnclaimed(client, companyId, idempotency);
          const found = await client.query<{ doc: StoredCase }>(
            'SELECT doc FROM cases WHERE company_id = $1 AND id = $2',
            [companyId, stored.case.id],
          );
          const current = found.rows[0]?.doc;
          if (!current) throw new StoreError('not_found', `case ${stored.case.id} does not exist`);
          const stale = () =>
            new StoreError(
              'stale_version',
              `case ${stored.case.id} is not at version ${expectedVersion}`,
            );
          if (current.version !== expectedVersion) throw stale();
          assertAuditFor(companyId, audit);
          const next = savedCase(copy(stored), current, expectedVersion, idempotency);
          if (!(await updateCase(client, next, expectedVersion, audit, idempotency))) throw stale();
          if (outbox) await insertOutbox(client, outbox);
          return next;
        });
      },
      ...postgresCaseQueries(pool),
    },
    idempotency: {
      get: async (companyId, key) => {
        const result = await pool.query<IdempotencyRecord>(
          `SELECT case_id AS "caseId", version, request FROM idempotency_claims
           WHERE company_id = $1 AND key = $2`,
          [companyId, key],
        );
        return result.rows[0];
      },
    },
    audit: {
      ...postgresAuditReads(pool),
      append: async (entries) => {
        for (const entry of entries) assertSafeName('company id', entry.companyId);
        if (entries.length) await pool.query(INSERT_AUDIT(1), [auditRows(entries)]);
      },
    },
  };
}
