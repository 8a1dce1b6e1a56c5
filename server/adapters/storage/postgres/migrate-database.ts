/**
 * Schema migrations: the SQL files in ./migrations (NNN_name.sql), applied in name order, each in
 * its own transaction and recorded in kesu_migrations. A session advisory lock makes runtimes that
 * start at once apply them one after the other: the second finds them applied and does nothing.
 */
import { readdir, readFile } from 'node:fs/promises';
import type { Pool } from 'pg';

const MIGRATIONS = new URL('./migrations/', import.meta.url);

// Any fixed 64-bit number; it names Kesu's migration lock among the database's advisory locks.
const MIGRATION_LOCK = 4_611_686_018_427_387_903n;

/** The migration files shipped with Kesu, in the order they apply. */
export async function migrationNames(): Promise<string[]> {
  const names = await readdir(MIGRATIONS);
  return names.filter((name) => /^\d{3}_[a-z0-9_]+\.sql$/.test(name)).sort();
}

/**
 * Applies the migrations the database has not had yet and returns their names (empty when it is
 * up to date).
 * @throws the database's error when a migration fails (that migration is rolled back)
 */
export async function migrateDatabase(pool: Pool): Promise<string[]> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK.toString()]);
    try {
      await client.query(
        `CREATE TABLE IF NOT EXISTS kesu_migrations (
           name text PRIMARY KEY,
           applied_at timestamptz NOT NULL DEFAULT now()
         )`,
      );
      const done = await client.query<{ name: string }>('SELECT name FROM kesu_migrations');
      const applied = new Set(done.rows.map((row) => row.name));
      const newlyApplied: string[] = [];
      for (const name of await migrationNames()) {
        if (applied.has(name)) continue;
        const sql = await readFile(new URL(name, MIGRATIONS), 'utf8');
        await client.query('BEGIN');
        try {
          await client.query(sql);
          await client.query('INSERT INTO kesu_migrations (name) VALUES ($1)', [name]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
        newlyApplied.push(name);
      }
      return newlyApplied;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK.toString()]);
    }
  } finally {
    client.release();
  }
}
