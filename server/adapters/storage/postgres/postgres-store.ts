/**
 * The PostgreSQL store: the Store port over one database that several runtimes may share. Opening
 * it applies the schema migrations the database lacks; every intake and save is one transaction.
 */
import { Pool } from 'pg';
import type { Store } from '../../../app/ports/ports.ts';
import { postgresAccounts } from './postgres-accounts.ts';
import { migrateDatabase } from './migrate-database.ts';
import { postgresAttachments } from './postgres-attachments.ts';
import { postgresCases } from './postgres-cases.ts';
import { postgresDirectory, postgresPolicies } from './postgres-directory.ts';
import { postgresChannels, postgresDeliveries, postgresNotifications } from './postgres-outbox.ts';

/** How the store connects: at most `maxConnections` connections at once (10 by default). */
export type PostgresStoreOptions = { maxConnections?: number };

/**
 * Connects to the database at `url` (postgres://…), brings its schema up to date and returns the
 * store; `close()` ends the connections.
 * @throws the driver's error when the database cannot be reached or a migration fails
 */
export async function openPostgresStore(
  url: string,
  options: PostgresStoreOptions = {},
): Promise<Store> {
  const pool = new Pool({ connectionString: url, max: options.maxConnections ?? 10 });
  // An idle connection that breaks (the server restarts) is dropped by the pool, not a crash.
  pool.on('error', () => {});
  try {
    await migrateDatabase(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  let closed: Promise<void> | undefined;
  return {
    ...postgresDirectory(pool),
    ...postgresAccounts(pool),
    policies: postgresPolicies(pool),
    ...postgresCases(pool),
    notifications: postgresNotifications(pool),
    deliveries: postgresDeliveries(pool),
    channels: postgresChannels(pool),
    attachments: postgresAttachments(pool),
    health: () =>
      pool.query('SELECT 1').then(
        () => ({ ok: true }) as const,
        (error: unknown) => ({ ok: false, problem: 'unreachable', reason: String(error) }) as const,
      ),
    // Closing twice (a test's own close, then its cleanup's) ends the pool once.
    close: () => (closed ??= pool.end()),
  };
}
