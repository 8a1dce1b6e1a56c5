/**
 * npm run bench:backtest [N] — a backtest over N stored cases (default 10,000), each worked from
 * intake to closed (ten actions, each saving the case with its audit entry as the runtime does: a
 * journal line per step), in a temporary embedded data directory, 1,000 a month. Measured as
 * written, then after a restart (a new process, whose opening compacts the journal: later lines
 * keep only their entries), each with one replay thread and with one a core (BACKTEST_THREADS),
 * interleaved over BACKTEST_ROUNDS rounds (medians with min–max). BACKTEST_DATA=<dir> keeps the
 * data directory there and, run again, measures the cases it holds (as the last restart left them:
 * compacted) without seeding; BACKTEST_PROFILE=<dir> writes a CPU profile of each backtest's
 * reading thread. Half the cases propose 800 yuan, half 1,500 (approved by the sales manager and
 * the deputy GM); the draft raises the sales manager's limit to 2,000 and shortens the
 * registration deadline, so every case has something to report.
 */
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { performance } from 'node:perf_hooks';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { newId } from '../server/adapters/system/system.ts';
import { createUser } from '../server/app/companies/companies.ts';
import { replayThreads } from '../server/adapters/replay/replay-threads.ts';
import { prepareBacktest } from '../server/app/policies/backtest.ts';
import type { AppDeps, RequestContext } from '../server/app/ports/deps.ts';
import type { AuditEntry, Store } from '../server/app/ports/ports.ts';
import { applyAction } from '../server/domain/case/apply-action.ts';
import type { Case } from '../server/domain/case/case.ts';
import { diffJson } from '../server/domain/case/case-patch.ts';
import { openCase, type CaseContext } from '../server/domain/case/open-case.ts';
import type { Policy, PolicyExample } from '../server/domain/policy/format.ts';
import { ROOT, intake, openBenchApp } from './seed-cases.ts';

const count = Number(process.argv[2] ?? 10_000);
/**
 * The replay thread counts measured, one backtest each (BACKTEST_THREADS, e.g. "1,2"; default 1
 * and one a core; 1: in the reading thread).
 */
const threadCounts = (process.env.BACKTEST_THREADS ?? `1,${availableParallelism()}`)
  .split(',')
  .map(Number);
/** BACKTEST_ROUNDS: how many times each thread count is measured, interleaved (default 3). */
const rounds = Number(process.env.BACKTEST_ROUNDS ?? 3);
/** BACKTEST_PROFILE=<dir>: a CPU profile of each backtest run (main thread) written there. */
const profileDir = process.env.BACKTEST_PROFILE;
const happy = (
  JSON.parse(
    readFileSync(join(ROOT, 'rulesets/manufacturing-quality/examples/03-happy-paths.json'), 'utf8'),
  ) as PolicyExample[]
).find((example) => example.id === 'happyPathCreditNoteClosed')!;

/**
 * One case's history: the case after each step and that step's audit entry (ids and case id
 * filled in per copy), the intake first.
 */
type History = { cases: Case[]; entries: Omit<AuditEntry, 'id' | 'caseId'>[] };

/** The happy path shifted to `monthsBack` months ago, its remedy at `amount`, worked in the domain. */
async function history(
  context: CaseContext,
  users: Map<string, string>,
  monthsBack: number,
  amount: number,
): Promise<History> {
  const base = Date.parse(happy.receivedAt);
  const now = new Date();
  // The 9th of the month, 02:00 UTC, as the happy path's receipt (10:00 in China).
  const target = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsBack, 9, 2);
  const shift = (iso: string) => new Date(Date.parse(iso) - base + target).toISOString();
  const receivedAt = shift(happy.receivedAt);
  const by = users.get('sales')!;
  const opened = await openCase(context, {
    id: '',
    number: '',
    receivedAt,
    intake: { ...intake, remedySought: { type: 'creditNote', amount } },
    actor: { user: by, roles: ['sales'] },
  });
  const common = { companyId: 'demo', policyVersion: 1 };
  const entries: History['entries'] = [
    { ...common, at: receivedAt, by, action: 'intake', after: opened.case, events: opened.events },
  ];
  let current = opened.case;
  const cases = [current];
  const steps = (happy.steps ?? []).flatMap((step) =>
    step.transition === 'approve' && amount >= 1000
      ? [
          step,
          {
            ...step,
            at: step.at.replace('09:00', '09:30'),
            actor: { user: 'gm2', roles: ['deputyGM'] },
          },
        ]
      : [step],
  );
  for (const step of steps) {
    const role = step.actor.roles[0]!;
    const data = step.transition === 'proposeRemedy' ? { ...step.data, amount } : step.data;
    const actor = { user: users.get(role)!, roles: [role] };
    const at = shift(step.at);
    const next = await applyAction(context, current, {
      transition: step.transition,
      actor,
      at,
      ...(data ? { data } : {}),
    });
    entries.push({
      ...common,
      at,
      by: actor.user,
      action: step.transition,
      changes: diffJson(current, next.case),
      events: next.events,
      input: { ...(data ? { data } : {}), roles: actor.roles },
    });
    current = next.case;
    cases.push(current);
  }
  return { cases, entries };
}

