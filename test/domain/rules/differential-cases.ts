/**
 * Case facts for the differential test of compiled rules: seeded, so that a failure reproduces,
 * and aimed at what rules compare — every number a condition names and its neighbours (±0.01,
 * ±1), every value a condition or a category lists, missing fields, wrong types and null.
 */
import type { CaseFacts } from '../../../server/domain/case/case.ts';
import type { Policy } from '../../../server/domain/policy/format.ts';

/** A seeded pseudo-random generator (mulberry32) returning numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(random: () => number, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;

type Leaf = { fact: string; path?: string; value: unknown };

/** Every leaf condition of the policy's rule sets and transition guards. */
export function conditionLeaves(policy: Policy): Leaf[] {
  const leaves: Leaf[] = [];
  const visit = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    for (const key of ['all', 'any']) {
      if (Array.isArray(record[key])) (record[key] as unknown[]).forEach(visit);
    }
    if (record.not) visit(record.not);
    if (typeof record.fact === 'string') {
      const leaf: Leaf = { fact: record.fact, value: record.value };
      if (typeof record.path === 'string') leaf.path = record.path;
      leaves.push(leaf);
    }
  };
  for (const ruleSet of policy.ruleSets) for (const rule of ruleSet.rules) visit(rule.conditions);
  for (const transition of policy.workflow.transitions) visit(transition.guard);
  return leaves;
}

const MISSING = Symbol('missing');
const WRONG_TYPES: unknown[] = [null, '', 'x', 0, -1, true, false, [], {}, ['x'], { a: 1 }];

/** The values worth trying against a condition's value: itself, its neighbours, its items. */
function valuesAround(value: unknown): unknown[] {
  if (typeof value === 'number') {
    return [value, value - 0.01, value + 0.01, value - 1, value + 1, String(value)];
  }
  if (Array.isArray(value)) return [...value, value];
  if (typeof value === 'boolean') return [value, !value, String(value)];
  return [value];
}

/** A generator of case facts for the policy, starting from its examples' intakes. */
export function caseFactsGenerator(policy: Policy, random: () => number): () => CaseFacts {
  const slots = new Map<string, { fact: string; keys: string[]; values: unknown[] }>();
  for (const leaf of conditionLeaves(policy)) {
    const keys = leaf.path?.startsWith('$.') ? leaf.path.slice(2).split('.') : [];
    const id = `${leaf.fact} ${keys.join('.')}`;
    const slot = slots.get(id) ?? { fact: leaf.fact, keys, values: [MISSING, ...WRONG_TYPES] };
    slot.values.push(...valuesAround(leaf.value));
    slots.set(id, slot);
  }
  const all = [...slots.values()];
  const intakes = policy.examples.map((example) => example.intake ?? {});
  const states = Object.keys(policy.workflow.states);
  const dimensions = Object.entries(policy.categories).map(([id, category]) => ({
    id,
    values: Object.keys(category.values),
  }));
  const flags = [...new Set(policy.ruleSets.flatMap((set) => set.rules.flatMap(flagOf)))];
  return () => {
    const facts: CaseFacts = {
      intake: structuredClone(intakes.length > 0 ? pick(random, intakes) : {}),
      categories: {},
      remedy: random() < 0.5 ? null : { amount: Math.round(random() * 5000), type: 'refund' },
      state: pick(random, states),
      flags: flags.filter(() => random() < 0.3),
      receivedAt: '2026-03-25T15:00:00+08:00',
      forms: {},
    };
    for (const dimension of dimensions) {
      if (random() < 0.6) facts.categories[dimension.id] = pick(random, dimension.values);
    }
    // Each case changes a few slots, so that most conditions keep their examples' values.
    const changes = 1 + Math.floor(random() * 4);
    for (let index = 0; index < changes; index += 1) {
      const slot = pick(random, all);
      setSlot(facts as unknown as Record<string, unknown>, slot, pick(random, slot.values));
    }
    return facts;
  };
}

function flagOf(rule: Policy['ruleSets'][number]['rules'][number]): string[] {
  return rule.event.type === 'flag' ? [rule.event.params.flag] : [];
}

function setSlot(
  facts: Record<string, unknown>,
  slot: { fact: string; keys: string[] },
  value: unknown,
): void {
  if (slot.keys.length === 0) {
    if (value === MISSING) delete facts[slot.fact];
    else facts[slot.fact] = value;
    return;
  }
  let target = facts as Record<string, unknown>;
  const path = [slot.fact, ...slot.keys];
  for (const key of path.slice(0, -1)) {
    const child = target[key];
    if (typeof child !== 'object' || child === null || Array.isArray(child)) target[key] = {};
    target = target[key] as Record<string, unknown>;
  }
  const last = path.at(-1) as string;
  if (value === MISSING) delete target[last];
  else target[last] = structuredClone(value);
}
