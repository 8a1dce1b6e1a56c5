/**
 * npm run bench:intake — intake throughput and p50/p99 latency over HTTP on 127.0.0.1, against the
 * real server with 1k and with 50k cases already stored, and against a bare Hono route as the
 * ceiling. Bounded in time; prints a table with ratios. BENCH_SECONDS and BENCH_CONCURRENCY tune it.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledTemplates } from '../server/adapters/files/bundled-templates.ts';
import { openLowdbStore } from '../server/adapters/storage/lowdb-store.ts';
import { hashSecret, newId, newSecret } from '../server/adapters/system/system.ts';
import { createAjvValidator } from '../server/adapters/validation/ajv-validator.ts';
import { bootstrap } from '../server/app/bootstrap.ts';
import { createUser, issueToken } from '../server/app/companies.ts';
import type { AppDeps } from '../server/app/deps.ts';
import { openCase } from '../server/domain/open-case.ts';
import { freePort } from '../test/support/server-process.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const ROOT = new URL('../', import.meta.url).pathname;
const intake = JSON.parse(
  readFileSync(
    join(ROOT, 'rulesets/manufacturing-quality/cases/quality-1500-spring-festival.json'),
    'utf8',
  ),
).intake;

/** Seeds a data directory with `count` cases spread 1,000 a month over the months before now. */
async function seed(dataDir: string, count: number): Promise<string> {
  const store = await openLowdbStore(dataDir);
  const deps: AppDeps = {
    store,
    validator: createAjvValidator(),
    now: () => new Date().toISOString(),
    newId,
    newSecret,
    hashSecret,
    templates: bundledTemplates(),
  };
  await bootstrap(deps, 'kesu_bench_admin');
  const admin = {
    principal: {
      userId: 'platform-admin',
      name: 'admin',
      roles: [],
      platformRole: 'platformAdmin' as const,
    },
    lang: 'zh-CN' as const,
  };
  const user = await createUser(deps, admin, 'demo', { name: 'bench', roles: ['sales'] });
  const { token } = await issueToken(deps, admin, user.id);
  const version = await store.policies.latestVersion('demo');
  if (!version) throw new Error('no policy');
  const context = { policy: version.policy, validator: deps.validator, lang: 'zh-CN' as const };
  const now = new Date();
  for (let done = 0; done < count;) {
    const monthsBack = Math.floor(done / 1000) + 1;
    const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsBack, 10, 2));
    const receivedAt = month.toISOString();
    const period = receivedAt.slice(0, 7);
    const batch = Math.min(500, count - done, 1000 - (done % 1000));
    const opened = await openCase(context, {
      id: '',
      number: '',
      receivedAt,
      intake,
      actor: { user: user.id, roles: ['sales'] },
    });
    await Promise.all(
      Array.from({ length: batch }, () =>
        store.cases.insertNumbered(
          'demo',
          period,
          (serial) => ({
            case: { ...opened.case, id: newId(), number: `${period}-${serial}` },
            policyVersion: version.number,
            updatedAt: receivedAt,
          }),
          () => [],
        ),
      ),
    );
    done += batch;
  }
  await store.close();
  return token;
}

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
      const token = await seed(join(dir, 'data'), stored);
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
