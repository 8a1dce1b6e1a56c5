/** The compiled form of a condition, shared by the compilers of nodes and leaves. */

/** What the engine records on a leaf it evaluated. */
export type LeafOutcome = { factResult: unknown; valueResult: unknown; result: boolean };

/** The state of one rule's evaluation: its facts, the outcome of each leaf, the last result. */
export type ConditionRun = {
  facts: Record<string, unknown>;
  /** Where leaves record their outcome; absent while only the decision is wanted. */
  outcomes?: (LeafOutcome | undefined)[];
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

/** Numbers the leaves of one rule's conditions, in the order the trace lists them. */
export type Context = { leaves: number };

/** The priority the engine sorts a condition by, checked to be a positive integer. */
export function conditionPriority(node: Record<string, unknown>): number {
  const priority = node.priority;
  if (priority === undefined) return 1;
  if (typeof priority !== 'number' || !Number.isInteger(priority) || priority < 1) {
    throw new UnsupportedCondition('a condition priority is not a positive integer');
  }
  return priority;
}
