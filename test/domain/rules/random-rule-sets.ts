/**
 * Seeded random rule sets for the differential test: nested all/any/not with condition
 * priorities, paths, fact-to-fact values, every operator and some decorators, rules of equal
 * priority that chain, and facts of every type, so that short-circuits, traces and the order of
 * results within a priority are all exercised.
 */
import type { CaseFacts } from '../../../server/domain/case/case.ts';
import type { RuleSet } from '../../../server/domain/policy/format.ts';
import { pick } from './differential-cases.ts';

const FACTS = ['intake', 'categories', 'flags', 'state', 'remedy', 'undeclared'];
const OPERATORS = [
  'equal',
  'notEqual',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'someFact:equal',
  'everyValue:notEqual',
  'not:in',
  'swap:contains',
];
const PATHS = ['$.a', '$.b', '$.n.c', '$.a.length', '$.list[0]', '$.list[*]', '$.n'];
const VALUES: unknown[] = [1, 2, 'a', 'b', ['a', 1], true, null, { c: 'a' }];

function leaf(random: () => number): Record<string, unknown> {
  const fact = pick(random, FACTS);
  const operator = pick(random, OPERATORS);
  const node: Record<string, unknown> = { fact, operator, value: pick(random, VALUES) };
  if (random() < 0.6) node.path = pick(random, PATHS);
  if (/in$|Value:/i.test(operator)) node.value = pick(random, [['a', 1, 'x'], ['b'], []]);
  if (random() < 0.15) {
    node.value = { fact: pick(random, FACTS), ...(random() < 0.6 ? { path: '$.a' } : {}) };
  }
  if (random() < 0.25) node.priority = pick(random, [1, 2, 3]);
  return node;
}

function condition(random: () => number, depth: number): Record<string, unknown> {
  if (depth <= 0 || random() < 0.4) return leaf(random);
  const priority = random() < 0.3 ? { priority: pick(random, [1, 2, 3]) } : {};
  if (random() < 0.15) return { not: condition(random, depth - 1), ...priority };
  const children = Array.from({ length: Math.floor(random() * 4) }, () =>
    condition(random, depth - 1),
  );
  return { [random() < 0.5 ? 'all' : 'any']: children, ...priority };
}

const EVENTS = [
  { type: 'flag', params: { flag: 'a' } },
  { type: 'flag', params: { flag: 'b' } },
  { type: 'setCategory', params: { dimension: 'a', value: 'a' } },
  { type: 'setCategory', params: { dimension: 'a', value: 'x' } },
  { type: 'setField', params: { field: 'n.c', value: 'a' } },
  { type: 'notify', params: { role: 'manager' } },
];

/** A rule set of one to five rules over the facts `randomFacts` makes. */
export function randomRuleSet(random: () => number, id: string): RuleSet {
  const rules = Array.from({ length: 1 + Math.floor(random() * 5) }, (_, index) => ({
    name: `rule${index}`,
    priority: pick(random, [1, 2, 5]),
    conditions:
      random() < 0.2
        ? { not: condition(random, 2) }
        : {
            [random() < 0.5 ? 'all' : 'any']: Array.from(
              { length: 1 + Math.floor(random() * 3) },
              () => condition(random, 3),
            ),
          },
    event: structuredClone(pick(random, EVENTS)),
  }));
  return { id, rules } as RuleSet;
}

/** Facts of every shape the random rules look for, including missing and mistyped ones. */
export function randomFacts(random: () => number): CaseFacts {
  const value = () => pick(random, [1, 2, 'a', 'b', 'x', null, [1, 'a'], { c: 'a' }, 0, true]);
  return {
    intake: { a: value(), b: value(), n: { c: value() }, list: [value(), value()] },
    categories: random() < 0.5 ? { a: pick(random, ['a', 'b', 'x']) } : {},
    remedy: random() < 0.5 ? null : { amount: 1, type: 'a' },
    state: pick(random, ['a', 'b']),
    flags: random() < 0.5 ? ['a'] : [],
    receivedAt: '2026-01-01T00:00:00Z',
    forms: {},
  };
}
