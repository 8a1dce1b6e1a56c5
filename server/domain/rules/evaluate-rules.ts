/**
 * Rule-set evaluation: runs a policy's rule sets over a case's facts and returns the decisions,
 * each with the rule that made it and json-rules-engine's per-condition trace. Nothing is written;
 * the caller applies the decisions to the case.
 */
import type { CaseFacts, Decision } from '../case/case.ts';
import { DomainError } from '../errors.ts';
import type { RuleAction, RuleSet } from '../policy/format.ts';
import { applyChainedAction } from './chained-actions.ts';
import { compileRules, ruleResultJson, runCompiledRules } from './compile-rules.ts';
import { isRecord } from './json-values.ts';
import { runRules } from './rules-engine.ts';
import type { RuleEvent, RuleResultJson, SetFact } from './rules-engine.ts';

/** When rules are evaluated: on case opening ("intake") or after any action ("always"). */
export type EvaluationMoment = { at: string; on: 'intake' | 'always' };

/** One rule set's successful rules (in firing order) and the facts after their chaining. */
type RuleSetRun = { results: RuleResultJson[]; facts: CaseFacts };

/**
 * Runs each applicable rule set in order (intake-only sets only at intake; a set without `on`
 * is intake-only) and returns the decisions in firing order. Rules chain: `setCategory`,
 * `setField` and `flag` change the `categories`, `intake` and `flags` facts that rules of lower
 * priority, and later rule sets, see. Rules of equal priority run concurrently and so do not
 * reliably see each other's changes. Each rule set runs compiled (see compile-rules.ts), with
 * json-rules-engine's results; what the compiler leaves to the engine runs on the engine.
 * @throws policy_invalid when json-rules-engine rejects a rule set (unknown operator, missing
 * condition reference, invalid priority).
 */
export async function evaluateRuleSets(
  ruleSets: RuleSet[],
  facts: CaseFacts,
  moment: EvaluationMoment,
): Promise<Decision[]> {
  return evaluateFrom(runRuleSet, ruleSets, 0, facts, moment, []);
}

/**
 * evaluateRuleSets, answered at once when every rule set runs compiled (opening a case then
 * waits for no promise); a promise only when some rule set runs on json-rules-engine.
 * @throws policy_invalid as evaluateRuleSets does
 */
export function evaluateRuleSetsNow(
  ruleSets: RuleSet[],
  facts: CaseFacts,
  moment: EvaluationMoment,
): Decision[] | Promise<Decision[]> {
  return evaluateFrom(runRuleSet, ruleSets, 0, facts, moment, []);
}

/**
 * evaluateRuleSets with every rule set run on json-rules-engine: the reference the compiled
 * rules are held to (see the differential test).
 * @throws policy_invalid as evaluateRuleSets does
 */
export async function evaluateRuleSetsOnEngine(
  ruleSets: RuleSet[],
  facts: CaseFacts,
  moment: EvaluationMoment,
): Promise<Decision[]> {
  return evaluateFrom(runRuleSetOnEngine, ruleSets, 0, facts, moment, []);
}

/** Runs the rule sets from `first` on, adding their decisions to `decisions`. */
function evaluateFrom(
  runSet: (ruleSet: RuleSet, facts: CaseFacts) => Promise<RuleSetRun> | RuleSetRun,
  ruleSets: RuleSet[],
  first: number,
  facts: CaseFacts,
  moment: EvaluationMoment,
  decisions: Decision[],
): Decision[] | Promise<Decision[]> {
  let current = facts;
  for (let index = first; index < ruleSets.length; index += 1) {
    const ruleSet = ruleSets[index]!;
    if ((ruleSet.on ?? 'intake') === 'intake' && moment.on !== 'intake') continue;
    const pending = runSet(ruleSet, current);
    // Compiled rule sets answer at once; only those run on the engine are awaited.
    if (pending instanceof Promise) {
      return pending.then((run) => {
        for (const result of run.results) decisions.push(toDecision(ruleSet, result, moment.at));
        return evaluateFrom(runSet, ruleSets, index + 1, run.facts, moment, decisions);
      });
    }
    current = pending.facts;
    for (const result of pending.results) decisions.push(toDecision(ruleSet, result, moment.at));
  }
  return decisions;
}

/** The rule set compiled; on the engine when the compiler leaves it there or a rule throws. */
function runRuleSet(ruleSet: RuleSet, facts: CaseFacts): Promise<RuleSetRun> | RuleSetRun {
  const compiled = compileRules(ruleSet.rules);
  if ('groups' in compiled) {
    try {
      return runRuleSetCompiled(compiled.groups, facts);
    } catch {
      // The engine words the error (policy_invalid), or, being the reference, settles it.
    }
  }
  return runRuleSetOnEngine(ruleSet, facts);
}

function runRuleSetCompiled(
  groups: Parameters<typeof runCompiledRules>[0],
  facts: CaseFacts,
): RuleSetRun {
  const chain = { facts };
  const outcomes = runCompiledRules(groups, facts, (event) => {
    chain.facts = applyChainedAction(chain.facts, event as RuleAction)?.facts ?? chain.facts;
    return chain.facts;
  });
  const results: RuleResultJson[] = [];
  for (const outcome of outcomes) if (outcome.result) results.push(ruleResultJson(outcome));
  return { results, facts: chain.facts };
}

