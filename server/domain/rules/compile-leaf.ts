/**
 * A leaf condition compiled: both sides read as json-rules-engine's almanac reads them (facts the
 * run does not declare are undefined; a path reads an object fact a turn later), compared with
 * the engine's operator, and recorded as the engine records factResult, valueResult and result.
 */
import { conditionPriority, UnknownOperator, UnsupportedCondition } from './compiled-condition.ts';
import type { CompiledCondition, Context } from './compiled-condition.ts';
import { engineOperator, type Comparison } from './engine-operators.ts';
import { copyJson, isRecord } from './json-values.ts';
import { resolveFactPath } from './rules-engine.ts';

/** How a leaf reads one side: a fact (maybe through a path), or a constant. */
type Side = { fact?: string; resolve?: (value: object) => unknown };

/** A leaf `{ fact, operator, value, path?, params?, priority?, name? }` compiled. */
export function compileLeaf(node: Record<string, unknown>, context: Context): CompiledCondition {
  for (const key of ['fact', 'operator', 'value']) {
    if (!Object.hasOwn(node, key)) throw new UnsupportedCondition(`a leaf has no "${key}"`);
  }
  const { fact, operator, value, path, params, name, priority } = node;
  if (typeof fact !== 'string' || typeof operator !== 'string') {
    throw new UnsupportedCondition('a leaf fact or operator is not a string');
  }
  conditionPriority(node);
  const left = side(fact, path);
  const right: Side = isRecord(value) && Object.hasOwn(value, 'fact') ? valueSide(value) : {};
  const compare = engineOperator(operator);
  const index = context.leaves++;
  const delayed = left.resolve !== undefined || right.resolve !== undefined;
  const resolveLeft = left.resolve;
  return {
    evaluate:
      compare && right.fact === undefined
        ? constantLeaf(fact, resolveLeft, compare, value, index)
        : anyLeaf({ fact, operator, value, index, resolveLeft, right, compare }),
    bounds: {
      min: 3,
      max: delayed ? 4 : 3,
      reads: new Map([fact, right.fact].filter((f) => f !== undefined).map((f) => [f, 0])),
    },
    toJson: (outcomes) => {
      const json: Record<string, unknown> = {};
      if (priority) json.priority = priority;
      if (name) json.name = name;
      json.operator = operator;
      json.value = copyJson(value);
      json.fact = fact;
      const outcome = outcomes[index];
      if (outcome) {
        if (outcome.factResult !== undefined) json.factResult = copyJson(outcome.factResult);
        if (outcome.valueResult !== undefined) json.valueResult = copyJson(outcome.valueResult);
        json.result = outcome.result;
      }
      if (params) json.params = copyJson(params);
      if (path) json.path = path;
      return json;
    },
  };
}

/** A leaf as compileLeaf reads it, for its evaluation. */
type LeafParts = {
  fact: string;
  operator: string;
  value: unknown;
  index: number;
  resolveLeft: Side['resolve'];
  right: Side;
  compare: Comparison | undefined;
};

/** The evaluation of any leaf: a value that is a fact, or an operator the engine does not know. */
function anyLeaf(leaf: LeafParts): CompiledCondition['evaluate'] {
  const { fact, operator, value, index, resolveLeft, right, compare } = leaf;
  return (run, gen) => {
    if (!compare) throw new UnknownOperator(`Unknown operator: ${operator}`);
    const facts = run.facts;
    // A fact read through a path settles a turn later (almanac.factValue's `.then`).
    let late = false;
    let rightValue = value;
    if (right.fact !== undefined) {
      rightValue = Object.hasOwn(facts, right.fact) ? facts[right.fact] : undefined;
      if (right.resolve && Object.hasOwn(facts, right.fact)) {
        late = true;
        if (typeof rightValue === 'object' && rightValue !== null) {
          rightValue = right.resolve(rightValue);
        }
      }
    }
    let leftValue: unknown = undefined;
    if (Object.hasOwn(facts, fact)) {
      leftValue = facts[fact];
      if (resolveLeft) {
        late = true;
        if (typeof leftValue === 'object' && leftValue !== null) leftValue = resolveLeft(leftValue);
      }
    }
    const result = compare(leftValue, rightValue);
    if (run.outcomes)
      run.outcomes[index] = { factResult: leftValue, valueResult: rightValue, result };
    run.result = result;
    // Promise.all of both sides (+1), `.then` building the outcome (+1), evaluateCondition's
    // `.then` recording it (+1).
    return gen + (late ? 4 : 3);
  };
}

/**
 * The evaluation of a leaf whose value is a constant (most are): the general one without the
 * value's fact to read.
 */
function constantLeaf(
  fact: string,
  resolveLeft: Side['resolve'],
  compare: Comparison,
  value: unknown,
  index: number,
): CompiledCondition['evaluate'] {
  return (run, gen) => {
    const facts = run.facts;
    let late = false;
    let leftValue: unknown = undefined;
    if (Object.hasOwn(facts, fact)) {
      leftValue = facts[fact];
      if (resolveLeft) {
        late = true;
        if (typeof leftValue === 'object' && leftValue !== null) leftValue = resolveLeft(leftValue);
      }
    }
    const result = compare(leftValue, value);
    if (run.outcomes) run.outcomes[index] = { factResult: leftValue, valueResult: value, result };
    run.result = result;
    return gen + (late ? 4 : 3);
  };
}

function valueSide(value: Record<string, unknown>): Side {
  if (typeof value.fact !== 'string')
    throw new UnsupportedCondition('a value fact is not a string');
  return side(value.fact, value.path);
}

function side(fact: string, path: unknown): Side {
  if (path === undefined || path === '') return { fact };
  if (typeof path !== 'string') throw new UnsupportedCondition('a path is not a string');
  return { fact, resolve: compilePath(path) };
}

const SIMPLE_PATH = /^\$(\.[A-Za-z_][A-Za-z0-9_]*)+$/;

/**
 * A path's reader. `$.a.b` becomes property reads with jsonpath-plus's rule (follow own
 * properties of truthy values, otherwise no match → undefined); any other path goes to the
 * engine's resolver.
 */
function compilePath(path: string): (value: object) => unknown {
  if (!SIMPLE_PATH.test(path)) return (value) => resolveFactPath(value, path);
  const keys = path.slice(2).split('.');
  const [first, second] = keys;
  // Paths of one or two keys (most) read without a loop.
  if (keys.length === 1 && first !== undefined)
    return (value) =>
      Object.hasOwn(value, first) ? (value as Record<string, unknown>)[first] : undefined;
  if (keys.length === 2 && first !== undefined && second !== undefined) {
    return (value) => {
      if (!Object.hasOwn(value, first)) return undefined;
      const child = (value as Record<string, unknown>)[first];
      if (!child || !Object.hasOwn(child, second)) return undefined;
      return (child as Record<string, unknown>)[second];
    };
  }
  return (value) => {
    let current: unknown = value;
    for (let i = 0; i < keys.length; i += 1) {
      const key = keys[i]!;
      if (!current || !Object.hasOwn(current as object, key)) return undefined;
      current = (current as Record<string, unknown>)[key];
    }
    return current;
  };
}
