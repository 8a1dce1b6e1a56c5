/**
 * npm run bench:intake — intake req/s and p50/p99 over HTTP on 127.0.0.1 at 8 and 32 clients, on the
 * starter and the manufacturing-quality templates, for: a bare Hono POST; the in-memory ceiling
 * (Hono + ajv on the same form + hand-written decisions, bench/ceiling-server.ts); Kesu on its
 * embedded store; and, when PostgreSQL is at hand (a throw-away cluster, as the tests start one),
 * Kesu on PostgreSQL and raw durable single-row inserts of the same document. Rounds interleave the variants (their order turns each round);
 * the table shows medians with min–max and each variant's req/s as a share of the ceiling's in the
 * same round. BENCH_SECONDS (default 4), BENCH_ROUNDS (3) and BENCH_CLIENTS ("8,32") tune it.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postgresSkipReason, startPostgres } from '../test/support/postgres-cluster.ts';
import { startServer, type RunningServer } from '../test/support/server-process.ts';
import { load, median, pct, spread, type Run } from './intake-load.ts';
import { startProcess } from './processes.ts';
import { ROOT } from './seed-cases.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CLIENTS = (process.env.BENCH_CLIENTS ?? '8,32').split(',').map(Number);
const ADMIN = 'kesu_bench_admin';

/** A template's example intake, the body every variant is sent. */
function exampleIntake(template: string, file: string): Record<string, unknown> {
  const path = join(ROOT, 'rulesets', template, 'cases', file);
  return JSON.parse(readFileSync(path, 'utf8')).intake;
}

const TEMPLATES = [
  {
    id: 'starter',
    company: 'acme',
    role: 'clerk',
    intake: exampleIntake('starter', 'large-claim.json'),
  },
  {
    id: 'manufacturing-quality',
    company: 'demo',
    role: 'sales',
    intake: exampleIntake('manufacturing-quality', 'quality-1500-spring-festival.json'),
  },
];

type Target = { url: string; token: string };
type Variant = { name: string; target: (template: (typeof TEMPLATES)[number]) => Target };

/** Calls the API as the platform administrator. */
async function api(
  server: RunningServer,
  path: string,
  body: unknown,
): Promise<{ id?: string; token?: string }> {
  const response = await fetch(`${server.url}/api${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id?: string; token?: string };
}

/** A Kesu server with the starter company "acme" beside the demo company, and a token per company. */
async function kesuVariant(name: string, dataDir: string, env: Record<string, string>) {
  const server = await startServer(dataDir, { KESU_ADMIN_TOKEN: ADMIN, ...env });
  if (server.process.exitCode !== null)
    throw new Error(`${name} did not start:\n${server.output()}`);
  await api(server, '/companies', { id: 'acme', name: 'Acme', template: 'starter' });
  const tokens = new Map<string, string>();
  for (const template of TEMPLATES) {
    const user = await api(server, `/companies/${template.company}/users`, {
      name: 'bench',
      roles: [template.role],
    });
    tokens.set(template.company, (await api(server, `/users/${user.id}/tokens`, {})).token ?? '');
  }
  const variant: Variant = {
    name,
    target: (template) => ({
      url: `${server.url}/api/companies/${template.company}/cases`,
      token: tokens.get(template.company) ?? '',
    }),
  };
  return { variant, stop: () => server.stop() };
}

async function main(): Promise<void> {
  const folder = await mkdtemp(join(tmpdir(), 'kesu-bench-intake-'));
  const stops: (() => unknown)[] = [];
  try {
    const bare = await startProcess(['bench/bare-server.ts'], {});
    stops.push(bare.stop);
    const ceiling = await startProcess(['bench/ceiling-server.ts'], {});
    stops.push(ceiling.stop);
    const embedded = await kesuVariant('Kesu, embedded store', join(folder, 'data'), {});
    stops.push(embedded.stop);
    const variants: Variant[] = [
      { name: 'bare Hono POST', target: () => ({ url: `${bare.url}/api/echo`, token: '' }) },
      {
        name: 'ceiling: Hono + ajv + hand-written decisions',
        target: (template) => ({ url: `${ceiling.url}/api/ceiling/${template.id}`, token: '' }),
      },
      embedded.variant,
    ];
    const skip = postgresSkipReason();
    if (skip) console.error(`PostgreSQL variants left out: ${skip}`);
    else {
      const cluster = await startPostgres();
      stops.push(() => cluster.stop());
      const onPostgres = await kesuVariant('Kesu, PostgreSQL store', join(folder, 'unused'), {
        KESU_DATABASE_URL: await cluster.newDatabase(),
      });
      stops.push(onPostgres.stop);
      const raw = await startProcess(['bench/raw-postgres-server.ts'], {
        KESU_BENCH_RAW_URL: await cluster.newDatabase(),
      });
      stops.push(raw.stop);
      variants.push(onPostgres.variant, {
        name: 'raw durable single-row PostgreSQL INSERTs',
        target: () => ({ url: `${raw.url}/api/raw`, token: '' }),
      });
    }
    // Results by template, clients and variant: one Run per round.
    const runs = new Map<string, Run[]>();
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const template of TEMPLATES)
        for (const clients of CLIENTS) {
          const order = variants.map((_, i) => variants[(i + round) % variants.length]!);
          for (const variant of order) {
            const { url, token } = variant.target(template);
            const body = { intake: template.intake };
            if (round === 0) await load(url, token, body, clients, 1);
            const run = await load(url, token, body, clients, SECONDS);
            const key = `${template.id}|${clients}|${variant.name}`;
            runs.set(key, [...(runs.get(key) ?? []), run]);
            console.error(
              `round ${round + 1}/${ROUNDS} ${template.id} ${clients} clients ${variant.name}: ` +
                `${(run.requests / run.seconds).toFixed(0)} req/s, ${run.errors} errors`,
            );
          }
        }
    }
    print(runs, variants);
  } finally {
    for (const stop of stops.reverse()) await stop();
    await rm(folder, { recursive: true, force: true });
  }
}

/** The table: per template and clients, each variant's req/s, p50, p99 and share of the ceiling. */
function print(runs: Map<string, Run[]>, variants: Variant[]): void {
  console.log(
    `\nintake over HTTP on 127.0.0.1, ${ROUNDS} interleaved rounds of ${SECONDS} s, medians (min–max), Node ${process.version}\n`,
  );
  console.log(
    '| template | clients | variant | req/s | p50 ms | p99 ms | errors | req/s ÷ ceiling |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const template of TEMPLATES)
    for (const clients of CLIENTS) {
      const ceiling = runs.get(`${template.id}|${clients}|${variants[1]?.name}`) ?? [];
      for (const variant of variants) {
        const all = runs.get(`${template.id}|${clients}|${variant.name}`) ?? [];
        const rates = all.map((run) => run.requests / run.seconds);
        const shares = all.map((run, i) => {
          const base = ceiling[i];
          return base ? run.requests / run.seconds / (base.requests / base.seconds) : NaN;
        });
        console.log(
          `| ${template.id} | ${clients} | ${variant.name} | ${spread(rates)} | ` +
            `${spread(
              all.map((run) => pct(run.latencies, 0.5)),
              1,
            )} | ` +
            `${spread(
              all.map((run) => pct(run.latencies, 0.99)),
              1,
            )} | ` +
            `${all.reduce((n, run) => n + run.errors, 0)} | ${(median(shares) * 100).toFixed(1)}% |`,
        );
      }
    }
}

await main();
