/**
 * The compiled rules against json-rules-engine, the reference: every bundled template's examples
 * and generated cases, hand-written rule sets for each construct, and seeded random rule sets.
 * Decisions and their per-condition traces must be deeply equal, errors equal in code and words.
 */
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { bundledTemplates } from '../../../server/adapters/files/bundled-templates.ts';
import type { CaseFacts } from '../../../server/domain/case/case.ts';
import { isDomainError } from '../../../server/domain/errors.ts';
import type { Policy, RuleSet } from '../../../server/domain/policy/format.ts';
import { compileRules, runCompiledRules } from '../../../server/domain/rules/compile-rules.ts';
import { evaluateGuard } from '../../../server/domain/rules/evaluate-guard.ts';
import {
  evaluateRuleSets,
  evaluateRuleSetsOnEngine,
} from '../../../server/domain/rules/evaluate-rules.ts';
import type { EvaluationMoment } from '../../../server/domain/rules/evaluate-rules.ts';
import { runRules } from '../../../server/domain/rules/rules-engine.ts';
import type { RuleJson } from '../../../server/domain/rules/rules-engine.ts';
import { caseFactsGenerator, pick, seededRandom } from './differential-cases.ts';
import { HAND_WRITTEN } from './hand-written-rule-sets.ts';
import { randomFacts, randomRuleSet } from './random-rule-sets.ts';

const SEED = 20261203;
const GENERATED_CASES = 100_000;
const AT = '2026-03-25T15:00:00+08:00';
const MOMENTS: EvaluationMoment[] = [
  { at: AT, on: 'intake' },
  { at: AT, on: 'always' },
];

/** Decisions, or the error's code and message: what a caller can observe. */
async function observe(run: () => Promise<unknown>): Promise<unknown> {
  try {
    return { decisions: await run() };
  } catch (error) {
    if (isDomainError(error)) return { error: error.code, message: error.message };
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

type Tally = { cases: number; mismatches: string[] };

async function compare(
  tally: Tally,
  ruleSets: RuleSet[],
  facts: CaseFacts,
  moment: EvaluationMoment,
) {
  tally.cases += 1;
  const reference = await observe(() => evaluateRuleSetsOnEngine(ruleSets, facts, moment));
  const compiled = await observe(() => evaluateRuleSets(ruleSets, facts, moment));
  if (!isDeepStrictEqual(reference, compiled) && tally.mismatches.length < 5) {
    tally.mismatches.push(JSON.stringify({ facts, moment, reference, compiled }).slice(0, 4000));
  }
}

async function compareGuard(tally: Tally, guard: RuleJson['conditions'], facts: CaseFacts) {
  tally.cases += 1;
  const rules = [{ name: 'guard', conditions: guard, event: { type: 'guard' } }];
  const reference = await observe(async () => {
    const run = await runRules({ rules, facts, options: { allowUndefinedFacts: true } });
    return { passed: run.events.length > 0, failureResults: run.failureResults };
  });
  const compiled = await observe(() => evaluateGuard(guard, facts));
  if (!isDeepStrictEqual(reference, compiled) && tally.mismatches.length < 5) {
    tally.mismatches.push(JSON.stringify({ guard, facts, reference, compiled }).slice(0, 4000));
  }
}

/** True when the compiled rules of every rule set run over the facts without throwing. */
function runsCompiled(ruleSets: RuleSet[], facts: CaseFacts): boolean {
  return ruleSets.every((ruleSet) => {
    const compiled = compileRules(ruleSet.rules);
    if (!('groups' in compiled)) return false;
    try {
      runCompiledRules(compiled.groups, facts);
      return true;
    } catch {
      return false;
    }
  });
}

const source = bundledTemplates();
const templates = source.list().map((summary) => ({
  id: summary.id,
  policy: source.load(summary.id) as Policy,
}));
const perTemplate = Math.ceil(GENERATED_CASES / templates.length);

describe('compiled rules give json-rules-engine’s decisions and traces', () => {
  it.each(templates)('$id: every rule set and guard compiles', ({ policy }) => {
    const guards = policy.workflow.transitions.flatMap((transition) =>
      transition.guard
        ? [
            {
              id: transition.id,
              rules: [{ name: 'guard', conditions: transition.guard, event: { type: 'guard' } }],
            },
          ]
        : [],
    );
    const refused = [...policy.ruleSets, ...guards]
      .map(({ id, rules }) => ({ id, compiled: compileRules(rules) }))
      .filter(({ compiled }) => !('groups' in compiled));
    expect(refused).toEqual([]);
  });

  it.each(templates)(
    `$id: examples and ${perTemplate} generated cases (seed ${SEED})`,
    async ({ id, policy }) => {
      const random = seededRandom(SEED + id.length * 7919 + id.charCodeAt(0));
      const generate = caseFactsGenerator(policy, random);
      const guards = policy.workflow.transitions.flatMap((t) => (t.guard ? [t.guard] : []));
      const tally: Tally = { cases: 0, mismatches: [] };
      let thrown = 0;
      const initial = policy.workflow.initial;
      for (const example of policy.examples) {
        const facts: CaseFacts = {
          intake: example.intake ?? {},
          categories: {},
          remedy: null,
          state: initial,
          flags: [],
          receivedAt: example.receivedAt ?? AT,
          forms: {},
        };
        for (const moment of MOMENTS) await compare(tally, policy.ruleSets, facts, moment);
      }
      for (let index = 0; index < perTemplate; index += 1) {
        const facts = generate();
        await compare(tally, policy.ruleSets, facts, MOMENTS[index % 2] as EvaluationMoment);
        if (guards.length > 0 && index % 10 === 0) {
          await compareGuard(tally, pick(random, guards), facts);
        }
        if (index % 50 === 0 && !runsCompiled(policy.ruleSets, facts)) thrown += 1;
      }
      expect(tally.mismatches).toEqual([]);
      expect(tally.cases).toBeGreaterThanOrEqual(perTemplate + policy.examples.length);
      // Guards against a vacuous comparison: the compiled rules ran, not the engine behind them.
      expect(thrown).toBe(0);
    },
    60_000,
  );

  it.each(HAND_WRITTEN)('$description', async ({ ruleSets, facts, engineOnly }) => {
    const tally: Tally = { cases: 0, mismatches: [] };
    for (const moment of MOMENTS) await compare(tally, ruleSets, facts, moment);
    expect(tally.mismatches).toEqual([]);
    const compiles = ruleSets.every((ruleSet) => 'groups' in compileRules(ruleSet.rules));
    expect(compiles).toBe(!engineOnly);
  });

  it(`random rule sets (seed ${SEED}) over random facts, successes and failures alike`, async () => {
    const random = seededRandom(SEED);
    const tally: Tally = { cases: 0, mismatches: [] };
    let compiledSets = 0;
    for (let index = 0; index < 1500; index += 1) {
      const ruleSet = randomRuleSet(random, `random${index}`);
      if ('groups' in compileRules(ruleSet.rules)) compiledSets += 1;
      for (let run = 0; run < 4; run += 1) {
        const facts = randomFacts(random);
        await compare(tally, [ruleSet], facts, MOMENTS[0] as EvaluationMoment);
        await compareGuard(tally, ruleSet.rules[0]!.conditions, facts);
      }
    }
    expect(tally.mismatches).toEqual([]);
    expect(compiledSets).toBeGreaterThan(1300);
  }, 60_000);
});
