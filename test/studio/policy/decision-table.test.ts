import { describe, expect, it } from 'vitest';
import { evaluateRuleSets, evaluateRuleSetsOnEngine } from '../../../server/domain/rules/index.ts';
import type { CaseFacts } from '../../../server/domain/case/case.ts';
import type { RuleSet } from '../../../server/domain/policy/format.ts';
import {
  rulesToTable,
  tableToRules,
  type DecisionTable,
} from '../../../studio/src/pages/policy/decision-table.ts';
import type { FactField } from '../../../studio/src/pages/policy/rule-facts.ts';
import { tableProblems } from '../../../studio/src/pages/policy/table-problems.ts';

const amount: FactField = {
  name: 'intake.amountSought',
  fact: 'intake',
  path: '$.amountSought',
  label: '要求金额',
  group: '受理',
  kind: 'number',
  options: [],
};
const channel: FactField = {
  name: 'intake.channel',
  fact: 'intake',
  path: '$.channel',
  label: '反映方式',
  group: '受理',
  kind: 'enum',
  options: ['phone', 'visit', 'email'].map((value) => ({ value, label: value })),
};
const CATALOGUE = [amount, channel];

const setLevel = (value: string) => ({
  type: 'setCategory',
  params: { dimension: 'level', value },
});

/** Amount ≥ 5000 → major; visit → major; otherwise (amount < 5000) → minor. */
function levelTable(hitPolicy: DecisionTable['hitPolicy']): DecisionTable {
  return {
    hitPolicy,
    columns: ['intake.amountSought', 'intake.channel'],
    rows: [
      {
        name: 'bigClaim',
        cells: [{ operator: 'greaterThanInclusive', value: 5000 }, null],
        event: setLevel('major'),
      },
      {
        name: 'visit',
        cells: [null, { operator: 'equal', value: 'visit' }],
        event: setLevel('major'),
      },
      {
        name: 'rest',
        cells: [{ operator: 'lessThan', value: 5000 }, null],
        event: setLevel('minor'),
      },
    ],
  };
}

const facts = (intake: Record<string, unknown>): CaseFacts => ({
  intake,
  categories: {},
  remedy: null,
  state: 'registering',
  flags: [],
  receivedAt: '2026-03-02T02:00:00.000Z',
  forms: {},
});

const decided = async (table: DecisionTable, intake: Record<string, unknown>) => {
  const ruleSet = { id: 'level', rules: tableToRules(table) } as unknown as RuleSet;
  const moment = { at: '2026-03-02T02:00:00.000Z', on: 'intake' as const };
  const compiled = await evaluateRuleSets([ruleSet], facts(intake), moment);
  // The compiled rules and json-rules-engine itself agree on the table's rules.
  expect(await evaluateRuleSetsOnEngine([ruleSet], facts(intake), moment)).toEqual(compiled);
  return compiled.map((d) => d.source.kind === 'rule' && d.source.rule);
};