async function runRuleSetOnEngine(ruleSet: RuleSet, facts: CaseFacts): Promise<RuleSetRun> {
  let current = facts;
  const onSuccess = (event: RuleEvent, _rule: unknown, setFact: SetFact): void => {
    const change = applyChainedAction(current, event as RuleAction);
    if (!change) return;
    current = change.facts;
    setFact(change.fact, current[change.fact]);
  };
  try {
    const run = await runRules({
      rules: ruleSet.rules,
      facts: { ...facts },
      options: { allowUndefinedFacts: true },
      onSuccess,
    });
    return { results: run.results, facts: current };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DomainError('policy_invalid', `Rule set ${ruleSet.id} failed: ${reason}`, {
      ruleSet: ruleSet.id,
      reason,
    });
  }
}

function toDecision(ruleSet: RuleSet, result: RuleResultJson, at: string): Decision {
  return {
    // The event is the rule's own (facts are not substituted into params), so it is a RuleAction.
    action: result.event as RuleAction,
    source: { kind: 'rule', ruleSet: ruleSet.id, rule: result.name ?? '', trace: result },
    at,
  };
}

/** The words a trace is read in: the boolean operators, a named condition, and the outcomes. */
export type TraceWords = {
  operator: (operator: 'all' | 'any' | 'not') => string;
  condition: (name: string) => string;
  /** A fact's comparison (`equal`, `greaterThanInclusive`…). */
  comparison: (operator: string) => string;
  outcome: (result: boolean | undefined) => string;
};

/** The trace's words as json-rules-engine names them (English). */
export const ENGINE_TRACE_WORDS: TraceWords = {
  operator: (operator) => operator,
  condition: (name) => `condition ${name}`,
  comparison: (operator) => operator,
  outcome: (result) => (result === undefined ? 'not evaluated' : String(result)),
};

/**
 * Readable lines for a rule's trace (a rule result or a bare condition tree), one per condition,
 * nested conditions indented: `intake.amount (1500) greaterThanInclusive 1000 → true`.
 */
export function explainTrace(trace: unknown, words: TraceWords = ENGINE_TRACE_WORDS): string[] {
  const root = isRecord(trace) && isRecord(trace.conditions) ? trace.conditions : trace;
  const lines: string[] = [];
  const outcome = (result: unknown) =>
    words.outcome(typeof result === 'boolean' ? result : undefined);
  const visit = (node: unknown, depth: number): void => {
    if (!isRecord(node)) return;
    const indent = '  '.repeat(depth);
    const operator = booleanOperator(node);
    if (operator) {
      lines.push(`${indent}${words.operator(operator)} → ${outcome(conditionResult(node))}`);
      const children = node[operator];
      for (const child of Array.isArray(children) ? children : [children]) visit(child, depth + 1);
    } else if (typeof node.condition === 'string') {
      lines.push(`${indent}${words.condition(node.condition)} → ${outcome(node.result)}`);
    } else {
      lines.push(`${indent}${describeLeaf(node, words)} → ${outcome(node.result)}`);
    }
  };
  visit(root, 0);
  return lines;
}

/**
 * A condition's result. json-rules-engine records `result` on leaves only, so an all/any/not's
 * is derived from its children; undefined when short-circuiting left it open.
 */
function conditionResult(node: unknown): boolean | undefined {
  if (!isRecord(node)) return undefined;
  if (typeof node.result === 'boolean') return node.result;
  const operator = booleanOperator(node);
  if (operator === 'not') {
    const inner = conditionResult(node.not);
    return inner === undefined ? undefined : !inner;
  }
  if (!operator) return undefined;
  const results = (node[operator] as unknown[]).map(conditionResult);
  const decisive = operator === 'all' ? false : true;
  if (results.includes(decisive)) return decisive;
  return results.every((result) => result === !decisive) ? !decisive : undefined;
}

function describeLeaf(node: Record<string, unknown>, words: TraceWords): string {
  const left = `${factName(node.fact, node.path)} (${show(node.factResult)})`;
  const right =
    isRecord(node.value) && typeof node.value.fact === 'string'
      ? `${factName(node.value.fact, node.value.path)} (${show(node.valueResult)})`
      : show(node.value);
  return `${left} ${words.comparison(String(node.operator))} ${right}`;
}

function factName(fact: unknown, path: unknown): string {
  if (typeof path !== 'string' || path === '') return String(fact);
  return `${String(fact)}${path.startsWith('$') ? path.slice(1) : `.${path}`}`;
}

/** JSON of a value, cut to keep a line readable when a whole fact object is shown. */
function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function booleanOperator(node: Record<string, unknown>): 'all' | 'any' | 'not' | undefined {
  if (Array.isArray(node.all)) return 'all';
  if (Array.isArray(node.any)) return 'any';
  return 'not' in node ? 'not' : undefined;
}
