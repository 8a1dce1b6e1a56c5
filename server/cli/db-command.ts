/** `kesu db migrate`: brings the PostgreSQL database of KESU_DATABASE_URL up to Kesu's schema. */
import { Pool } from 'pg';
import { migrateDatabase } from '../adapters/storage/postgres/migrate-database.ts';
import { say } from './cli-messages.ts';
import type { CliCommand } from './cli-io.ts';
import { UsageError } from './parse-args.ts';

/** The database's URL without its password, for messages. */
function shown(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}

/**
 * Applies the schema migrations the database lacks and prints each one (exit 0), or why it could
 * not (exit 1).
 * @throws UsageError when the subcommand is not `migrate` or no database URL is given
 */
export const db: CliCommand = async (parsed, deps, io) => {
  const [action] = parsed.args;
  if (action !== 'migrate') throw new UsageError(say(deps.lang, 'missingArgument', 'migrate'));
  const url = parsed.flags['database-url'] ?? io.env.KESU_DATABASE_URL;
  if (!url) throw new UsageError(say(deps.lang, 'noDatabaseUrl'));
  const pool = new Pool({ connectionString: url, max: 1 });
  pool.on('error', () => {});
  try {
    const applied = await migrateDatabase(pool);
    for (const name of applied) io.out(say(deps.lang, 'migrationApplied', name));
    io.out(
      applied.length
        ? say(deps.lang, 'migrationsDone', applied.length, shown(url))
        : say(deps.lang, 'migrationsNone', shown(url)),
    );
    return 0;
  } catch (error) {
    io.err(say(deps.lang, 'migrationFailed', shown(url), (error as Error).message));
    return 1;
  } finally {
    await pool.end();
  }
};
