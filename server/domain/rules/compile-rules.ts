/**
 * Rules compiled once into closures that give what a json-rules-engine 7.3.1 run gives (options
 * as Kesu runs it: allowUndefinedFacts, no shared conditions): the same successes in the same
 * order, the same per-condition traces, and the same chaining through the success callback.
 * Rules of one priority run "concurrently" in the engine; the compiled rules are used only when
 * no rule of a priority group can see another's chained change (checked per group from the
 * turn bounds of compile-conditions.ts), and each group's results are put in the order the
 * engine finishes them. Whatever the compiler does not take on (condition references, odd
 * priorities, groups that could see each other's changes) is reported as `unsupported`, and
 * the caller runs those rules on json-rules-engine.
 */
import { CHAINED_FACTS } from './chained-actions.ts';
import { compileRootCondition } from './compile-conditions.ts';
import { UnsupportedCondition } from './compiled-condition.ts';
import type { CompiledCondition, ConditionRun, LeafOutcome } from './compiled-condition.ts';
import { copyJson, isRecord } from './json-values.ts';
import type { RuleEvent, RuleResultJson } from './rules-engine.ts';

type CompiledRule = {
  name: unknown;
  priority: number;
  event: RuleEvent;
  condition: CompiledCondition;
  leafCount: number;
};

/** Rules ready to run, by priority group (highest first), or why they must run on the engine. */
export type CompiledRules = { groups: CompiledRule[][] } | { unsupported: string };

/** One rule's outcome, in the order the engine records it; see ruleResultJson for its trace. */
export type CompiledRuleResult = {
  rule: CompiledRule;
  result: boolean;
  /** The facts the rule was evaluated over (its priority group's), for its trace. */
  facts: Record<string, unknown>;
  settled: number;
  /** The event's copy that the success callback got and the trace holds. */
  event?: RuleEvent;
};

/**
 * Called for each successful rule, in the engine's order, with the rule's event (the same
 * object its trace holds); returns the facts that rules of lower priority see from then on.
 */
export type OnCompiledSuccess = (event: RuleEvent) => Record<string, unknown> | undefined;

// Keyed by the (immutable, shared) rule array of a published policy, so each is compiled once.
const compiled = new WeakMap<readonly unknown[], CompiledRules>();

/** The compiled form of a rule array, compiled on first use and kept while the array lives. */
export function compileRules(rules: readonly unknown[]): CompiledRules {
  let hit = compiled.get(rules);
  if (!hit) {
    hit = compileFresh(rules);
    compiled.set(rules, hit);
  }
  return hit;
}

function compileFresh(rules: readonly unknown[]): CompiledRules {
  try {
    return { groups: checkGroups(prioritize(rules.map(compileRule))) };
  } catch (error) {
    if (error instanceof UnsupportedCondition) return { unsupported: error.message };
    throw error;
  }
}

/** As Engine.addRule and the Rule constructor read a rule, rejecting what they would reject. */
function compileRule(rule: unknown): CompiledRule {
  if (!isRecord(rule) || !Object.hasOwn(rule, 'event') || !Object.hasOwn(rule, 'conditions')) {
    throw new UnsupportedCondition('a rule has no event or conditions');
  }
  const priority = rule.priority || 1;
  if (typeof priority !== 'number' || !Number.isInteger(priority) || priority < 1) {
    throw new UnsupportedCondition('a rule priority is not a positive integer');
  }
  const event = rule.event;
  if (!isRecord(event) || typeof event.type !== 'string') {
    throw new UnsupportedCondition('a rule event has no type');
  }
  const { condition, leafCount } = compileRootCondition(rule.conditions);
  return {
    name: rule.name || rule.name === 0 ? rule.name : undefined,
    priority,
    event: event.params
      ? { type: event.type, params: event.params as RuleEvent['params'] }
      : { type: event.type },
    condition,
    leafCount,
  };
}

/** The engine's prioritizeRules: groups of equal priority, highest first, in rule order. */
function prioritize(rules: CompiledRule[]): CompiledRule[][] {
  const sets: Record<string, CompiledRule[]> = {};
  for (const rule of rules) (sets[String(rule.priority)] ??= []).push(rule);
  return Object.keys(sets)
    .sort((a, b) => (Number(a) > Number(b) ? -1 : 1))
    .map((priority) => sets[priority] as CompiledRule[]);
}

