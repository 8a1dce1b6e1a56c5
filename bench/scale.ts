/**
 * npm run bench:scale — the list's first page, one case with its audit, the monthly report and intake
 * p99 against the real server over HTTP on 127.0.0.1, with 1k, 10k and 100k cases stored; the server's
 * RSS at each, and the first request after a restart. Sizes interleaved round by round, a fresh server
 * each time; medians with min–max, ratios to the smallest size from the same round, issue 10's targets.
 * BENCH_SIZES ("1000,10000"), BENCH_ROUNDS (3), BENCH_REPEAT (15), BENCH_INTAKES (300), BENCH_CLIENTS (8),
 * BENCH_MAX_MINUTES (40) tune it.
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
  percentile,
  resultTables,
  targetTable,
  type ScaleResults,
  type SizeRound,
} from './scale-table.ts';
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

type Seeded = { dir: string; token: string; caseId: string; busiestMonth: string };

const started = performance.now();
const children = new Set<ChildProcess>();
const results: ScaleResults = new Map(SIZES.map((size) => [size, []]));
const root = mkdtempSync(join(tmpdir(), 'kesu-scale-'));
const minutes = () => ((performance.now() - started) / 60_000).toFixed(1);
const log = (message: string) => console.error(`[${minutes()} min] ${message}`);

/** Seeds `size` cases in a process of its own; the data directory stays for every round. */
async function seed(size: number): Promise<Seeded> {
  const dir = join(root, `seed-${size}`);
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'bench/scale-seed.ts', dir, String(size)],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  children.add(child);
  let out = '';
  child.stdout?.on('data', (chunk) => (out += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  children.delete(child);
  if (code !== 0) throw new Error(`seeding ${size} cases failed (${code})`);
  const seeded = JSON.parse(out.trim().split('\n').at(-1) ?? '{}');
  log(`seeded ${size.toLocaleString('en')} cases in ${seeded.seconds} s`);
  return { dir, ...seeded };
}

/** One server start on a copy of the seeded directory (intakes must not grow the next round's data). */
async function measure(size: number, seeded: Seeded): Promise<SizeRound> {
  const dataDir = join(root, `run-${size}`);
  cpSync(seeded.dir, dataDir, { recursive: true });
  const spawnedAt = performance.now();
  const server = await startServer(dataDir, { HOST: '127.0.0.1' });
  children.add(server.process);
  try {
    const { token, caseId } = seeded;
    const oneCase = `/api/companies/demo/cases/${caseId}`;
    const restartMs = await firstAnswer(server.url, oneCase, token, spawnedAt, server.process);
    const paths = {
      list: '/api/companies/demo/cases?page=1',
      oneCase,
      report: `/api/companies/demo/reports/${seeded.busiestMonth}`,
    };
    await repeatReads(server.url, token, { list: paths.list, report: paths.report }, 1, 0);
    const reads = await repeatReads(server.url, token, paths, REPEAT, READ_BUDGET_MS);
    await intakeBurst(server.url, token, 2 * CLIENTS, CLIENTS);
    const burst = await intakeBurst(server.url, token, INTAKES, CLIENTS);
    const pid = server.process.pid;
    if (pid === undefined) throw new Error('the server has no process id');
    return {
      reads: { list: reads.list ?? [], oneCase: reads.oneCase ?? [], report: reads.report ?? [] },
      intakeP99: percentile(burst.latencies, 0.99),
      intakeErrors: burst.errors,
      rssMb: residentMb(pid),
      restartMs,
    };
  } finally {
    await server.stop();
    children.delete(server.process);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function printResults(): void {
  console.log(
    `\nscale over HTTP on 127.0.0.1 (Node ${process.version}): reads ×${REPEAT} (at least 3, fewer past ${READ_BUDGET_MS / 1000} s), ` +
      `intake p99 of ${INTAKES} at ${CLIENTS} clients, RSS after both, ${ROUNDS} round(s) interleaved\n`,
  );
  console.log(resultTables(results));
  console.log('');
  console.log(targetTable(results));
}

/** Ends the run early: our servers and seeders killed, what finished printed, the temp folder removed. */
function stopEarly(why: string): never {
  console.error(`\n${why}; the rounds finished so far:`);
  for (const child of children) child.kill('SIGKILL');
  printResults();
  rmSync(root, { recursive: true, force: true });
  process.exit(1);
}

const cap = setTimeout(
  () => stopEarly(`Stopped at the ${MAX_MINUTES}-minute cap (BENCH_MAX_MINUTES)`),
  MAX_MINUTES * 60_000,
);
process.on('SIGINT', () => stopEarly('Interrupted'));
process.on('SIGTERM', () => stopEarly('Terminated'));

async function main(): Promise<void> {
  if (process.env.KESU_DATABASE_URL)
    throw new Error(
      'KESU_DATABASE_URL is set, but the seeding writes the embedded data directory; ' +
        'measure the PostgreSQL store once bench/seed-cases.ts opens it too',
    );
  log(
    `sizes ${SIZES.join(', ')}, ${ROUNDS} round(s), request limit ${REQUEST_TIMEOUT_MS / 1000} s`,
  );
  const seeded = new Map<number, Seeded>();
  for (const size of SIZES) seeded.set(size, await seed(size));
  for (let round = 0; round < ROUNDS; round++) {
    for (const size of SIZES) {
      const figures = await measure(size, seeded.get(size) as Seeded);
      (results.get(size) as (SizeRound | undefined)[])[round] = figures;
      log(`round ${round + 1}, ${size.toLocaleString('en')}: ${JSON.stringify(summary(figures))}`);
    }
  }
  printResults();
}

const summary = ({ reads, intakeP99, rssMb, restartMs }: SizeRound) => ({
  list: reads.list.map(Math.round),
  oneCase: reads.oneCase.map(Math.round),
  report: reads.report.map(Math.round),
  intakeP99: Math.round(intakeP99),
  rssMb: Math.round(rssMb),
  restartMs: Math.round(restartMs),
});

try {
  await main();
} finally {
  clearTimeout(cap);
  rmSync(root, { recursive: true, force: true });
}
