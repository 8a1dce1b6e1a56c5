/**
 * The questions asked of cases and audit entries, in SQL over the indexed columns: a filtered,
 * ordered page with its total, scans in received order (keyset pagination on `received` and the
 * audit's `seq`), a case's audit entries. The same filter as case-filter.ts applies in memory.
 */
import type { Pool } from 'pg';
import type { AuditEntry, CaseFilter, Store, StoredCase } from '../../../app/ports/ports.ts';
import { scanInBatches } from '../scan-batches.ts';
import { trailEntryOf, type CaseHead, type TrailEntry } from '../../../app/ports/audit-trail.ts';

/** A WHERE clause and its parameters, numbered from $1. */
type Where = { sql: string; params: unknown[] };

const instant = (ms: number) => new Date(ms).toISOString();

/** The filter as SQL conditions on the company's cases (every condition given must hold). */
export function caseWhere(companyId: string, filter: CaseFilter): Where {
  const params: unknown[] = [companyId];
  const conditions = ['company_id = $1'];
  const param = (value: unknown) => `$${params.push(value)}`;
  if (filter.states?.length) conditions.push(`state = ANY(${param(filter.states)}::text[])`);
  if (filter.open !== undefined) conditions.push(`terminal = ${param(!filter.open)}`);
  if (filter.categories && Object.keys(filter.categories).length)
    conditions.push(`categories @> ${param(JSON.stringify(filter.categories))}::jsonb`);
  if (filter.assignees?.length) {
    const who = param(filter.assignees);
    conditions.push(`(assignee_user = ANY(${who}::text[]) OR assignee_role = ANY(${who}::text[]))`);
  }
  if (filter.department !== undefined) conditions.push(`department = ${param(filter.department)}`);
  if (filter.month !== undefined)
    conditions.push(`month LIKE ${param(filter.month.replace(/[\\%_]/g, '\\$&') + '%')}`);
  if (filter.dueBy !== undefined)
    conditions.push(`next_due <= ${param(instant(filter.dueBy))}::timestamptz`);
  if (filter.warnedBy !== undefined) {
    const by = param(instant(filter.warnedBy));
    conditions.push(`(next_due <= ${by}::timestamptz OR first_warning <= ${by}::timestamptz)`);
  }
  if (filter.sweepBy !== undefined)
    conditions.push(`sweep_at <= ${param(instant(filter.sweepBy))}::timestamptz`);
  if (filter.text !== undefined) {
    // Substring search as the memory store does it (no index: it reads the company's cases).
    // The intake without the fields the caller may not search (textExcept's dotted paths).
    const intake = (filter.textExcept ?? []).reduce(
      (json, path) => `(${json} #- ${param(path.split('.'))}::text[])`,
      `(doc->'case'->'intake')`,
    );
    // Only the strings and numbers inside it, as text: never its keys or its JSON punctuation.
    const text = param(filter.text);
    const values = `jsonb_path_query(${intake}, 'strict $.** ? (@.type() == "string" || @.type() == "number")')`;
    conditions.push(
      `(strpos(number, ${text}) > 0 OR EXISTS (SELECT 1 FROM ${values} AS v WHERE strpos(v #>> '{}', ${text}) > 0))`,
    );
  }
  return { sql: conditions.join(' AND '), params };
}

const ORDER_BY = {
  due: 'next_due ASC NULLS LAST, received',
  received: 'received',
  // By period and serial, never the number's text: 2602100 after 260299 (migration 004's index).
  number: 'period, serial, received',
} as const;

/** Whether the filter asks for nothing but the company's cases. */
function isEmptyFilter(filter: CaseFilter): boolean {
  return Object.values(filter).every(
    (value) =>
      value === undefined ||
      (Array.isArray(value) && value.length === 0) ||
      (typeof value === 'object' && value !== null && Object.keys(value).length === 0),
  );
}

