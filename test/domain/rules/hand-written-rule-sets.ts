/**
 * Hand-written rule sets for the differential test, one construct each: every operator and
 * decorator, not, nested any/all with condition priorities (leaves left unevaluated), paths into
 * objects and arrays, fact-to-fact comparisons, equal priorities, chaining, and errors.
 * `engineOnly` marks rule sets the compiler leaves to json-rules-engine.
 */
import type { CaseFacts } from '../../../server/domain/case/case.ts';
import type { RuleSet } from '../../../server/domain/policy/format.ts';

type Entry = { description: string; ruleSets: RuleSet[]; facts: CaseFacts; engineOnly?: boolean };

const facts = (overrides: Partial<CaseFacts> = {}): CaseFacts => ({
  intake: {
    amount: 1500,
    limit: 2000,
    channel: 'phone',
    tags: ['vip', 'repeat'],
    scores: [3, 7, 11],
    items: [
      { sku: 'A-1', qty: 2 },
      { sku: 'B-2', qty: 0 },
    ],
    product: { quantity: 5, defectiveQuantity: 1 },
    'weird key': 'yes',
  },
  categories: { severity: 'major' },
  remedy: { amount: 800, type: 'refund' },
  state: 'registered',
  flags: ['vip'],
  receivedAt: '2026-03-25T15:00:00+08:00',
  forms: { closure: { signed: true } },
  ...overrides,
});

const notify = { type: 'notify', params: { role: 'manager' } };
type Rule = RuleSet['rules'][number];
const rule = (
  name: string,
  conditions: unknown,
  priority?: number,
  event: unknown = notify,
): Rule => ({ name, conditions, event, ...(priority === undefined ? {} : { priority }) }) as Rule;
const set = (id: string, rules: Rule[]): RuleSet => ({ id, rules });
const amount = (operator: string, value: unknown) => ({
  fact: 'intake',
  path: '$.amount',
  operator,
  value,
});

const OPERATORS = [
  ['equal', 1500, 1501],
  ['notEqual', 1501, 1500],
  ['in', [1500, 3], [1]],
  ['notIn', [1], [1500]],
  ['lessThan', 1500.01, 1500],
  ['lessThanInclusive', 1500, 1499.99],
  ['greaterThan', 1499.99, 1500],
  ['greaterThanInclusive', 1500, 1500.01],
] as const;