describe('decision tables', () => {
  it('writes one rule a row, first-hit rows guarded by the rows above them', () => {
    const rules = tableToRules(levelTable('first'));
    expect(rules[0]).toEqual({
      name: 'bigClaim',
      priority: 3,
      conditions: {
        all: [
          { fact: 'intake', path: '$.amountSought', operator: 'greaterThanInclusive', value: 5000 },
        ],
      },
      event: setLevel('major'),
    });
    expect(rules[1]?.conditions).toEqual({
      all: [
        { fact: 'intake', path: '$.channel', operator: 'equal', value: 'visit' },
        {
          not: {
            any: [
              {
                all: [
                  {
                    fact: 'intake',
                    path: '$.amountSought',
                    operator: 'greaterThanInclusive',
                    value: 5000,
                  },
                ],
              },
            ],
          },
        },
      ],
    });
    expect(tableToRules(levelTable('collect'))[1]?.conditions).toEqual({
      all: [{ fact: 'intake', path: '$.channel', operator: 'equal', value: 'visit' }],
    });
  });

  it.each([
    ['first', { amountSought: 8000, channel: 'visit' }, ['bigClaim']],
    ['collect', { amountSought: 8000, channel: 'visit' }, ['bigClaim', 'visit']],
    ['first', { amountSought: 100, channel: 'visit' }, ['visit']],
    ['collect', { amountSought: 100, channel: 'visit' }, ['visit', 'rest']],
    ['first', { amountSought: 100, channel: 'phone' }, ['rest']],
  ] as const)('hit policy %s over %j fires %j on the runtime', async (hitPolicy, intake, rows) => {
    expect(await decided(levelTable(hitPolicy), intake)).toEqual(rows);
  });

  it.each(['first', 'collect'] as const)(
    'reads its own %s rules back as the same table',
    (hitPolicy) => {
      const table = levelTable(hitPolicy);
      expect(rulesToTable(hitPolicy, tableToRules(table))).toEqual({ table });
    },
  );

  it('gives two columns to a field a row reads twice (a range)', () => {
    const table: DecisionTable = {
      hitPolicy: 'collect',
      columns: ['intake.amountSought', 'intake.amountSought'],
      rows: [
        {
          name: 'mid',
          cells: [
            { operator: 'greaterThanInclusive', value: 1000 },
            { operator: 'lessThan', value: 5000 },
          ],
          event: setLevel('mid'),
        },
        {
          name: 'high',
          cells: [{ operator: 'greaterThanInclusive', value: 5000 }, null],
          event: setLevel('major'),
        },
      ],
    };
    expect(rulesToTable('collect', tableToRules(table))).toEqual({ table });
  });

  it.each([
    [
      'a guard that is not the rows above',
      (rules: ReturnType<typeof tableToRules>) =>
        void (rules[1]?.conditions.all as unknown[]).pop(),
    ],
    [
      'a changed priority',
      (rules: ReturnType<typeof tableToRules>) => void (rules[0]!.priority = 99),
    ],
    [
      'an any group',
      (rules: ReturnType<typeof tableToRules>) => void (rules[0]!.conditions = { any: [] }),
    ],
  ])('does not take rules with %s as a table', (_, spoil) => {
    const rules = tableToRules(levelTable('first'));
    spoil(rules);
    expect(rulesToTable('first', rules)).toEqual({ refused: 'tableShape' });
  });

  it('flags overlaps, gaps and rows that never fire', () => {
    const collect = tableProblems(levelTable('collect'), CATALOGUE);
    expect(collect.overlaps.map((o) => o.rows)).toEqual([
      [0, 1],
      [1, 2],
    ]);
    expect(collect.gaps).toEqual([]);
    const gappy: DecisionTable = {
      hitPolicy: 'first',
      columns: ['intake.amountSought', 'intake.channel'],
      rows: [
        {
          name: 'big',
          cells: [{ operator: 'greaterThan', value: 5000 }, null],
          event: setLevel('major'),
        },
        {
          name: 'bigger',
          cells: [{ operator: 'greaterThan', value: 9000 }, null],
          event: setLevel('major'),
        },
        {
          name: 'small',
          cells: [{ operator: 'lessThan', value: 5000 }, null],
          event: setLevel('minor'),
        },
      ],
    };
    const problems = tableProblems(gappy, CATALOGUE);
    // 5000 itself is in no row; "bigger" is shadowed by "big" everywhere.
    expect(problems.gaps.map((p) => p['intake.amountSought'])).toEqual([5000, 5000, 5000]);
    expect(problems.unreachable).toEqual([1]);
    expect(problems.selfChanging).toEqual([]);
  });

  it('flags a row whose action changes a value the table reads', () => {
    const table: DecisionTable = {
      hitPolicy: 'collect',
      columns: ['categories.level'],
      rows: [
        { name: 'raise', cells: [{ operator: 'equal', value: 'minor' }], event: setLevel('major') },
        {
          name: 'route',
          cells: [{ operator: 'equal', value: 'major' }],
          event: { type: 'assign', params: { role: 'manager' } },
        },
      ],
    };
    expect(tableProblems(table, CATALOGUE).selfChanging).toEqual([0]);
  });
});
