/**
 * `kesu db migrate`: brings the PostgreSQL database of KESU_DATABASE_URL up to Kesu's schema.
 * `kesu db copy`: copies the companies of the embedded store's data directory into that database.
 */
import { resolve } from 'node:path';
import { Pool } from 'pg';
import { copyStore } from '../adapters/storage/copy-store.ts';
import { openLowdbStore } from '../adapters/storage/lowdb-store.ts';
import { migrateDatabase } from '../adapters/storage/postgres/migrate-database.ts';
import { openPostgresStore } from '../adapters/storage/postgres/postgres-store.ts';
import type { Store } from '../app/ports/ports.ts';
import type { Lang } from '../domain/policy/format.ts';
import { say } from './cli-messages.ts';
import type { CliCommand, CliIo } from './cli-io.ts';
import { createProgress, type Progress } from './progress.ts';
import type { ParsedArgs } from './parse-args.ts';
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

/** Applies the migrations the database lacks and lists them. */
async function migrate(url: string, lang: Lang, io: CliIo): Promise<number> {
  const pool = new Pool({ connectionString: url, max: 1 });
  pool.on('error', () => {});
  try {
    const applied = await migrateDatabase(pool);
    for (const name of applied) io.out(say(lang, 'migrationApplied', name));
    io.out(
      applied.length
        ? say(lang, 'migrationsDone', applied.length, shown(url))
        : say(lang, 'migrationsNone', shown(url)),
    );
    return 0;
  } finally {
    await pool.end();
  }
}

/** Copies the data directory's companies (or those of --company) into the database. */
async function copy(url: string, parsed: ParsedArgs, lang: Lang, io: CliIo): Promise<number> {
  const dataDir = resolve(parsed.flags['data-dir'] ?? io.env.KESU_DATA_DIR ?? 'data');
  const only = parsed.flags.company?.split(',').filter(Boolean);
  const opened: Store[] = [];
  let progress: Progress | undefined;
  let copied = 0;
  try {
    const from = await openLowdbStore(dataDir);
    opened.push(from);
    const to = await openPostgresStore(url);
    opened.push(to);
    const results = await copyStore(from, to, {
      ...(only ? { only } : {}),
      onStart: (_companyId, cases) => {
        progress?.finish();
        copied = 0;
        progress =
          cases > 0 ? createProgress(io, cases, lang, Date.now, 'copyProgress') : undefined;
      },
      onProgress: (_companyId, casesCopied) => {
        progress?.advance(casesCopied - copied);
        copied = casesCopied;
      },
    });
    progress?.finish();
    for (const result of results) {
      io.out(
        result.copied
          ? say(lang, 'companyCopied', result.id, result.users, result.versions, result.cases)
          : say(lang, 'companyPresent', result.id),
      );
    }
    return 0;
  } finally {
    await Promise.all(opened.map((store) => store.close()));
  }
}

/**
 * `db migrate` and `db copy` on KESU_DATABASE_URL (or --database-url): exit 0 when done, 1 with
 * the reason when the database or the data directory refused.
 * @throws UsageError when the subcommand is neither or no database URL is given
 */
export const db: CliCommand = async (parsed, deps, io) => {
  const [action] = parsed.args;
  if (action !== 'migrate' && action !== 'copy')
    throw new UsageError(say(deps.lang, 'missingArgument', 'migrate | copy'));
  const url = parsed.flags['database-url'] ?? io.env.KESU_DATABASE_URL;
  if (!url) throw new UsageError(say(deps.lang, 'noDatabaseUrl'));
  try {
    return action === 'migrate'
      ? await migrate(url, deps.lang, io)
      : await copy(url, parsed, deps.lang, io);
  } catch (error) {
    io.err(say(deps.lang, 'databaseFailed', shown(url), (error as Error).message));
    return 1;
  }
};
