/**
 * npm run bench:scale — the list's first page, one case with its audit, the monthly report and intake
 * p99 against the real server over HTTP on 127.0.0.1, with 1k, 10k and 100k cases stored, on the
 * embedded store and on PostgreSQL; the server's RSS at each, and the first request after a restart.
 * Sizes and stores interleaved round by round, a fresh server on a fresh copy of the seeded data each
 * time; medians with min–max, ratios to the same store's smallest size from the same round, issue 10's
 * targets. BENCH_STORE (embedded, postgres or both), BENCH_SIZES ("1000,10000"), BENCH_ROUNDS (3),
 * BENCH_REPEAT (15), BENCH_INTAKES (300), BENCH_CLIENTS (8), BENCH_MAX_MINUTES (40) tune it;
 * KESU_BENCH_DATABASE_URL names a PostgreSQL server to use instead of a throw-away cluster.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../test/support/server-process.ts';
import {
  firstAnswer,
  intakeBurst,
  REQUEST_TIMEOUT_MS,
  repeatReads,
  residentMb,
} from './scale-measure.ts';
import {
  benchStores,
  startBenchDatabases,
  type BenchDatabases,
  type StoreKind,
} from './scale-postgres.ts';
import { pct } from './intake-load.ts';
import { storeTables, type ScaleResults, type SizeRound } from './scale-table.ts';
import { ROOT } from './seed-cases.ts';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const ROUNDS = env('BENCH_ROUNDS', 3);
const REPEAT = env('BENCH_REPEAT', 15);
const INTAKES = env('BENCH_INTAKES', 300);
const CLIENTS = env('BENCH_CLIENTS', 8);
const MAX_MINUTES = env('BENCH_MAX_MINUTES', 40);
/** Past this, a size's reads stop after three repetitions (a read at 100k can take half a minute). */
const READ_BUDGET_MS = 60_000;

/** A seeded store: its data directory or database URL, a member's token, two cases, the fullest month. */
type Seeded = {
  where: string;
  token: string;
  caseId: string;
  recentCaseId: string;
  busiestMonth: string;
};

const started = performance.now();
const children = new Set<ChildProcess>();
const { stores: STORES, note } = benchStores();
const results = new Map<StoreKind, ScaleResults>(
  STORES.map((store) => [store, new Map(SIZES.map((size) => [size, []]))]),
);
const root = mkdtempSync(join(tmpdir(), 'kesu-scale-'));
let databases: BenchDatabases | undefined;
const minutes = () => ((performance.now() - started) / 60_000).toFixed(1);
const log = (message: string) => console.error(`[${minutes()} min] ${message}`);