export const HAND_WRITTEN: Entry[] = [
  {
    description: 'every operator, holding and failing, at the boundary',
    ruleSets: [
      set(
        'operators',
        OPERATORS.flatMap(([operator, holds, fails], index) => [
          rule(`${operator}-holds`, { all: [amount(operator, holds)] }, 100 - index),
          rule(`${operator}-fails`, { all: [amount(operator, fails)] }, 100 - index),
        ]).concat([
          rule('contains', { all: [{ fact: 'flags', operator: 'contains', value: 'vip' }] }),
          rule('doesNotContain', {
            any: [{ fact: 'intake', path: '$.tags', operator: 'doesNotContain', value: 'vip' }],
          }),
          rule('contains-on-a-string', {
            all: [{ fact: 'intake', path: '$.channel', operator: 'contains', value: 'ph' }],
          }),
          rule('in-a-string', {
            all: [{ fact: 'intake', path: '$.channel', operator: 'in', value: 'telephone' }],
          }),
          rule('number-operators-on-strings', {
            all: [{ fact: 'intake', path: '$.channel', operator: 'greaterThan', value: 'a' }],
          }),
        ]),
      ),
    ],
    facts: facts(),
  },
  {
    description: 'operator decorators',
    ruleSets: [
      set(
        'decorators',
        [
          ['someFact:greaterThan', '$.scores', 10],
          ['everyFact:greaterThan', '$.scores', 2],
          ['someValue:equal', '$.amount', [1, 1500]],
          ['everyValue:lessThan', '$.amount', [2000, 1600]],
          ['swap:contains', '$.channel', ['phone']],
          ['not:equal', '$.channel', 'web'],
          ['everyFact:not:equal', '$.tags', 'spam'],
          ['someFact:equal', '$.channel', 'phone'],
        ].map(([operator, path, value], index) =>
          rule(`decorated-${index}`, { all: [{ fact: 'intake', path, operator, value }] }),
        ),
      ),
    ],
    facts: facts(),
  },
  {
    description: 'not, nested any/all, and condition priorities leaving leaves unevaluated',
    ruleSets: [
      set('nested', [
        rule('any-stops-early', {
          any: [
            { ...amount('greaterThan', 1000), priority: 3 },
            { ...amount('lessThan', 0), priority: 1 },
            { all: [amount('equal', 1), { not: amount('equal', 2) }], priority: 1 },
          ],
        }),
        rule('all-stops-early', {
          all: [
            { ...amount('lessThan', 1000), priority: 2 },
            { any: [amount('equal', 1500), { fact: 'state', operator: 'equal', value: 'x' }] },
          ],
        }),
        rule('not-at-the-root', { not: { any: [amount('equal', 1), amount('equal', 2)] } }),
        rule('deep', {
          all: [{ any: [{ all: [{ not: { not: amount('equal', 1500) } }] }, amount('equal', 0)] }],
        }),
        rule('empty-all-holds', { all: [] }),
        rule('empty-any-holds', { any: [] }),
      ]),
    ],
    facts: facts(),
  },
  {
    description: 'paths into objects and arrays, missing paths and mistyped facts',
    ruleSets: [
      set(
        'paths',
        [
          ['intake', '$.items[0].sku', 'equal', 'A-1'],
          ['intake', '$.items[*].qty', 'contains', 0],
          ['intake', '$..sku', 'contains', 'B-2'],
          ['intake', "$['weird key']", 'equal', 'yes'],
          ['intake', '$.product.quantity', 'greaterThan', 4],
          ['intake', '$.missing.deep', 'equal', null],
          ['intake', '$.tags.length', 'equal', 2],
          ['state', '$.anything', 'equal', 'registered'],
          ['remedy', '$.type', 'equal', 'refund'],
          ['undeclared', '$.a', 'equal', null],
          ['forms', '$.closure.signed', 'equal', true],
        ].map(([fact, path, operator, value], index) =>
          rule(`path-${index}`, { all: [{ fact, path, operator, value }] }),
        ),
      ),
    ],
    facts: facts(),
  },
  {
    description: 'fact-to-fact comparisons',
    ruleSets: [
      set('fact-to-fact', [
        rule('amount-within-limit', {
          all: [amount('lessThanInclusive', { fact: 'intake', path: '$.limit' })],
        }),
        rule('remedy-below-amount', {
          all: [
            {
              fact: 'remedy',
              path: '$.amount',
              operator: 'lessThan',
              value: { fact: 'intake', path: '$.amount' },
            },
          ],
        }),
        rule('against-an-undeclared-fact', {
          all: [amount('equal', { fact: 'undeclared', path: '$.x' })],
        }),
        rule('whole-facts', {
          all: [{ fact: 'flags', operator: 'equal', value: { fact: 'flags' } }],
        }),
      ]),
    ],
    facts: facts(),
  },
  {
    description: 'equal priorities finish in the engine’s order (deeper rules later)',
    ruleSets: [
      set('equal-priorities', [
        rule('deep-first', { all: [{ all: [{ all: [amount('equal', 1500)] }] }] }, 5),
        rule('path-second', { all: [amount('equal', 1500)] }, 5),
        rule(
          'plain-third',
          { all: [{ fact: 'state', operator: 'equal', value: 'registered' }] },
          5,
        ),
        rule(
          'prioritised-fourth',
          { all: [{ ...amount('equal', 1500), priority: 2 }, amount('greaterThan', 1)] },
          5,
        ),
      ]),
    ],
    facts: facts(),
  },
  {
    description: 'chaining: categories, fields and flags set above are seen below and later',
    ruleSets: [
      set('first', [
        rule('crisis', { all: [amount('greaterThan', 1000)] }, 10, {
          type: 'setCategory',
          params: { dimension: 'severity', value: 'crisis' },
        }),
        rule(
          'crisis-seen',
          { all: [{ fact: 'categories', path: '$.severity', operator: 'equal', value: 'crisis' }] },
          5,
          { type: 'flag', params: { flag: 'escalated' } },
        ),
        rule('field', { all: [amount('greaterThan', 1000)] }, 10, {
          type: 'setField',
          params: { field: 'product.defectiveQuantity', value: 9 },
        }),
        rule('field-seen', {
          all: [
            { fact: 'intake', path: '$.product.defectiveQuantity', operator: 'equal', value: 9 },
          ],
        }),
      ]),
      set('second', [
        rule('flag-seen', { all: [{ fact: 'flags', operator: 'contains', value: 'escalated' }] }),
      ]),
    ],
    facts: facts(),
  },
  {
    description: 'rules of one priority that may see each other’s changes run on the engine',
    ruleSets: [
      set('racing', [
        rule('sets', { all: [amount('equal', 1500)] }, 5, {
          type: 'setCategory',
          params: { dimension: 'severity', value: 'crisis' },
        }),
        rule(
          'reads-late',
          {
            all: [
              { ...amount('equal', 1500), priority: 4 },
              { ...amount('equal', 1500), priority: 3 },
              { fact: 'categories', path: '$.severity', operator: 'equal', value: 'crisis' },
            ],
          },
          5,
        ),
      ]),
    ],
    facts: facts(),
    engineOnly: true,
  },
  {
    description: 'an unknown operator is policy_invalid, unless it is never reached',
    ruleSets: [
      set('unknown-operator-unreached', [
        rule('stops-before', {
          all: [{ ...amount('equal', 0), priority: 2 }, amount('bogus', 1)],
        }),
      ]),
      set('unknown-operator', [rule('reached', { all: [amount('bogus', 1)] })]),
    ],
    facts: facts(),
  },
  {
    description: 'an operator throwing on its value is policy_invalid',
    ruleSets: [set('throws', [rule('in-a-number', { all: [amount('in', 5)] })])],
    facts: facts(),
  },
  {
    description: 'a condition reference and a negative priority are left to the engine',
    ruleSets: [
      set('reference', [rule('refers', { all: [{ condition: 'shared' }] })]),
      set('negative', [rule('negative', { all: [amount('equal', 1500)] }, -1)]),
    ],
    facts: facts(),
    engineOnly: true,
  },
];
