/**
 * npm run bench:evaluate — how fast the domain evaluates a policy, in process, on the starter and
 * the manufacturing-quality templates: cases opened per second (validation, categories, rule sets,
 * approvals, clocks) beside ajv on the same form plus hand-written decisions; and, with
 * BENCH_BASELINE=<git revision>, the same measurement on that revision in a temporary checkout,
 * interleaved round by round (their order turns each round), so the ratio comes from one run.
 * Each measurement runs in a fresh process (bench/evaluate-measure.ts). Then, in this checkout
 * only: the rule sets alone, compiled against json-rules-engine on the same cases
 * (bench/evaluate-rules.ts), and the clocks alone (bench/evaluate-clocks.ts). BENCH_ROUNDS (default 3)
 * and BENCH_SECONDS (2 per half) tune it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureClocks } from './evaluate-clocks.ts';
import { measureRuleSets, ruleSetsTable } from './evaluate-rules.ts';
import { median, spread } from './intake-load.ts';
import { ROOT } from './seed-cases.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const BASELINE = process.env.BENCH_BASELINE;

type Rates = Record<string, { domain: number; handWritten: number }>;

/** Runs the measurement in the checkout at `root`; answers its rates. */
function measureIn(root: string): Rates {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/evaluate-measure.ts'], {
    cwd: root,
    env: process.env,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`measurement in ${root} failed:\n${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as Rates;
}

/** A temporary checkout of `revision` sharing this one's node_modules, with the measuring script. */
function baselineCheckout(revision: string): { root: string; remove: () => void } {
  const root = join(mkdtempSync(join(tmpdir(), 'kesu-bench-baseline-')), 'tree');
  execFileSync('git', ['worktree', 'add', '--detach', root, revision], { cwd: ROOT });
  symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'));
  copyFileSync(join(ROOT, 'bench/evaluate-measure.ts'), join(root, 'bench/evaluate-measure.ts'));
  return {
    root,
    remove: () => {
      execFileSync('git', ['worktree', 'remove', '--force', root], { cwd: ROOT });
      rmSync(join(root, '..'), { recursive: true, force: true });
    },
  };
}

async function main(): Promise<void> {
  const baseline = BASELINE ? baselineCheckout(BASELINE) : undefined;
  const variants = [{ name: 'this checkout', root: ROOT }];
  if (baseline && BASELINE) variants.push({ name: `baseline ${BASELINE}`, root: baseline.root });
  const runs = new Map<string, Rates[]>();
  try {
    for (let round = 0; round < ROUNDS; round += 1) {
      const order = variants.map((_, i) => variants[(i + round) % variants.length]!);
      for (const variant of order) {
        const rates = measureIn(variant.root);
        runs.set(variant.name, [...(runs.get(variant.name) ?? []), rates]);
        console.error(`round ${round + 1}/${ROUNDS} ${variant.name}: ${JSON.stringify(rates)}`);
      }
    }
  } finally {
    baseline?.remove();
  }
  print(runs);
  console.log(
    '\nRule sets alone (this checkout), compiled against json-rules-engine, same cases:\n',
  );
  console.log(ruleSetsTable(await measureRuleSets({ rounds: Math.max(5, ROUNDS * 2) })));
  const clocks = await measureClocks('manufacturing-quality');
  const micro = (s: { median: number; min: number; max: number }) =>
    `${s.median.toFixed(1)} (${s.min.toFixed(1)}–${s.max.toFixed(1)})`;
  console.log('\nClocks alone (this checkout), CPU µs per opened case, median (min–max):\n');
  console.log('| template | scheduleClocks µs | readClock, all clocks, with explanations µs |');
  console.log('| --- | --- | --- |');
  console.log(`| ${clocks.template} | ${micro(clocks.schedule)} | ${micro(clocks.read)} |`);
}

/** Per template and variant: cases/s opened, the hand-written rate, and the ratios. */
function print(runs: Map<string, Rates[]>): void {
  const current = runs.get('this checkout') ?? [];
  const base = [...runs.entries()].find(([name]) => name !== 'this checkout');
  console.log(
    '| template | variant | domain cases/s | ajv + hand-written cases/s | hand-written ÷ domain |' +
      (base ? ' domain ÷ baseline |' : ''),
  );
  console.log('| --- | --- | --- | --- | --- |' + (base ? ' --- |' : ''));
  for (const template of Object.keys(current[0] ?? {})) {
    for (const [name, rounds] of runs) {
      const domain = rounds.map((r) => r[template]?.domain ?? NaN);
      const hand = rounds.map((r) => r[template]?.handWritten ?? NaN);
      const slower = rounds.map(
        (r) => (r[template]?.handWritten ?? NaN) / (r[template]?.domain ?? NaN),
      );
      let ratio = '';
      if (base) {
        // Round by round: this checkout's rate over the baseline's of the same round.
        const ratios = current.map(
          (r, i) => (r[template]?.domain ?? NaN) / (base[1][i]?.[template]?.domain ?? NaN),
        );
        ratio = name === 'this checkout' ? ` ${spread(ratios, 1)}× |` : ' 1.0× |';
      }
      console.log(
        `| ${template} | ${name} | ${spread(domain)} | ${spread(hand)} | ${median(slower).toFixed(1)}× |${ratio}`,
      );
    }
  }
}

await main();