/**
 * Refuses a group in which a rule could read a fact that another rule of the group changes
 * before the read: the engine's reads there depend on turn-by-turn interleaving.
 */
function checkGroups(groups: CompiledRule[][]): CompiledRule[][] {
  for (const group of groups) {
    for (const changer of group) {
      const fact = chainedFact(changer.event.type);
      if (!fact) continue;
      const earliestChange = changer.condition.bounds.min + SETTLE_TO_SUCCESS;
      for (const reader of group) {
        const latestRead = reader.condition.bounds.reads.get(fact);
        if (reader !== changer && latestRead !== undefined && latestRead >= earliestChange) {
          throw new UnsupportedCondition("rules of one priority may see each other's changes");
        }
      }
    }
  }
  return groups;
}

function chainedFact(type: string): string | undefined {
  return Object.hasOwn(CHAINED_FACTS, type)
    ? CHAINED_FACTS[type as keyof typeof CHAINED_FACTS]
    : undefined;
}

/**
 * Turns from the root condition settling to the engine's success listener: rule.evaluate's
 * `.then(processResult)` (+1), processResult's chain (Promise.resolve → emitAsync → ruleResult:
 * +4), adopting it (+1), and evaluateRules' `.then` that records the result (+1).
 */
const SETTLE_TO_SUCCESS = 7;

/**
 * Runs compiled rules over the facts and returns every rule's outcome in the engine's order.
 * @throws whatever a condition's comparison throws (e.g. an unknown operator), and whatever
 * `onSuccess` throws; the caller then runs the rules on json-rules-engine for its error.
 */
export function runCompiledRules(
  groups: CompiledRule[][],
  facts: Record<string, unknown>,
  onSuccess?: OnCompiledSuccess,
): CompiledRuleResult[] {
  // Plain loops and no closures per run: this is the hot path of opening a case.
  const run: ConditionRun = { facts, result: false };
  const results: CompiledRuleResult[] = [];
  for (const group of groups) {
    const start = results.length;
    const groupFacts = run.facts;
    for (const rule of group) {
      const settled = rule.condition.evaluate(run, 0) + SETTLE_TO_SUCCESS;
      results.push({ rule, result: run.result, facts: groupFacts, settled });
    }
    // Within a group the engine records rules as they finish; ties in rule order.
    if (group.length > 1) sortFrom(results, start);
    for (let index = start; index < results.length; index += 1) {
      const entry = results[index] as CompiledRuleResult;
      if (!entry.result || !onSuccess) continue;
      entry.event = copyJson(entry.rule.event);
      run.facts = onSuccess(entry.event) ?? run.facts;
    }
  }
  return results;
}

/** Stable sort of results[start…] by the turn each rule finished. */
function sortFrom(results: CompiledRuleResult[], start: number): void {
  for (let index = start + 1; index < results.length; index += 1) {
    const entry = results[index] as CompiledRuleResult;
    let at = index;
    while (at > start && (results[at - 1] as CompiledRuleResult).settled > entry.settled) {
      results[at] = results[at - 1] as CompiledRuleResult;
      at -= 1;
    }
    results[at] = entry;
  }
}

/**
 * A compiled rule's outcome as json-rules-engine's RuleResult.toJSON gives it. Runs record no
 * leaf outcomes (most rules fail, and their traces are not wanted), so the rule is evaluated
 * again over the same, unchanged facts, recording them: the same outcomes, deterministically.
 */
export function ruleResultJson(entry: CompiledRuleResult): RuleResultJson {
  entry.event ??= copyJson(entry.rule.event);
  const outcomes: (LeafOutcome | undefined)[] = new Array(entry.rule.leafCount);
  entry.rule.condition.evaluate({ facts: entry.facts, outcomes, result: false }, 0);
  return {
    conditions: entry.rule.condition.toJson(outcomes),
    event: entry.event,
    priority: entry.rule.priority,
    name: entry.rule.name as string,
    result: entry.result,
  };
}