/** Seeds `size` cases into `store` in a process of its own; the directory or database stays for every round. */
async function seed(store: StoreKind, size: number): Promise<Seeded> {
  const where =
    store === 'embedded'
      ? join(root, `seed-${size}`)
      : await (databases as BenchDatabases).seedDatabase(size);
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'bench/scale-seed.ts', where, String(size)],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  children.add(child);
  let out = '';
  child.stdout?.on('data', (chunk) => (out += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  children.delete(child);
  if (code !== 0) throw new Error(`seeding ${size} cases into the ${store} store failed (${code})`);
  const seeded = JSON.parse(out.trim().split('\n').at(-1) ?? '{}');
  log(`seeded ${size.toLocaleString('en')} cases (${store}) in ${seeded.seconds} s`);
  return { where, ...seeded };
}

/**
 * A fresh copy of the seeded data for one server start (intakes must not grow the next round's data):
 * a copied directory, or a database made from the seeded one as its template.
 */
async function freshCopy(store: StoreKind, size: number, seeded: Seeded, round: number) {
  if (store === 'embedded') {
    const dataDir = join(root, `run-${size}`);
    cpSync(seeded.where, dataDir, { recursive: true });
    // An empty KESU_DATABASE_URL keeps the server on the embedded store whatever the shell has set.
    const remove = async () => rmSync(dataDir, { recursive: true, force: true });
    return { dataDir, env: { KESU_DATABASE_URL: '' }, remove };
  }
  const pg = databases as BenchDatabases;
  const url = await pg.copyOf(seeded.where, `r${round + 1}_${size}`);
  // The server opens no data directory on PostgreSQL; this one is never created.
  return {
    dataDir: join(root, 'unused'),
    env: { KESU_DATABASE_URL: url },
    remove: () => pg.drop(url),
  };
}

/** One server start on a fresh copy of the seeded data. */
async function measure(
  store: StoreKind,
  size: number,
  seeded: Seeded,
  round: number,
): Promise<SizeRound> {
  const copy = await freshCopy(store, size, seeded, round);
  const spawnedAt = performance.now();
  const server = await startServer(copy.dataDir, { HOST: '127.0.0.1', ...copy.env });
  const listeningMs = performance.now() - spawnedAt;
  children.add(server.process);
  try {
    const { token, caseId, recentCaseId } = seeded;
    const oneCase = `/api/companies/demo/cases/${caseId}`;
    const restartMs = await firstAnswer(server.url, oneCase, token, spawnedAt, server.process);
    const paths = {
      list: '/api/companies/demo/cases?page=1',
      oneCase,
      recentCase: `/api/companies/demo/cases/${recentCaseId}`,
      report: `/api/companies/demo/reports/${seeded.busiestMonth}`,
    };
    await repeatReads(server.url, token, { list: paths.list, report: paths.report }, 1, 0);
    const reads = await repeatReads(server.url, token, paths, REPEAT, READ_BUDGET_MS);
    await intakeBurst(server.url, token, 2 * CLIENTS, CLIENTS);
    const burst = await intakeBurst(server.url, token, INTAKES, CLIENTS);
    const pid = server.process.pid;
    if (pid === undefined) throw new Error('the server has no process id');
    return {
      reads: {
        list: reads.list ?? [],
        oneCase: reads.oneCase ?? [],
        recentCase: reads.recentCase ?? [],
        report: reads.report ?? [],
      },
      intakeP99: pct(burst.latencies, 0.99),
      intakeErrors: burst.errors,
      rssMb: residentMb(pid),
      restartMs,
      listeningMs,
    };
  } finally {
    await server.stop();
    children.delete(server.process);
    await copy.remove();
  }
}

function printResults(): void {
  console.log(
    `\nscale over HTTP on 127.0.0.1 (Node ${process.version}): reads ×${REPEAT} (at least 3, fewer past ${READ_BUDGET_MS / 1000} s), ` +
      `intake p99 of ${INTAKES} at ${CLIENTS} clients, RSS after both, ${ROUNDS} round(s) interleaved\n`,
  );
  console.log(storeTables(results));
}

/** Stops the PostgreSQL cluster (or drops our databases), reporting rather than throwing. */
async function stopDatabases(): Promise<void> {
  const stopping = databases;
  databases = undefined;
  await stopping?.stop().catch((error) => console.error(`stopping PostgreSQL: ${error}`));
}

/** Ends the run early: our servers, seeders and cluster stopped, what finished printed, the temp folder removed. */
async function endEarly(why: string): Promise<never> {
  console.error(`\n${why}; the rounds finished so far:`);
  for (const child of children) child.kill('SIGKILL');
  await stopDatabases();
  printResults();
  rmSync(root, { recursive: true, force: true });
  process.exit(1);
}

/** Set once the run is being stopped early; a seeder or server failing then is the stop's doing. */
let ending: Promise<never> | undefined;
const stopEarly = (why: string) => void (ending ??= endEarly(why));

const cap = setTimeout(
  () => stopEarly(`Stopped at the ${MAX_MINUTES}-minute cap (BENCH_MAX_MINUTES)`),
  MAX_MINUTES * 60_000,
);
process.on('SIGINT', () => stopEarly('Interrupted'));
process.on('SIGTERM', () => stopEarly('Terminated'));

/** The stores in a round's order: alternated round by round, so neither always goes first. */
const storesOf = (round: number) => (round % 2 ? [...STORES].reverse() : STORES);

async function main(): Promise<void> {
  if (note) console.error(note);
  if (process.env.KESU_DATABASE_URL)
    console.error('KESU_DATABASE_URL is ignored here; KESU_BENCH_DATABASE_URL names a server');
  log(
    `stores ${STORES.join(', ')}; sizes ${SIZES.join(', ')}; ${ROUNDS} round(s); request limit ${REQUEST_TIMEOUT_MS / 1000} s`,
  );
  if (STORES.includes('postgres')) databases = await startBenchDatabases();
  const seeded = new Map<string, Seeded>();
  for (const store of STORES)
    for (const size of SIZES) seeded.set(`${store} ${size}`, await seed(store, size));
  for (let round = 0; round < ROUNDS; round++) {
    for (const size of SIZES) {
      for (const store of storesOf(round)) {
        const figures = await measure(store, size, seeded.get(`${store} ${size}`) as Seeded, round);
        (results.get(store)?.get(size) as (SizeRound | undefined)[])[round] = figures;
        const label = `round ${round + 1}, ${store}, ${size.toLocaleString('en')}`;
        log(`${label}: ${JSON.stringify(summary(figures))}`);
      }
    }
  }
  printResults();
}

const summary = ({ reads, intakeP99, rssMb, restartMs, listeningMs }: SizeRound) => ({
  list: reads.list.map(Math.round),
  oneCase: reads.oneCase.map(Math.round),
  recentCase: reads.recentCase.map(Math.round),
  report: reads.report.map(Math.round),
  intakeP99: Math.round(intakeP99),
  rssMb: Math.round(rssMb),
  restartMs: Math.round(restartMs),
  listeningMs: Math.round(listeningMs),
});

try {
  await main();
} catch (error) {
  // Stopped early: the stop exits once the cluster is down and the rounds so far are printed.
  if (ending) await ending;
  throw error;
} finally {
  clearTimeout(cap);
  await stopDatabases();
  rmSync(root, { recursive: true, force: true });
}
