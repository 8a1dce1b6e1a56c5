/**
 * The PostgreSQL store's cases, audit entries and idempotency claims. An intake and a save are each
 * one transaction: the serial from the period's counter row, the case, its audit entries and the
 * claim commit together or not at all.
 */
import type { Pool, PoolClient } from 'pg';
import {
  StoreError,
  type AuditEntry,
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
import { inTransaction } from './postgres-transaction.ts';

/** The audit entries as one JSONB parameter: each entry with its time as a timestamp, or null. */
function auditRows(entries: AuditEntry[]): string {
  return JSON.stringify(
    entries.map((entry) => {
      const at = Date.parse(entry.at);
      return { entry, at: Number.isNaN(at) ? null : new Date(at).toISOString() };
    }),
  );
}

/** Inserts the rows of `$n` (auditRows) in their order, after the statement's other work. */
const INSERT_AUDIT = (n: number, from = '') => `
  INSERT INTO audit (company_id, id, case_id, at, entry)
  SELECT x->'entry'->>'companyId', x->'entry'->>'id', x->'entry'->>'caseId',
         (x->>'at')::timestamptz, x->'entry'
  FROM ${from} jsonb_array_elements($${n}::jsonb) WITH ORDINALITY AS rows(x, n)
  ORDER BY rows.n`;

/** The case row's columns, in the order of CASE_COLUMNS. */
function caseValues(stored: StoredCase): unknown[] {
  return [
    stored.companyId,
    stored.case.id,
    stored.case.number,
    stored.period,
    stored.serial,
    stored.policyVersion,
    stored.version,
    stored.importKey ?? null,
    stored.case.state,
    JSON.stringify(stored),
  ];
}

const CASE_COLUMNS =
  'company_id, id, number, period, serial, policy_version, version, import_key, state, doc';
const CASE_PARAMS = '$1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb';

/** Inserts a numbered case with its claim and audit entries, in one statement. */
async function insertCase(
  client: PoolClient,
  stored: StoredCase,
  entries: AuditEntry[],
  claim: IdempotencyClaim | undefined,
): Promise<void> {
  await client.query(
    `WITH new_case AS (INSERT INTO cases (${CASE_COLUMNS}) VALUES (${CASE_PARAMS})),
     claim AS (
       INSERT INTO idempotency_claims (company_id, key, case_id, version, request)
       SELECT $1, $11::text, $2, $7, $12::text WHERE $11::text IS NOT NULL
     )
     ${INSERT_AUDIT(13)}`,
    [...caseValues(stored), claim?.key ?? null, claim?.request ?? null, auditRows(entries)],
  );
}

/**
 * Updates the case if it is still at `expectedVersion`, with its claim and audit entries, in one
 * statement; false when another write moved it first.
 */
async function updateCase(
  client: PoolClient,
  next: StoredCase,
  expectedVersion: number,
  entries: AuditEntry[],
  claim: IdempotencyClaim | undefined,
): Promise<boolean> {
  const result = await client.query<{ updated: number }>(
    `WITH updated AS (
       UPDATE cases SET (${CASE_COLUMNS}) = (${CASE_PARAMS})
       WHERE company_id = $1 AND id = $2 AND version = $11
       RETURNING id
     ),
     claim AS (
       INSERT INTO idempotency_claims (company_id, key, case_id, version, request)
       SELECT $1, $12::text, $2, $7, $13::text FROM updated WHERE $12::text IS NOT NULL
     ),
     entries AS (${INSERT_AUDIT(14, 'updated,')})
     SELECT count(*)::int AS updated FROM updated`,
    [
      ...caseValues(next),
      expectedVersion,
      claim?.key ?? null,
      claim?.request ?? null,
      auditRows(entries),
    ],
  );
  return result.rows[0]?.updated === 1;
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
  return {
    cases: {
      insertNumbered: async (companyId, period, build, audit, idempotency) => {
        assertSafeName('company id', companyId);
        assertSafeName('period', period);
        return inTransaction(pool, async (client) => {
          // The counter row stays locked until commit: concurrent intakes of the period queue
          // here, and a rollback gives the serial back.
          const counted = await client.query<{ last: number }>(
            `INSERT INTO serial_counters (company_id, period, last) VALUES ($1, $2, 1)
             ON CONFLICT (company_id, period) DO UPDATE SET last = serial_counters.last + 1
             RETURNING last`,
            [companyId, period],
          );
          const serial = counted.rows[0]?.last ?? 1;
          const numbered = numberedCase(companyId, period, serial, build, audit);
          const stored = withClaim(numbered.stored, undefined, idempotency);
          await insertCase(client, stored, numbered.entries, idempotency);
          return stored;
        });
      },
      get: (companyId, caseId) => caseDoc('company_id = $1 AND id = $2', [companyId, caseId]),
      findByImportKey: (companyId, importKey) =>
        caseDoc('company_id = $1 AND import_key = $2', [companyId, importKey]),
      save: async (stored, expectedVersion, audit, idempotency) => {
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
          return next;
        });
      },
      list: async (companyId) => {
        const result = await pool.query<{ doc: StoredCase }>(
          'SELECT doc FROM cases WHERE company_id = $1 ORDER BY received',
          [companyId],
        );
        return result.rows.map((row) => row.doc);
      },
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
      list: async (companyId, caseId) => {
        const result = await pool.query<{ entry: AuditEntry }>(
          caseId === undefined
            ? 'SELECT entry FROM audit WHERE company_id = $1 ORDER BY seq'
            : 'SELECT entry FROM audit WHERE company_id = $1 AND case_id = $2 ORDER BY seq',
          caseId === undefined ? [companyId] : [companyId, caseId],
        );
        return result.rows.map((row) => row.entry);
      },
      append: async (entries) => {
        for (const entry of entries) assertSafeName('company id', entry.companyId);
        if (entries.length) await pool.query(INSERT_AUDIT(1), [auditRows(entries)]);
      },
    },
  };
}
