/**
 * Chaining: the actions whose effect rules of lower priority (and later rule sets) see, as
 * changed `categories`, `intake` and `flags` facts.
 */
import type { CaseFacts } from '../case/case.ts';
import type { RuleAction } from '../policy/format.ts';
import { isRecord } from './json-values.ts';
import { withEntry } from '../records.ts';

/** The fact each chaining action changes. */
export const CHAINED_FACTS = {
  setCategory: 'categories',
  setField: 'intake',
  flag: 'flags',
} as const;

type ChainedFact = (typeof CHAINED_FACTS)[keyof typeof CHAINED_FACTS];

/** The facts after an action that later rules must see, or undefined if it changes none. */
export function applyChainedAction(
  facts: CaseFacts,
  action: RuleAction,
): { facts: CaseFacts; fact: ChainedFact } | undefined {
  switch (action.type) {
    case 'setCategory': {
      const { dimension, value } = action.params;
      const categories = withEntry(facts.categories, dimension, value);
      return { facts: { ...facts, categories }, fact: 'categories' };
    }
    case 'setField': {
      const intake = setAtPath(facts.intake, action.params.field.split('.'), action.params.value);
      return { facts: { ...facts, intake }, fact: 'intake' };
    }
    case 'flag': {
      if (facts.flags.includes(action.params.flag)) return undefined;
      return { facts: { ...facts, flags: [...facts.flags, action.params.flag] }, fact: 'flags' };
    }
    default:
      return undefined;
  }
}

/** A copy of `target` with the value at the dotted path replaced; objects on the way are copied. */
function setAtPath(
  target: Record<string, unknown>,
  keys: string[],
  value: unknown,
): Record<string, unknown> {
  const [head, ...rest] = keys;
  if (head === undefined) return target;
  const child = Object.hasOwn(target, head) ? target[head] : undefined;
  const next = rest.length === 0 ? value : setAtPath(isRecord(child) ? child : {}, rest, value);
  // A computed key defines an own property, so "__proto__" cannot reach the prototype.
  return { ...target, [head]: next };
}
