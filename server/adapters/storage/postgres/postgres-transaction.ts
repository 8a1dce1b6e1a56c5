/**
 * Transactions on the pool, and PostgreSQL's errors read as the port's: a unique violation is a
 * `conflict` (another write stored that key, number or id first).
 */
import { DatabaseError, type Pool, type PoolClient } from 'pg';
import { StoreError } from '../../../app/ports/ports.ts';

const UNIQUE_VIOLATION = '23505';

/** What a constraint protects, in the words of the conflict it raises. */
const CONFLICTS: Record<string, string> = {
  cases_pkey: 'the case already exists',
  cases_import_key: 'a case was already imported with this key',
  cases_number: 'the case number is already used in this company',
  idempotency_claims_pkey: 'the idempotency key was already used',
  companies_pkey: 'the company already exists',
};

/** Whether the error is PostgreSQL refusing a second row with the same unique key. */
export function isUniqueViolation(error: unknown): error is DatabaseError {
  return error instanceof DatabaseError && error.code === UNIQUE_VIOLATION;
}

/** A unique violation as StoreError('conflict'); any other error unchanged. */
export function asStoreError(error: unknown): unknown {
  if (!isUniqueViolation(error)) return error;
  const said = (error.constraint && CONFLICTS[error.constraint]) ?? error.detail ?? error.message;
  return new StoreError('conflict', said);
}

/**
 * Runs `work` in one transaction on one connection: committed when it returns, rolled back when it
 * throws (the error rethrown, a unique violation as a StoreError conflict).
 */
export async function inTransaction<T>(
  pool: Pool,
  work: (client: PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    try {
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollback: Error) => (broken = rollback));
      throw asStoreError(error);
    }
  } finally {
    client.release(broken);
  }
}
