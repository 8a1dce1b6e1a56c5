/**
 * The scale benchmark's PostgreSQL: which stores a run measures, and its databases — one throw-away
 * cluster for the run (or the server KESU_BENCH_DATABASE_URL names), one seeded database per size, and a
 * fresh copy of it for each round's server, so one round's intakes do not grow the next.
 */
import { Client } from 'pg';
import { postgresSkipReason, startPostgres } from '../test/support/postgres-cluster.ts';

/** A store the scale benchmark measures Kesu on. */
export type StoreKind = 'embedded' | 'postgres';

/**
 * The stores BENCH_STORE asks for (embedded, postgres or both); unset, both when PostgreSQL can be run
 * here, else the embedded store with a note saying why.
 * @throws Error when BENCH_STORE is something else, or asks for PostgreSQL where there is none
 */
export function benchStores(): { stores: StoreKind[]; note?: string } {
  const asked = process.env.BENCH_STORE || undefined;
  const missing = process.env.KESU_BENCH_DATABASE_URL ? undefined : postgresSkipReason();
  if (asked === 'embedded') return { stores: ['embedded'] };
  if (asked !== undefined && asked !== 'postgres' && asked !== 'both')
    throw new Error(`BENCH_STORE is embedded, postgres or both, not "${asked}"`);
  if (missing && asked) throw new Error(`BENCH_STORE=${asked}, but ${missing}`);
  if (missing)
    return { stores: ['embedded'], note: `Measuring the embedded store only: ${missing}` };
  return { stores: asked === 'postgres' ? ['postgres'] : ['embedded', 'postgres'] };
}

/** The benchmark's databases on one PostgreSQL server. */
export type BenchDatabases = {
  /** Creates an empty database to seed `size` cases into; returns its URL. */
  seedDatabase(size: number): Promise<string>;
  /** Creates a copy of a seeded database (`CREATE DATABASE … TEMPLATE`, none connected to it). */
  copyOf(seededUrl: string, label: string): Promise<string>;
  /** Drops one of the databases made here, closing what is still connected to it. */
  drop(url: string): Promise<void>;
  /** Drops every database made here, then stops the cluster if this run started it. */
  stop(): Promise<void>;
};

const nameOf = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));

/**
 * Starts a throw-away cluster, or connects to KESU_BENCH_DATABASE_URL's server (a role that may create
 * databases; its own database is left alone).
 * @throws Error when neither can be had, or the server cannot be reached
 */
export async function startBenchDatabases(): Promise<BenchDatabases> {
  const given = process.env.KESU_BENCH_DATABASE_URL;
  const cluster = given ? undefined : await startPostgres();
  const serverUrl = given ?? (cluster as { url: string }).url;
  const admin = new Client({ connectionString: serverUrl });
  // Stopping the cluster at the end breaks this connection: not a crash.
  admin.on('error', () => {});
  await admin.connect();
  // STRATEGY FILE_COPY (PostgreSQL 15) copies the files instead of logging every page, several times
  // faster for a database of 100k cases.
  const version = Number((await admin.query('SHOW server_version_num')).rows[0].server_version_num);
  const strategy = version >= 150_000 ? ' STRATEGY FILE_COPY' : '';
  const made = new Set<string>();
  const create = async (label: string, template: string) => {
    const name = `kesu_bench_${process.pid}_${label}`;
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(
      `CREATE DATABASE ${name} TEMPLATE ${template}${template === 'template0' ? " ENCODING 'UTF8'" : strategy}`,
    );
    made.add(name);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return url.toString();
  };
  const dropNamed = async (name: string) => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    made.delete(name);
  };
  return {
    seedDatabase: (size) => create(`seed_${size}`, 'template0'),
    copyOf: (seededUrl, label) => create(label, nameOf(seededUrl)),
    drop: (url) => dropNamed(nameOf(url)),
    stop: async () => {
      try {
        for (const name of [...made]) await dropNamed(name);
        await admin.end();
      } finally {
        await cluster?.stop();
      }
    },
  };
}
