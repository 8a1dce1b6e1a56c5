/**
 * How a case and its audit entries become rows: the case's document with the columns derived from
 * it (state, month, assignee, categories and the clock moments of the case index), written with its
 * idempotency claim and audit entries in one statement.
 */
import type { PoolClient } from 'pg';
import type { AuditEntry, IdempotencyClaim, StoredCase } from '../../../app/ports/ports.ts';
import { caseMoments } from '../../../domain/case/case-index.ts';

/** The audit entries as one JSONB parameter: each entry with its time as a timestamp, or null. */
export function auditRows(entries: AuditEntry[]): string {
  return JSON.stringify(
    entries.map((entry) => {
      const at = Date.parse(entry.at);
      return { entry, at: Number.isNaN(at) ? null : new Date(at).toISOString() };
    }),
  );
}

/** Inserts the rows of `$n` (auditRows) in their order, joined with `from` if given. */
export const INSERT_AUDIT = (n: number, from = '') => `
  INSERT INTO audit (company_id, id, case_id, at, entry)
  SELECT x->'entry'->>'companyId', x->'entry'->>'id', x->'entry'->>'caseId',
         (x->>'at')::timestamptz, x->'entry'
  FROM ${from} jsonb_array_elements($${n}::jsonb) WITH ORDINALITY AS rows(x, n)
  ORDER BY rows.n`;

/** A moment of the case index (epoch ms) as a timestamp parameter. */
const instant = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The case row's columns, in the order of CASE_COLUMNS. */
function caseValues(stored: StoredCase): unknown[] {
  const { case: c } = stored;
  const moments = caseMoments(c);
  return [
    stored.companyId,
    c.id,
    c.number,
    stored.period,
    stored.serial,
    stored.policyVersion,
    stored.version,
    stored.importKey ?? null,
    c.state,
    JSON.stringify(stored),
    stored.month,
    Boolean(c.terminal),
    c.assignee.user ?? null,
    c.assignee.role ?? null,
    c.assignee.department ?? null,
    JSON.stringify(c.categories),
    instant(moments.nextDue),
    instant(moments.firstWarning),
    instant(moments.sweepAt),
  ];
}

const CASE_COLUMNS = `company_id, id, number, period, serial, policy_version, version, import_key,
  state, doc, month, terminal, assignee_user, assignee_role, department, categories,
  next_due, first_warning, sweep_at`;
const CASE_PARAMS = `$1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12, $13, $14, $15,
  $16::jsonb, $17::timestamptz, $18::timestamptz, $19::timestamptz`;
const NEXT = 20;

/**
 * Inserts a numbered case with its claim and audit entries, in one statement; false (and nothing
 * written) when its number is already a case's in the company.
 */
export async function insertCase(
  client: PoolClient,
  stored: StoredCase,
  entries: AuditEntry[],
  claim: IdempotencyClaim | undefined,
): Promise<boolean> {
  const result = await client.query<{ inserted: number }>(
    `WITH new_case AS (
       INSERT INTO cases (${CASE_COLUMNS}) VALUES (${CASE_PARAMS})
       ON CONFLICT (company_id, number) DO NOTHING
       RETURNING id
     ),
     claim AS (
       INSERT INTO idempotency_claims (company_id, key, case_id, version, request)
       SELECT $1, $${NEXT}::text, $2, $7, $${NEXT + 1}::text FROM new_case
       WHERE $${NEXT}::text IS NOT NULL
     ),
     entries AS (${INSERT_AUDIT(NEXT + 2, 'new_case,')})
     SELECT count(*)::int AS inserted FROM new_case`,
    [...caseValues(stored), claim?.key ?? null, claim?.request ?? null, auditRows(entries)],
  );
  return result.rows[0]?.inserted === 1;
}

/**
 * Updates the case if it is still at `expectedVersion`, with its claim and audit entries, in one
 * statement; false when another write moved it first.
 */
export async function updateCase(
  client: PoolClient,
  next: StoredCase,
  expectedVersion: number,
  entries: AuditEntry[],
  claim: IdempotencyClaim | undefined,
): Promise<boolean> {
  const result = await client.query<{ updated: number }>(
    `WITH updated AS (
       UPDATE cases SET (${CASE_COLUMNS}) = (${CASE_PARAMS})
       WHERE company_id = $1 AND id = $2 AND version = $${NEXT}
       RETURNING id
     ),
     claim AS (
       INSERT INTO idempotency_claims (company_id, key, case_id, version, request)
       SELECT $1, $${NEXT + 1}::text, $2, $7, $${NEXT + 2}::text FROM updated
       WHERE $${NEXT + 1}::text IS NOT NULL
     ),
     entries AS (${INSERT_AUDIT(NEXT + 3, 'updated,')})
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
