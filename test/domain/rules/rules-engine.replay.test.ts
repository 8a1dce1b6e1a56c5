/**
 * Replays the json-rules-engine runs captured from the upstream examples (../shared/data, see its
 * SOURCES.md) through runRules. A run is skipped, with the reason in the test name, when the
 * reference engine used code the capture cannot carry: a custom almanac, custom operators or
 * operator decorators, dynamic facts the rules read, or facts that only an onSuccess/onFailure
 * hook could have set (the capture does not mark hooks; a read fact that no captured input
 * provides is how they show).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../support/policies.ts';
import { ruleConditionFacts, runRules } from '../../../server/domain/rules/rules-engine.ts';
import type { RuleJson, RunOptions, RunResult } from '../../../server/domain/rules/rules-engine.ts';

const DATA_DIR = path.resolve(ROOT, '../shared/data/json-rules-engine-examples');

type DeclaredFact =
  | { kind: 'static'; value: unknown; options: Record<string, unknown> | null }
  | { kind: 'dynamic'; options: Record<string, unknown> | null };

type CapturedRun = {
  engineOptions: RunOptions;
  rules: RuleJson[];
  sharedConditions: Record<string, unknown> | null;
  declaredFacts: Record<string, DeclaredFact>;
  customOperators: string[];
  operatorDecorators: string[];
  customAlmanac: boolean;
  runtimeFacts: Record<string, unknown>;
  expected: RunResult;
};

type Replay = { name: string; run: CapturedRun; skip?: string };

/** Every fact the run's rules read: conditions (through shared ones) and, if replaced, event params. */
function factsRead(run: CapturedRun): string[] {
  const shared = run.sharedConditions ?? {};
  const fromConditions = run.rules.flatMap((rule) => ruleConditionFacts(rule.conditions, shared));
  const fromParams = run.engineOptions.replaceFactsInEventParams
    ? run.rules.flatMap((rule) => Object.values(rule.event.params ?? {}))
    : [];
  const paramFacts = fromParams.flatMap((value) =>
    typeof value === 'object' && value !== null && 'fact' in value ? [String(value.fact)] : [],
  );
  return [...new Set([...fromConditions.map((reference) => reference.fact), ...paramFacts])];
}

/** Why the run cannot be replayed from data alone, or undefined when it can. */
function skipReason(run: CapturedRun): string | undefined {
  const read = factsRead(run);
  const declared = Object.entries(run.declaredFacts);
  const dynamic = declared.filter(([id, fact]) => fact.kind === 'dynamic' && read.includes(id));
  const tuned = declared.filter(([, fact]) => fact.kind === 'static' && fact.options !== null);
  const provided = new Set([...Object.keys(run.runtimeFacts), ...declared.map(([id]) => id)]);
  const hooked = read.filter((fact) => !provided.has(fact));
  const reasons = [
    run.customAlmanac ? 'a custom almanac' : '',
    run.customOperators.length ? `custom operators (${run.customOperators.join(', ')})` : '',
    run.operatorDecorators.length
      ? `operator decorators (${run.operatorDecorators.join(', ')})`
      : '',
    dynamic.length ? `dynamic facts (${dynamic.map(([id]) => id).join(', ')})` : '',
    // Fact options (priority) only exist on engine-level facts, which runRules does not declare.
    tuned.length ? `fact options (${tuned.map(([id]) => id).join(', ')})` : '',
    hooked.length ? `facts set by rule hooks (${hooked.join(', ')})` : '',
  ].filter(Boolean);
  return reasons.length ? `needs ${reasons.join(' and ')}` : undefined;
}

function loadReplays(): Replay[] {
  return readdirSync(DATA_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .flatMap((file) => {
      const capture = JSON.parse(readFileSync(path.join(DATA_DIR, file), 'utf8')) as {
        runs: CapturedRun[];
      };
      return capture.runs.map((run, index) => {
        const name = `${file.replace(/\.json$/, '')} run ${index + 1}`;
        const skip = skipReason(run);
        return skip ? { name, run, skip } : { name, run };
      });
    });
}

/** Static declared facts are plain values: they become runtime facts, which override them. */
function replayFacts(run: CapturedRun): Record<string, unknown> {
  const declared = Object.entries(run.declaredFacts).flatMap(([id, fact]) =>
    fact.kind === 'static' ? [[id, fact.value] as const] : [],
  );
  return { ...Object.fromEntries(declared), ...run.runtimeFacts };
}

const hasData = existsSync(DATA_DIR);
const replays = hasData ? loadReplays() : [];
const replayed = replays.filter((replay) => !replay.skip);
const skipped = replays.filter((replay) => replay.skip);

(hasData ? describe : describe.skip)(
  hasData
    ? `json-rules-engine examples replayed through runRules (${replayed.length} replayed, ${skipped.length} skipped)`
    : 'json-rules-engine examples: ../shared/data is not in this checkout (CI has it)',
  () => {
    it('finds the captured runs', () => {
      expect(replayed.length).toBeGreaterThan(0);
    });

    // Tuples with %s: vitest would cut a $property title short, and the reason is the point.
    it.each(replayed.map((replay) => [replay.name, replay.run] as const))('%s', async (_, run) => {
      const actual = await runRules({
        rules: run.rules,
        facts: replayFacts(run),
        options: run.engineOptions,
        ...(run.sharedConditions ? { sharedConditions: run.sharedConditions } : {}),
      });
      expect(actual.events).toEqual(run.expected.events);
      expect(actual.failureEvents).toEqual(run.expected.failureEvents);
      // Whole rule results: per-condition factResult, valueResult and result included.
      expect(actual.results).toEqual(run.expected.results);
      expect(actual.failureResults).toEqual(run.expected.failureResults);
    });

    it.skip.each(skipped.map((replay) => [`${replay.name}: skipped, ${replay.skip}`]))(
      '%s',
      () => {},
    );
  },
);
