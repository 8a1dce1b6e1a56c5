/**
 * How a case and its audit entries become rows: the case's document with the columns derived from
 * it (state, month, assignee, categories and the clock moments of the case index), written with its
 * idempotency claim and audit entries in one statement.
 */
import type { Pool, PoolClient } from 'pg';
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

/** A moment of the case index (epoch ms) as a timestamp, or null. */
const instant = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The case table's columns and their types, in the order of its rows' values. */
const COLUMNS = [
  ['company_id', 'text'],
  ['id', 'text'],
  ['number', 'text'],
  ['period', 'text'],
  ['serial', 'integer'],
  ['policy_version', 'integer'],
  ['version', 'integer'],
  ['import_key', 'text'],
  ['state', 'text'],
  ['doc', 'jsonb'],
  ['month', 'text'],
  ['terminal', 'boolean'],
  ['assignee_user', 'text'],
  ['assignee_role', 'text'],
  ['department', 'text'],
  ['categories', 'jsonb'],
  ['next_due', 'timestamptz'],
  ['first_warning', 'timestamptz'],
  ['sweep_at', 'timestamptz'],
] as const;

/** The case's row: its document and the columns derived from it, in the order of COLUMNS. */
function caseRow(stored: StoredCase): unknown[] {
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
    stored,
    stored.month,
    Boolean(c.terminal),
    c.assignee.user ?? null,
    c.assignee.role ?? null,
    c.assignee.department ?? null,
    c.categories,
    instant(moments.nextDue),
    instant(moments.firstWarning),
    instant(moments.sweepAt),
  ];
}

/** The case's row as query parameters $1…$19 (JSONB ones as JSON text). */
function caseValues(stored: StoredCase): unknown[] {
  return caseRow(stored).map((value, index) =>
    COLUMNS[index]?.[1] === 'jsonb' ? JSON.stringify(value) : value,
  );
}

const CASE_COLUMNS = COLUMNS.map(([name]) => name).join(', ');
const CASE_PARAMS = COLUMNS.map(([, type], index) => `$${index + 1}::${type}`).join(', ');
const NEXT = COLUMNS.length + 1;

/** A numbered case ready to insert: the stored case, its audit entries, its claim if any. */
export type NewCaseRow = { stored: StoredCase; entries: AuditEntry[]; claim?: IdempotencyClaim };

/**
 * Takes the serials of `rows` and inserts them with their claims and audit entries in one
 * statement, if the period's counter is still at `expected` (the rows carry serials expected+1…);
 * false, and nothing written, when it is not.
 * @throws the database's error, and nothing written, when a row conflicts (a key, id or number)
 */
export async function insertCasesAfter(
  pool: Pool,
  companyId: string,
  period: string,
  expected: number,
  rows: NewCaseRow[],
): Promise<boolean> {
  const records = rows.map(({ stored, claim }) => {
    const values = caseRow(stored);
    const record: Record<string, unknown> = {};
    COLUMNS.forEach(([name], index) => (record[name] = values[index]));
    return { ...record, claim_key: claim?.key ?? null, claim_request: claim?.request ?? null };
  });
  const types = COLUMNS.map(([name, type]) => `${name} ${type}`).join(', ');
  const counter =
    expected === 0
      ? `INSERT INTO serial_counters (company_id, period, last)
         SELECT $3, $4, $6::integer WHERE $5::integer = 0
         ON CONFLICT (company_id, period) DO NOTHING RETURNING last`
      : `UPDATE serial_counters SET last = last + $6::integer
         WHERE company_id = $3 AND period = $4 AND last = $5::integer RETURNING last`;
  const result = await pool.query<{ advanced: number }>(
    `WITH counter AS (${counter}),
     rows AS (
       SELECT r.* FROM counter,
       jsonb_to_recordset($1::jsonb) AS r(${types}, claim_key text, claim_request text)
     ),
     new_cases AS (
       INSERT INTO cases (${CASE_COLUMNS}) SELECT ${CASE_COLUMNS} FROM rows ORDER BY serial
     ),
     claims AS (
       INSERT INTO idempotency_claims (company_id, key, case_id, version, request)
       SELECT company_id, claim_key, id, version, claim_request FROM rows
       WHERE claim_key IS NOT NULL
     ),
     entries AS (${INSERT_AUDIT(2, 'counter,')})
     SELECT count(*)::int AS advanced FROM counter`,
    [
      JSON.stringify(records),
      auditRows(rows.flatMap((row) => row.entries)),
      companyId,
      period,
      expected,
      rows.length,
    ],
  );
  return result.rows[0]?.advanced === 1;
}

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
