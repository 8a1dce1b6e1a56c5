/**
 * Condition trees compiled into closures that decide as json-rules-engine 7.3.1 decides, and
 * also tell when: the engine evaluates an all/any by condition-priority groups, the conditions
 * of a group concurrently, and stops between groups. Which conditions it reaches, and so the
 * trace, follows from that; the order in which rules of one priority finish (and so the order of
 * their decisions) follows from how many promise turns each takes. Each compiled node returns the
 * turn ("generation" of microtasks, counted from the start of its rule's priority group) at which
 * the engine's promise for it settles; the counts below restate the engine's promise chains
 * (node_modules/json-rules-engine/dist/rule.js, condition.js, almanac.js).
 */
import { engineOperator } from './engine-operators.ts';
import { copyJson, isRecord } from './json-values.ts';
import { resolveFactPath } from './rules-engine.ts';

/** What the engine records on a leaf it evaluated. */
export type LeafOutcome = { factResult: unknown; valueResult: unknown; result: boolean };

/** The state of one rule's evaluation: its facts, the outcome of each leaf, the last result. */
export type ConditionRun = {
  facts: Record<string, unknown>;
  outcomes: (LeafOutcome | undefined)[];
  result: boolean;
};

/** Turn offsets that hold whatever the facts: earliest and latest settling, latest fact reads. */
export type Bounds = { min: number; max: number; reads: Map<string, number> };

/** A compiled condition: evaluate from a turn (returns the settling turn), and its trace. */
export type CompiledCondition = {
  evaluate: (run: ConditionRun, gen: number) => number;
  bounds: Bounds;
  toJson: (outcomes: readonly (LeafOutcome | undefined)[]) => Record<string, unknown>;
};

/** Thrown while compiling a shape the compiler leaves to json-rules-engine itself. */
export class UnsupportedCondition extends Error {}

/** Thrown while evaluating a leaf whose operator json-rules-engine does not know. */
export class UnknownOperator extends Error {}

type Context = { leaves: number };

/**
 * Compiles a rule's `conditions`. Its `evaluate` settles like the engine's root all/any/not
 * promise (the root is not wrapped as a nested condition is).
 * @throws UnsupportedCondition for condition references and priorities that are not positive
 * integers (the caller runs such rules on json-rules-engine).
 */
export function compileRootCondition(conditions: unknown): {
  condition: CompiledCondition;
  leafCount: number;
} {
  const context: Context = { leaves: 0 };
  if (!isRecord(conditions) || !booleanOperator(conditions)) {
    throw new UnsupportedCondition('the root is not all, any or not');
  }
  return { condition: compileBoolean(conditions, context, true), leafCount: context.leaves };
}

function booleanOperator(node: Record<string, unknown>): 'any' | 'all' | 'not' | undefined {
  if (Object.hasOwn(node, 'any')) return 'any';
  if (Object.hasOwn(node, 'all')) return 'all';
  if (Object.hasOwn(node, 'not')) return 'not';
  return undefined;
}

function compileNode(node: unknown, context: Context): CompiledCondition {
  if (!isRecord(node)) throw new UnsupportedCondition('a condition is not an object');
  if (booleanOperator(node)) return compileBoolean(node, context, false);
  if (Object.hasOwn(node, 'condition')) throw new UnsupportedCondition('condition reference');
  return compileLeaf(node, context);
}

/** The priority the engine sorts a condition by, checked to be a positive integer. */
function conditionPriority(node: Record<string, unknown>): number {
  const priority = node.priority;
  if (priority === undefined) return 1;
  if (typeof priority !== 'number' || !Number.isInteger(priority) || priority < 1) {
    throw new UnsupportedCondition('a condition priority is not a positive integer');
  }
  return priority;
}

function compileBoolean(
  node: Record<string, unknown>,
  context: Context,
  root: boolean,
): CompiledCondition {
  const operator = booleanOperator(node) as 'any' | 'all' | 'not';
  const priority = conditionPriority(node);
  const name = node.name;
  const children = node[operator];
  const head = (): Record<string, unknown> => (name ? { priority, name } : { priority });
  if (operator === 'not') {
    if (Array.isArray(children)) throw new UnsupportedCondition('"not" is an array');
    const child = compileNode(children, context);
    // not(): the child, then `.then(r => !r)`; nested, evaluateCondition adds `.then(passes)`.
    const extra = root ? 1 : 2;
    return {
      evaluate: (run, gen) => {
        const end = child.evaluate(run, gen);
        run.result = !run.result;
        return end + extra;
      },
      bounds: shifted(child.bounds, 0, extra),
      toJson: (outcomes) => {
        const json = head();
        json.not = child.toJson(outcomes);
        return json;
      },
    };
  }
  if (!Array.isArray(children)) throw new UnsupportedCondition(`"${operator}" is not an array`);
  const compiled = children.map((child: unknown) => compileNode(child, context));
  const priorities = children.map((child: unknown) =>
    conditionPriority(isRecord(child) ? child : {}),
  );
  const inner = prioritizeAndRun(compiled, priorities, operator === 'all');
  const extra = root ? 0 : 1;
  return {
    evaluate: root
      ? inner.evaluate
      : (run, gen) => {
          const end = inner.evaluate(run, gen);
          run.result = run.result === true;
          return end + 1;
        },
    bounds: shifted(inner.bounds, 0, extra),
    toJson: (outcomes) => {
      const json = head();
      const list: Record<string, unknown>[] = [];
      for (const child of compiled) list.push(child.toJson(outcomes));
      json[operator] = list;
      return json;
    },
  };
}

