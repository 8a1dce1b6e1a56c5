/**
 * npm run bench:intake — intake throughput and p50/p99 latency over HTTP on 127.0.0.1, against the
 * real server with 1k and with 50k cases already stored, and against a bare Hono route as the
 * ceiling. Bounded in time; prints a table with ratios. BENCH_SECONDS and BENCH_CONCURRENCY tune it.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { intake, ROOT, seedDataDir } from './seed-cases.ts';
import { freePort } from '../test/support/server-process.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
async function startProcess(
  args: string[],
  env: Record<string, string>,
): Promise<{ url: string; stop: () => void }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), KESU_SWEEP_INTERVAL_MS: '3600000' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk) => {
      out += chunk;
      if (out.includes('Kesu is running')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}

type Run = { requests: number; errors: number; seconds: number; latencies: number[] };

/** Posts the body from CONCURRENCY loops for SECONDS; records each latency. */
async function load(url: string, token: string, body: unknown, seconds: number): Promise<Run> {
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  const text = JSON.stringify(body);
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        const response = await fetch(url, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: text,
        });
        await response.arrayBuffer();
        if (response.status === 201) latencies.push(performance.now() - t0);
        else errors += 1;
      }
    }),
  );
  return {
    requests: latencies.length,
    errors,
    seconds: (performance.now() - started) / 1000,
    latencies: latencies.sort((a, b) => a - b),
  };
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? NaN;

async function main(): Promise<void> {
  const rows: { name: string; run: Run }[] = [];
  const bare = await startProcess(['bench/bare-server.ts'], {});
  await load(`${bare.url}/api/echo`, '', { intake }, 1);
  rows.push({
    name: 'bare Hono route (ceiling)',
    run: await load(`${bare.url}/api/echo`, '', { intake }, SECONDS),
  });
  bare.stop();
  for (const stored of [1_000, 50_000]) {
    const dir = mkdtempSync(join(tmpdir(), 'kesu-bench-'));
    try {
      const seedStart = performance.now();
      const { deps, token } = await seedDataDir(join(dir, 'data'), stored);
      await deps.store.close();
      console.error(
        `seeded ${stored} cases in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
      );
      const server = await startProcess(['server/main.ts'], {
        KESU_DATA_DIR: join(dir, 'data'),
        NODE_ENV: 'production',
      });
      const url = `${server.url}/api/companies/demo/cases`;
      await load(url, token, { intake }, 2);
      rows.push({
        name: `Kesu intake, ${stored.toLocaleString('en')} cases stored`,
        run: await load(url, token, { intake }, SECONDS),
      });
      server.stop();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const base = rows[1]?.run;
  const ceiling = rows[0]?.run;
  console.log(
    `\nintake over HTTP on 127.0.0.1, ${CONCURRENCY} concurrent clients, ${SECONDS} s each (Node ${process.version})\n`,
  );
  console.log(
    '| run | requests | errors | req/s | p50 ms | p99 ms | p99 vs 1k stored | req/s vs bare |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const { name, run } of rows) {
    const rate = run.requests / run.seconds;
    const p99 = pct(run.latencies, 0.99);
    const vs1k = base ? (p99 / pct(base.latencies, 0.99)).toFixed(2) + '×' : '';
    const vsBare = ceiling ? (rate / (ceiling.requests / ceiling.seconds)).toFixed(3) + '×' : '';
    console.log(
      `| ${name} | ${run.requests} | ${run.errors} | ${rate.toFixed(0)} | ${pct(run.latencies, 0.5).toFixed(1)} | ${p99.toFixed(1)} | ${name.startsWith('Kesu') ? vs1k : '—'} | ${vsBare} |`,
    );
  }
}

await main();
