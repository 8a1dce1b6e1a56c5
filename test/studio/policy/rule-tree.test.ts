import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACTION_TYPES as DOMAIN_ACTIONS } from '../../../server/domain/policy/format/rules.ts';
import { ACTION_TYPES } from '../../../studio/src/pages/policy/rule-actions.ts';
import { factCatalogue, type FactWords } from '../../../studio/src/pages/policy/rule-facts.ts';
import { conditionsToTree, treeToConditions } from '../../../studio/src/pages/policy/rule-tree.ts';
import type { Policy } from '../../../studio/src/api/types.ts';
import { loadCheckedPolicy, ROOT } from '../../support/policies.ts';

const WORDS: FactWords = {
  categories: '分类',
  remedy: '处理方案',
  remedyAmount: '金额',
  remedyType: '方式',
  case: '案件',
  state: '状态',
  flags: '标记',
  receivedAt: '受理时间',
};

const templates = readdirSync(`${ROOT}rulesets`, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'calendars')
  .map((entry) => entry.name);

const leaves = (node: unknown): Record<string, unknown>[] => {
  if (typeof node !== 'object' || node === null) return [];
  const record = node as Record<string, unknown>;
  for (const key of ['all', 'any'])
    if (Array.isArray(record[key])) return (record[key] as unknown[]).flatMap(leaves);
  if ('not' in record) return leaves(record.not);
  return [record];
};

describe('rule builder: conditions ⇄ builder tree', () => {
  it('offers exactly the actions the format has', () => {
    expect(ACTION_TYPES).toEqual(DOMAIN_ACTIONS);
  });

  it.each([
    [
      'a nested any inside all',
      {
        all: [
          { fact: 'state', operator: 'equal', value: 'open' },
          { any: [{ fact: 'intake', path: '$.a.b', operator: 'in', value: ['x', 'y'] }] },
        ],
      },
    ],
    ['an empty all (always)', { all: [] }],
    [
      'not around a group',
      { not: { any: [{ fact: 'flags', operator: 'contains', value: 'vip' }] } },
    ],
    [
      'a number and a boolean',
      {
        any: [
          { fact: 'remedy', path: '$.amount', operator: 'greaterThanInclusive', value: 5000 },
          { fact: 'intake', path: '$.media', operator: 'equal', value: true },
        ],
      },
    ],
  ])('keeps %s unchanged', (_, conditions) => {
    const result = conditionsToTree(conditions);
    expect('tree' in result).toBe(true);
    if ('tree' in result) expect(treeToConditions(result.tree)).toEqual(conditions);
  });

  it.each([
    ['a condition reference', { all: [{ condition: 'shared' }] }, 'reference'],
    [
      'a value read from another fact',
      {
        all: [
          {
            fact: 'intake',
            path: '$.a',
            operator: 'equal',
            value: { fact: 'intake', path: '$.b' },
          },
        ],
      },
      'factValue',
    ],
    [
      'a decorated operator',
      { all: [{ fact: 'flags', operator: 'someFact:equal', value: 'x' }] },
      'operator',
    ],
    [
      'a JSONPath filter',
      { all: [{ fact: 'intake', path: '$.items[0].sku', operator: 'equal', value: 'x' }] },
      'path',
    ],
    [
      'a condition priority',
      { all: [{ fact: 'state', operator: 'equal', value: 'x', priority: 2 }] },
      'extraKeys',
    ],
    ['not around a leaf', { not: { fact: 'state', operator: 'equal', value: 'x' } }, 'notGroup'],
    ['a leaf at the root', { fact: 'state', operator: 'equal', value: 'x' }, 'shape'],
  ])('refuses %s, naming why', (_, conditions, reason) => {
    expect(conditionsToTree(conditions)).toEqual({ refused: reason });
  });

  it('takes every template rule back unchanged, and knows the facts its conditions read', () => {
    let rules = 0;
    const refused: Record<string, number> = {};
    const unknownFields = new Set<string>();
    for (const template of templates) {
      const policy = loadCheckedPolicy(`rulesets/${template}`) as unknown as Policy;
      const known = new Set(factCatalogue(policy, 'zh-CN', WORDS).map((field) => field.name));
      for (const ruleSet of policy.ruleSets) {
        for (const rule of ruleSet.rules) {
          rules += 1;
          const result = conditionsToTree(rule.conditions);
          if ('refused' in result) {
            refused[result.refused] = (refused[result.refused] ?? 0) + 1;
            continue;
          }
          // The same JSON in meaning (key order aside: the builder writes fact, path, operator, value).
          expect(treeToConditions(result.tree)).toEqual(rule.conditions);
          for (const leaf of leaves(rule.conditions)) {
            const name = `${String(leaf.fact)}${typeof leaf.path === 'string' ? leaf.path.slice(1) : ''}`;
            if (!known.has(name)) unknownFields.add(`${template}: ${name}`);
          }
        }
      }
    }
    expect(rules).toBeGreaterThan(150);
    // Every template rule is in the builder's reach today; a new kind of condition must be counted here.
    expect(refused).toEqual({});
    expect([...unknownFields]).toEqual([]);
  });
});
