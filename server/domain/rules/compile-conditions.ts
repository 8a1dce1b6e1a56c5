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
import { compileLeaf } from './compile-leaf.ts';
import { conditionPriority, UnsupportedCondition } from './compiled-condition.ts';
import type { Bounds, CompiledCondition, ConditionRun, Context } from './compiled-condition.ts';
import { isRecord } from './json-values.ts';

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
  if (groups.length === 1)
    return { evaluate: runOneGroup(children, isAll), bounds: groupBounds(groups) };
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

/**
 * prioritizeAndRun's evaluation when every condition has one priority (the usual case): the one
 * group, always evaluated whole.
 */
function runOneGroup(
  group: CompiledCondition[],
  isAll: boolean,
): (run: ConditionRun, gen: number) => number {
  return (run, gen) => {
    const start = gen + 1;
    let end = start;
    let every = true;
    let some = false;
    for (let i = 0; i < group.length; i += 1) {
      const settled = group[i]!.evaluate(run, start);
      if (settled > end) end = settled;
      if (run.result === true) some = true;
      else every = false;
    }
    run.result = isAll ? every : some;
    return end + 3;
  };
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
