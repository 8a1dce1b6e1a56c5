/**
 * A throw-away PostgreSQL for tests: a cluster in a temporary folder on a free 127.0.0.1 port (run
 * as the `postgres` user when the tests run as root, since PostgreSQL refuses root), or the server
 * named by KESU_TEST_DATABASE_URL. Each store under test gets a fresh, empty database.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from './server-process.ts';

/** A running PostgreSQL server the tests may create databases on. */
export type PostgresCluster = {
  /** The URL of the server's `postgres` database. */
  url: string;
  /** Creates a fresh, empty database and returns its URL. */
  newDatabase(): Promise<string>;
  /** Stops a cluster this helper started and removes its folder; drops the databases it made. */
  stop(): Promise<void>;
};

/** The folder holding initdb and pg_ctl: on PATH, else Debian's /usr/lib/postgresql/<n>/bin. */
function findBinaries(): string | undefined {
  for (const folder of (process.env.PATH ?? '').split(':')) {
    if (folder && existsSync(join(folder, 'initdb')) && existsSync(join(folder, 'pg_ctl')))
      return folder;
  }
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  const found = versions.find((version) => existsSync(join(root, version, 'bin', 'initdb')));
  return found && join(root, found, 'bin');
}

/**
 * Why the PostgreSQL tests cannot run here, or undefined when they can (a URL is given, or initdb
 * is installed).
 */
export function postgresSkipReason(): string | undefined {
  if (process.env.KESU_TEST_DATABASE_URL || findBinaries()) return undefined;
  return "PostgreSQL binaries not found: install Debian's postgresql or set KESU_TEST_DATABASE_URL";
}

/** Runs a PostgreSQL program, as the postgres user when we are root. */
function runAsOwner(program: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  const [file, argv] = asRoot
    ? ['runuser', ['-u', 'postgres', '--', program, ...args]]
    : [program, args];
  execFileSync(file, argv, { stdio: 'pipe' });
}

/** Database helpers over a server URL: create fresh databases, drop them all at the end. */
function databasesOn(
  url: string,
): Pick<PostgresCluster, 'newDatabase'> & { dropAll(): Promise<void> } {
  const made: string[] = [];
  const admin = async <T>(work: (client: Client) => Promise<T>): Promise<T> => {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  return {
    newDatabase: async () => {
      const name = `kesu_test_${process.pid}_${made.length + 1}_${Math.random().toString(36).slice(2, 8)}`;
      await admin((client) =>
        client.query(`CREATE DATABASE ${name} ENCODING 'UTF8' TEMPLATE template0`),
      );
      made.push(name);
      const target = new URL(url);
      target.pathname = `/${name}`;
      return target.toString();
    },
    dropAll: async () => {
      await admin(async (client) => {
        for (const name of made.splice(0))
          await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      });
    },
  };
}

/**
 * Starts a throw-away cluster (or uses KESU_TEST_DATABASE_URL's server).
 * @throws Error when neither is available (check postgresSkipReason first)
 */
export async function startPostgres(): Promise<PostgresCluster> {
  const given = process.env.KESU_TEST_DATABASE_URL;
  if (given) {
    const databases = databasesOn(given);
    return { url: given, newDatabase: databases.newDatabase, stop: databases.dropAll };
  }
  const bin = findBinaries();
  if (!bin) throw new Error(postgresSkipReason());
  const folder = mkdtempSync(join(tmpdir(), 'kesu-pg-'));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(folder, uid, gid);
  }
  const data = join(folder, 'data');
  const port = await freePort();
  try {
    runAsOwner(join(bin, 'initdb'), [
      ...['-D', data, '-A', 'trust', '-E', 'UTF8', '--locale=C', '-U', 'postgres', '--no-sync'],
    ]);
    const options = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c max_connections=200`;
    runAsOwner(join(bin, 'pg_ctl'), [
      ...['start', '-w', '-D', data, '-l', join(folder, 'server.log'), '-o', options],
    ]);
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const databases = databasesOn(url);
  return {
    url,
    newDatabase: databases.newDatabase,
    stop: async () => {
      try {
        runAsOwner(join(bin, 'pg_ctl'), ['stop', '-m', 'immediate', '-w', '-D', data]);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
  };
}