/** BACKTEST_DATA=<dir>: seeds into it and keeps it; when it holds cases already, measures those. */
const kept = process.env.BACKTEST_DATA;
const dir = kept ?? mkdtempSync(join(tmpdir(), 'kesu-backtest-'));
const reused = kept !== undefined && existsSync(join(dir, 'data'));
try {
  const { store, deps, admin } = await openBenchApp(join(dir, 'data'), 'en');
  const version = (await store.policies.latestVersion('demo'))!;
  const document = structuredClone(version.policy);
  document.approvals.rows[0]!.max = 2000;
  document.approvals.rows[1]!.min = 2000;
  document.roles.salesManager!.authorityLimit = 2000;
  document.clocks.registration!.duration = { amount: 2, unit: 'hours' };
  if (reused) {
    const layout = process.env.BACKTEST_RESTARTED
      ? 'after a restart (journal compacted on opening), in a new process'
      : `the cases kept in ${dir}`;
    await measure(layout, store, deps, admin, document);
    await store.close();
  } else {
    await seed(store, deps, admin, version.policy);
    await measure(
      'as written (each action a line with the whole case)',
      store,
      deps,
      admin,
      document,
    );
    await store.close();
    // A restart is a new process: opening the company there compacts its journal (later lines
    // keep only their audit entries), and nothing this process holds weighs on the measurement.
    const restarted = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
      env: { ...process.env, BACKTEST_DATA: dir, BACKTEST_RESTARTED: '1' },
      stdio: 'inherit',
    });
    if (restarted.status !== 0) throw new Error(`the restarted run failed (${restarted.status})`);
  }
} finally {
  if (!kept) rmSync(dir, { recursive: true, force: true });
}

/** Stores `count` cases as the runtime writes them, each worked from intake to closed. */
async function seed(store: Store, deps: AppDeps, admin: RequestContext, policy: Policy) {
  const context: CaseContext = { policy, validator: deps.validator, lang: 'en' };
  const users = new Map<string, string>();
  for (const role of ['sales', 'gmOffice', 'quality', 'salesManager', 'deputyGM'])
    users.set(role, (await createUser(deps, admin, 'demo', { name: role, roles: [role] })).id);
  const months = Math.ceil(count / 1000);
  const histories: History[][] = [];
  for (let m = 0; m < months; m += 1)
    histories.push([
      await history(context, users, m + 1, 800),
      await history(context, users, m + 1, 1500),
    ]);
  const seedStarted = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(256, count) }, async () => {
      while (next < count) {
        const index = next++;
        const { cases, entries } = histories[Math.floor(index / 1000)]![index % 2]!;
        const month = entries[0]!.at.slice(0, 7);
        const id = newId();
        const entry = (step: number, caseId: string) => ({
          ...entries[step]!,
          id: newId(),
          caseId,
        });
        // As the runtime writes: the intake, then each action saving the case with its entry.
        let stored = await store.cases.insertNumbered(
          'demo',
          month,
          (serial) => ({
            case: { ...cases[0]!, id, number: `${month}-${serial}` },
            policyVersion: 1,
            month,
            updatedAt: cases[0]!.receivedAt,
          }),
          (created) => [entry(0, created.case.id)],
        );
        for (let step = 1; step < cases.length; step += 1) {
          const next = { ...cases[step]!, id, number: stored.case.number };
          const at = entries[step]!.at;
          stored = await store.cases.save(
            { ...stored, case: next, updatedAt: at },
            stored.version,
            [entry(step, id)],
          );
        }
      }
    }),
  );
  console.log(
    `seeded ${count} cases (${count * 11} audit entries) in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`,
  );
}

