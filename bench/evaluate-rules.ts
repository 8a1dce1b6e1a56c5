/**
 * node --import tsx bench/evaluate-rules.ts [template] [rounds] — a template's rule sets alone, in
 * process: the compiled rules (evaluateRuleSets) against json-rules-engine
 * (evaluateRuleSetsOnEngine) on the same cases, in interleaved rounds; cases per second, median
 * (min–max), and the ratio. `measureRuleSets` is what bench/evaluate.ts calls.
 */
import { isDeepStrictEqual } from 'node:util';
import { pathToFileURL } from 'node:url';
import { bundledTemplates } from '../server/adapters/files/bundled-templates.ts';
import type { CaseFacts } from '../server/domain/case/case.ts';
import type { Policy } from '../server/domain/policy/format.ts';
import {
  evaluateRuleSets,
  evaluateRuleSetsOnEngine,
} from '../server/domain/rules/evaluate-rules.ts';
import type { EvaluationMoment } from '../server/domain/rules/evaluate-rules.ts';
import { median, spread } from './intake-load.ts';

/** Options of a measurement; every one has a default. */
export type RuleSetsOptions = {
  template?: string;
  /** Interleaved rounds (each side timed once a round, the order alternating). */
  rounds?: number;
  /** The least time each side runs in a round, looping over the cases. */
  minMs?: number;
};

/** Cases per second of each side, one value a round, and compiled ÷ engine per round. */
export type RuleSetsMeasurement = {
  template: string;
  cases: number;
  engine: number[];
  compiled: number[];
  ratio: number[];
};

type Evaluate = typeof evaluateRuleSets;
const MOMENT: EvaluationMoment = { at: '2026-03-25T15:00:00+08:00', on: 'intake' };

/**
 * The cases: each example's intake as opened (initial state, no categories yet), and again with
 * each category value set, so that the rules that read categories decide both ways.
 */
function benchCases(policy: Policy): CaseFacts[] {
  const base = policy.examples.map((example) => ({
    intake: example.intake ?? {},
    categories: {} as Record<string, string>,
    remedy: null,
    state: policy.workflow.initial,
    flags: [],
    receivedAt: example.receivedAt ?? MOMENT.at,
    forms: {},
  }));
  const withCategories = Object.entries(policy.categories).flatMap(([dimension, category]) =>
    Object.keys(category.values).flatMap((value) =>
      base.map((facts) => ({ ...facts, categories: { [dimension]: value } })),
    ),
  );
  return [...base, ...withCategories];
}

async function casesPerSecond(
  evaluate: Evaluate,
  policy: Policy,
  cases: CaseFacts[],
  minMs: number,
): Promise<number> {
  let done = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (const facts of cases) await evaluate(policy.ruleSets, facts, MOMENT);
    done += cases.length;
    elapsed = performance.now() - started;
  }
  return (done / elapsed) * 1000;
}

/**
 * Measures the template's rule sets, compiled and on json-rules-engine, over the same cases.
 * @throws Error when the two disagree on a case (the differential test would fail too)
 */
export async function measureRuleSets(options: RuleSetsOptions = {}): Promise<RuleSetsMeasurement> {
  const template = options.template ?? 'manufacturing-quality';
  const rounds = options.rounds ?? 7;
  const minMs = options.minMs ?? 400;
  const policy = bundledTemplates().load(template) as Policy;
  const cases = benchCases(policy);
  for (const facts of cases) {
    const reference = await evaluateRuleSetsOnEngine(policy.ruleSets, facts, MOMENT);
    if (!isDeepStrictEqual(reference, await evaluateRuleSets(policy.ruleSets, facts, MOMENT))) {
      throw new Error(`The compiled rules disagree with json-rules-engine on ${template}`);
    }
  }
  const result: RuleSetsMeasurement = {
    template,
    cases: cases.length,
    engine: [],
    compiled: [],
    ratio: [],
  };
  await casesPerSecond(evaluateRuleSets, policy, cases, minMs / 4);
  await casesPerSecond(evaluateRuleSetsOnEngine, policy, cases, minMs / 4);
  for (let round = 0; round < rounds; round += 1) {
    const sides = [
      ['compiled', evaluateRuleSets],
      ['engine', evaluateRuleSetsOnEngine],
    ] as const;
    const ordered = round % 2 === 0 ? sides : [...sides].reverse();
    const rates: Record<string, number> = {};
    for (const [side, evaluate] of ordered) {
      rates[side] = await casesPerSecond(evaluate, policy, cases, minMs);
    }
    result.compiled.push(rates.compiled ?? NaN);
    result.engine.push(rates.engine ?? NaN);
    result.ratio.push((rates.compiled ?? NaN) / (rates.engine ?? NaN));
  }
  return result;
}

/** The measurement as table rows (markdown). */
export function ruleSetsTable(measurement: RuleSetsMeasurement): string {
  return [
    `Rule sets alone on ${measurement.template} (${measurement.cases} cases, ${measurement.ratio.length} interleaved rounds), cases/s median (min–max):`,
    '',
    '| evaluator | cases/s |',
    '| --- | --- |',
    `| json-rules-engine 7.3.1 | ${spread(measurement.engine)} |`,
    `| compiled | ${spread(measurement.compiled)} |`,
    `| compiled ÷ engine | ${spread(measurement.ratio, 1)}× (median of ${median(measurement.ratio).toFixed(1)}×) |`,
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const measurement = await measureRuleSets({
    template: process.argv[2],
    rounds: process.argv[3] ? Number(process.argv[3]) : undefined,
  });
  console.log(ruleSetsTable(measurement));
}