/**
 * The engine's prioritizeAndRun: no condition → true; one → that condition; more → groups by
 * priority, high to low, each evaluated whole (`Promise.all`) unless an earlier group decided.
 */
function prioritizeAndRun(
  children: CompiledCondition[],
  priorities: number[],
  isAll: boolean,
): Pick<CompiledCondition, 'evaluate' | 'bounds'> {
  const only = children[0];
  if (children.length === 0) {
    return {
      evaluate: (run, gen) => ((run.result = true), gen),
      bounds: { min: 0, max: 0, reads: new Map() },
    };
  }
  if (children.length === 1 && only) return { evaluate: only.evaluate, bounds: only.bounds };
  const groups = groupByPriority(children, priorities);
  const evaluate = (run: ConditionRun, gen: number): number => {
    let cursor = gen;
    let decided = isAll;
    for (const group of groups) {
      const start = cursor + 1;
      if (isAll ? !decided : decided) {
        cursor = start;
        continue;
      }
      let end = start;
      let every = true;
      let some = false;
      for (const child of group) {
        const settled = child.evaluate(run, start);
        if (settled > end) end = settled;
        if (run.result === true) some = true;
        else every = false;
      }
      decided = isAll ? every : some;
      // Promise.all (+1), `.then(every/some)` (+1), and the cursor adopting that promise (+1).
      cursor = end + 3;
    }
    run.result = decided;
    return cursor;
  };
  return { evaluate, bounds: groupBounds(groups) };
}

/** The engine's prioritizeConditions: groups of equal priority, highest first, in input order. */
function groupByPriority(children: CompiledCondition[], priorities: number[]) {
  const sets: Record<string, CompiledCondition[]> = {};
  children.forEach((child, index) => (sets[String(priorities[index])] ??= []).push(child));
  return Object.keys(sets)
    .sort((a, b) => (Number(a) > Number(b) ? -1 : 1))
    .map((priority) => sets[priority] as CompiledCondition[]);
}

function groupBounds(groups: CompiledCondition[][]): Bounds {
  const reads = new Map<string, number>();
  let max = 0;
  let min = 0;
  groups.forEach((group, index) => {
    const start = max + 1;
    for (const child of group) mergeReads(reads, child.bounds.reads, start);
    max = Math.max(...group.map((child) => child.bounds.max)) + start + 3;
    // The first group is always evaluated; every later one may be skipped (one turn each).
    min = index === 0 ? Math.max(...group.map((child) => child.bounds.min)) + start + 3 : min + 1;
  });
  return { min, max, reads };
}

function shifted(bounds: Bounds, readsBy: number, by: number): Bounds {
  const reads = new Map<string, number>();
  mergeReads(reads, bounds.reads, readsBy);
  return { min: bounds.min + by, max: bounds.max + by, reads };
}

function mergeReads(into: Map<string, number>, from: Map<string, number>, by: number): void {
  for (const [fact, turn] of from) into.set(fact, Math.max(into.get(fact) ?? -1, turn + by));
}

/** How a leaf reads one side: a fact (maybe through a path), or a constant. */
type Side = { fact?: string; resolve?: (value: object) => unknown };

function compileLeaf(node: Record<string, unknown>, context: Context): CompiledCondition {
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
    evaluate: (run, gen) => {
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
          if (typeof leftValue === 'object' && leftValue !== null)
            leftValue = resolveLeft(leftValue);
        }
      }
      const result = compare(leftValue, rightValue);
      run.outcomes[index] = { factResult: leftValue, valueResult: rightValue, result };
      run.result = result;
      // Promise.all of both sides (+1), `.then` building the outcome (+1), evaluateCondition's
      // `.then` recording it (+1).
      return gen + (late ? 4 : 3);
    },
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
  return (value) => {
    let current: unknown = value;
    for (const key of keys) {
      if (!current || !Object.hasOwn(current as object, key)) return undefined;
      current = (current as Record<string, unknown>)[key];
    }
    return current;
  };
}