/** Reads every case and its trail, then backtests the draft `document`, and prints both. */
async function measure(
  layout: string,
  store: Store,
  deps: AppDeps,
  admin: RequestContext,
  document: Policy,
): Promise<void> {
  const loadStarted = performance.now();
  await store.cases.query('demo', {}, 'received', { offset: 0, limit: 1 });
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  const bytes = execSync(`du -sb ${JSON.stringify(join(dir, 'data'))}`, { encoding: 'utf8' });
  console.log(
    `${layout}: data directory ${(Number(bytes.split('\t')[0]) / 1e6).toFixed(1)} MB (company opened in ${loadSeconds.toFixed(1)} s)`,
  );
  const readStarted = performance.now();
  let read = 0;
  for await (const batch of store.cases.scanHeads('demo', {}, 200)) {
    const trails = await store.audit.trailTexts(
      'demo',
      batch.map((head) => head.case.id),
    );
    // Decoded too, as earlier measurements of reading alone did.
    for (const trail of trails.values()) read += (JSON.parse(trail) as unknown[]).length;
  }
  const readSeconds = (performance.now() - readStarted) / 1000;
  console.log(
    `  reading every case's head and replay trail (${read} entries) alone: ${readSeconds.toFixed(1)} s`,
  );
  const seconds = new Map<number, number[]>(threadCounts.map((threads) => [threads, []]));
  for (let round = 0; round < rounds; round += 1)
    for (const threads of threadCounts)
      seconds.get(threads)!.push(await backtest(threads, deps, admin, document, layout));
  for (const [threads, runs] of seconds) {
    const sorted = [...runs].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    const rate = (s: number) => Math.round(Math.min(count, 100_000) / s).toLocaleString('en');
    console.log(
      `  ${layout}, ${threads} replay thread${threads === 1 ? '' : 's'}: median ${median.toFixed(1)} s (${sorted[0]!.toFixed(1)}–${sorted.at(-1)!.toFixed(1)}) over ${runs.length} rounds, ${rate(median)} cases/s (${rate(sorted.at(-1)!)}–${rate(sorted[0]!)})`,
    );
  }
}

/** One backtest of the draft `document` with `threads` replay threads: its seconds. */
async function backtest(
  threads: number,
  deps: AppDeps,
  admin: RequestContext,
  document: Policy,
  layout: string,
): Promise<number> {
  const run = await prepareBacktest(
    { ...deps, startReplayer: replayThreads({ threads, minCases: 0 }) },
    admin,
    'demo',
    { sample: Math.min(count, 100_000), document },
  );
  const session = profileDir ? new Session() : undefined;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  let peakRss = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 200);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const loopBefore = performance.eventLoopUtilization();
  let lastLine = started;
  const report = await run({
    onProgress: ({ done, total }) => {
      if (performance.now() - lastLine < 5000) return;
      lastLine = performance.now();
      console.error(`  ${done}/${total}`);
    },
  });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const loop = performance.eventLoopUtilization(loopBefore);
  clearInterval(sampler);
  if (session && profileDir) {
    const { profile } = await session.post('Profiler.stop');
    const name = `backtest-${layout.split(' ')[0]}-${threads}-${Date.now()}.cpuprofile`;
    const file = join(profileDir, name);
    mkdirSync(profileDir, { recursive: true });
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
  console.log(
    `  backtest of ${report.totals.replayed} cases (${threads} replay thread${threads === 1 ? '' : 's'}): ${seconds.toFixed(1)} s, ${Math.round(report.totals.replayed / seconds)} cases/s; ${report.totals.changed} changed, ${report.totals.errors} errors; peak rss of this thread's process ${Math.round(peakRss / 1e6)} MB; processor time ${cpuSeconds.toFixed(1)} s (${(cpuSeconds / seconds).toFixed(2)} cores), reading thread busy ${Math.round(loop.utilization * 100)}%; load ${loadavg()[0]!.toFixed(1)}`,
  );
  console.log(' ', JSON.stringify(report.tables.approvers), JSON.stringify(report.tables.clocks));
  return seconds;
}
