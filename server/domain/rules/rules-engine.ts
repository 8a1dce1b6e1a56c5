/**
 * The only door to json-rules-engine. Every run gets its own Engine: an Engine keeps one shared
 * running flag, so overlapping `run()` calls on a shared Engine silently skip the lower-priority
 * rules of whichever run is still going when another one finishes.
 */
import { Almanac, Engine } from 'json-rules-engine';
import type { RuleProperties, TopLevelCondition } from 'json-rules-engine';
import type { RuleCondition } from '../policy/format.ts';

/** A rule's event: what json-rules-engine emits when the rule's conditions hold. */
export type RuleEvent = { type: string; params?: Record<string, unknown> };

/** A rule in json-rules-engine's JSON format (our rule format too). */
export type RuleJson = {
  name?: string;
  priority?: number;
  conditions: RuleCondition;
  event: RuleEvent;
};

/** A rule's outcome as plain JSON; each leaf condition carries `factResult` and `result`. */
export type RuleResultJson = {
  name?: string;
  priority?: number;
  result: boolean;
  event: RuleEvent;
  conditions: RuleCondition;
};

/** What one run produced, in firing order, as plain data. */
export type RunResult = {
  events: RuleEvent[];
  failureEvents: RuleEvent[];
  results: RuleResultJson[];
  failureResults: RuleResultJson[];
};

/** Engine options passed through to json-rules-engine (all default to false). */
export type RunOptions = {
  allowUndefinedFacts?: boolean;
  allowUndefinedConditions?: boolean;
  replaceFactsInEventParams?: boolean;
};

/** Adds or replaces a runtime fact for the rules of lower priority still to run. */
export type SetFact = (id: string, value: unknown) => void;

/** Called synchronously for every successful rule, in priority order (highest first). */
export type OnRuleSuccess = (
  event: RuleEvent,
  rule: { name?: string; priority?: number },
  setFact: SetFact,
) => void;

export type RunInput = {
  rules: RuleJson[];
  facts: Record<string, unknown>;
  options?: RunOptions;
  /** Named conditions that rules reference as `{ "condition": name }`. */
  sharedConditions?: Record<string, unknown>;
  onSuccess?: OnRuleSuccess;
};

/**
 * Runs the rules over the facts on a fresh Engine and returns events and per-condition results.
 * Rules of the same priority run concurrently, so a fact set by `onSuccess` is only certain to
 * be seen by rules of lower priority. Neither the rules nor the facts are modified.
 * Rejects with json-rules-engine's error for a malformed rule, an unknown operator, or an
 * undefined fact or condition that the options do not allow.
 */
export async function runRules(input: RunInput): Promise<RunResult> {
  const engine = new Engine([], { ...input.options });
  for (const [name, conditions] of Object.entries(input.sharedConditions ?? {})) {
    engine.setCondition(name, structuredClone(conditions) as TopLevelCondition);
  }
  // The engine normalises conditions in place (e.g. leaf priorities), so it gets copies.
  for (const rule of input.rules) engine.addRule(structuredClone(rule) as RuleProperties);
  const onSuccess = input.onSuccess;
  if (onSuccess) {
    engine.on('success', (event, almanac, ruleResult) => {
      const rule = { name: ruleResult.name, priority: ruleResult.priority };
      onSuccess(event as RuleEvent, rule, (id, value) => almanac.addRuntimeFact(id, value));
    });
  }
  const outcome = await engine.run({ ...input.facts });
  // structuredClone detaches the output from the engine's objects and the caller's facts.
  return structuredClone({
    events: outcome.events as RuleEvent[],
    failureEvents: outcome.failureEvents as RuleEvent[],
    results: outcome.results.map((result) => result.toJSON(false) as unknown as RuleResultJson),
    failureResults: outcome.failureResults.map(
      (result) => result.toJSON(false) as unknown as RuleResultJson,
    ),
  });
}

type PathResolver = (value: object, path: string) => unknown;
// The engine's own resolver (jsonpath-plus, `wrap: false`), so that paths read exactly as in a run.
const enginePathResolver = (new Almanac() as unknown as { pathResolver: PathResolver })
  .pathResolver;

/**
 * The value at a JSONPath in a fact's (object) value, read as json-rules-engine reads a
 * condition's `path`: one match → its value, no match → undefined, several → an array.
 */
export function resolveFactPath(value: object, path: string): unknown {
  return enginePathResolver(value, path);
}

/** A fact a condition tree reads, with the JSONPath into it if any ("$.product.quantity"). */
export type FactReference = { fact: string; path?: string };

/**
 * Lists the facts (and paths) a condition tree reads, on either side of each comparison, in order
 * of first appearance and without repeats. Condition references are followed into
 * `sharedConditions` when given (each name once), and otherwise contribute nothing.
 */
export function ruleConditionFacts(
  conditions: unknown,
  sharedConditions: Record<string, unknown> = {},
): FactReference[] {
  const found = new Map<string, FactReference>();
  const followed = new Set<string>();
  const add = (fact: unknown, path: unknown): void => {
    if (typeof fact !== 'string') return;
    const reference: FactReference = typeof path === 'string' ? { fact, path } : { fact };
    found.set(JSON.stringify([fact, reference.path ?? null]), reference);
  };
  const visit = (node: unknown): void => {
    if (!isRecord(node)) return;
    if (Array.isArray(node.all)) node.all.forEach(visit);
    else if (Array.isArray(node.any)) node.any.forEach(visit);
    else if ('not' in node) visit(node.not);
    else if (typeof node.condition === 'string') {
      if (followed.has(node.condition)) return;
      followed.add(node.condition);
      if (Object.hasOwn(sharedConditions, node.condition)) {
        visit(sharedConditions[node.condition]);
      }
    } else {
      add(node.fact, node.path);
      if (isRecord(node.value)) add(node.value.fact, node.value.path);
    }
  };
  visit(conditions);
  return [...found.values()];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