/** The case queries of the Store port: query and scan. */
export function postgresCaseQueries(
  pool: Pool,
): Pick<Store['cases'], 'query' | 'scan' | 'scanHeads'> {
  return {
    query: async (companyId, filter, order, page) => {
      const where = caseWhere(companyId, filter);
      const n = where.params.length;
      const [items, counted] = await Promise.all([
        pool.query<{ doc: StoredCase }>(
          `SELECT doc FROM cases WHERE ${where.sql} ORDER BY ${ORDER_BY[order]}
           OFFSET $${n + 1} LIMIT $${n + 2}`,
          [...where.params, Math.max(0, page.offset), Math.max(0, page.limit)],
        ),
        // Without a filter the total is the company's kept count (migration 003), not a count.
        isEmptyFilter(filter)
          ? pool.query<{ total: number }>(
              'SELECT total::int AS total FROM case_counts WHERE company_id = $1',
              [companyId],
            )
          : pool.query<{ total: number }>(
              `SELECT count(*)::int AS total FROM cases WHERE ${where.sql}`,
              where.params,
            ),
      ]);
      return { items: items.rows.map((row) => row.doc), total: counted.rows[0]?.total ?? 0 };
    },
    scan: (companyId, filter = {}, batchSize = 500) =>
      scanInBatches(batchSize, async (after, limit) => {
        const where = caseWhere(companyId, filter);
        const n = where.params.length;
        const result = await pool.query<{ doc: StoredCase; received: string }>(
          `SELECT doc, received FROM cases WHERE ${where.sql} AND received > $${n + 1}
           ORDER BY received LIMIT $${n + 2}`,
          [...where.params, after, limit],
        );
        return result.rows.map((row) => ({ rank: Number(row.received), value: row.doc }));
      }),
    scanHeads: (companyId, filter = {}, batchSize = 500) =>
      scanInBatches(batchSize, async (after, limit) => {
        const where = caseWhere(companyId, filter);
        const n = where.params.length;
        // The head's fields only: the document stays in the database.
        const result = await pool.query<HeadRow>(
          `SELECT id, number, doc->'case'->>'receivedAt' AS received_at, month, policy_version,
             received FROM cases WHERE ${where.sql} AND received > $${n + 1}
           ORDER BY received LIMIT $${n + 2}`,
          [...where.params, after, limit],
        );
        return result.rows.map((row) => ({ rank: Number(row.received), value: headOf(row) }));
      }),
  };
}

type HeadRow = {
  id: string;
  number: string;
  received_at: string;
  month: string;
  policy_version: number;
  received: string;
};

function headOf(row: HeadRow): CaseHead {
  return {
    policyVersion: row.policy_version,
    month: row.month,
    case: { id: row.id, number: row.number, receivedAt: row.received_at },
  };
}

/**
 * An audit entry as a replay reads it, projected in the database: no copies of the case nor
 * changes, events only where the trail keeps them, the opened case's intake alone.
 */
const TRAIL_ENTRY = `CASE WHEN entry ? 'input' AND entry->>'action' <> 'import'
    THEN entry - ARRAY['before', 'after', 'changes', 'events']
    ELSE entry - ARRAY['before', 'after', 'changes'] END AS entry,
  CASE WHEN entry->>'action' IN ('intake', 'import') THEN entry->'after'->'intake' END AS intake`;

/** Several cases' replay trails, projected from their audit rows in one query. */
async function trailsOf(pool: Pool, companyId: string, caseIds: readonly string[]) {
  const found = new Map(caseIds.map((id) => [id, [] as TrailEntry[]]));
  if (caseIds.length === 0) return found;
  const result = await pool.query<{ entry: AuditEntry; intake: unknown; case_id: string }>(
    `SELECT ${TRAIL_ENTRY}, case_id FROM audit
     WHERE company_id = $1 AND case_id = ANY($2) AND entry->>'action' <> 'sweep' ORDER BY seq`,
    [companyId, [...found.keys()]],
  );
  for (const row of result.rows) {
    const after = row.intake ? { after: { intake: row.intake } } : {};
    const trail = trailEntryOf({ ...row.entry, ...after });
    if (trail) found.get(row.case_id)?.push(trail);
  }
  return found;
}

/** The audit reads of the Store port: one case's entries, and every entry in batches. */
export function postgresAuditReads(
  pool: Pool,
): Pick<Store['audit'], 'forCase' | 'forCases' | 'trailTexts' | 'scan'> {
  return {
    forCase: async (companyId, caseId) => {
      const result = await pool.query<{ entry: AuditEntry }>(
        'SELECT entry FROM audit WHERE company_id = $1 AND case_id = $2 ORDER BY seq',
        [companyId, caseId],
      );
      return result.rows.map((row) => row.entry);
    },
    forCases: async (companyId, caseIds) => {
      const found = new Map(caseIds.map((id) => [id, [] as AuditEntry[]]));
      if (caseIds.length === 0) return found;
      const result = await pool.query<{ entry: AuditEntry; case_id: string }>(
        'SELECT entry, case_id FROM audit WHERE company_id = $1 AND case_id = ANY($2) ORDER BY seq',
        [companyId, [...found.keys()]],
      );
      for (const row of result.rows) found.get(row.case_id)?.push(row.entry);
      return found;
    },
    // The trails are projected from the audit rows and decoded here: no text to pass on as is.
    trailTexts: async (companyId, caseIds) => {
      const trails = await trailsOf(pool, companyId, caseIds);
      return new Map([...trails].map(([id, trail]) => [id, JSON.stringify(trail)]));
    },
    scan: (companyId, batchSize = 500) =>
      scanInBatches(batchSize, async (after, limit) => {
        const result = await pool.query<{ entry: AuditEntry; seq: string }>(
          `SELECT entry, seq FROM audit WHERE company_id = $1 AND seq > $2
           ORDER BY seq LIMIT $3`,
          [companyId, after, limit],
        );
        return result.rows.map((row) => ({ rank: Number(row.seq), value: row.entry }));
      }),
  };
}
