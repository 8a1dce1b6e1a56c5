import { describe, expect, it } from 'vitest';
import type { CaseFacts, Decision } from '../../../server/domain/case/case.ts';
import { isDomainError } from '../../../server/domain/errors.ts';
import { evaluateRuleSets, explainTrace } from '../../../server/domain/rules/evaluate-rules.ts';
import type { EvaluationMoment } from '../../../server/domain/rules/evaluate-rules.ts';
import type { PolicyRule, RuleAction, RuleSet } from '../../../server/domain/policy/format.ts';

const AT = '2025-03-03T09:00:00+08:00';
const INTAKE: EvaluationMoment = { at: AT, on: 'intake' };
const ALWAYS: EvaluationMoment = { at: AT, on: 'always' };

function buildFacts(overrides: Partial<CaseFacts> = {}): CaseFacts {
  return {
    intake: { channel: 'phone', amount: 1500, product: { defectiveQuantity: 0 } },
    categories: {},
    remedy: null,
    state: 'registered',
    flags: [],
    receivedAt: '2025-03-03T08:30:00+08:00',
    forms: {},
    ...overrides,
  };
}

/** A rule with one condition: [fact, JSONPath or "", operator, value]. */
function rule(
  name: string,
  priority: number,
  [fact, path, operator, value]: [string, string, string, unknown],
  event: RuleAction,
): PolicyRule {
  const leaf = path ? { fact, path, operator, value } : { fact, operator, value };
  return { name, priority, conditions: { all: [leaf] }, event };
}

const severity = { dimension: 'severity', value: 'major' };
const setMajor = rule(
  'big-amount-is-major',
  10,
  ['intake', '$.amount', 'greaterThanInclusive', 1000],
  {
    type: 'setCategory',
    params: severity,
  },
);
const notifyOnMajor = rule(
  'major-notifies-manager',
  5,
  ['categories', '$.severity', 'equal', 'major'],
  {
    type: 'notify',
    params: { role: 'manager', message: { 'zh-CN': '重大客诉' } },
  },
);
const isPhone: [string, string, string, unknown] = ['intake', '$.channel', 'equal', 'phone'];
const quantity = { field: 'product.defectiveQuantity', value: 3 };
const setQuantity = rule('phone-sets-quantity', 10, isPhone, {
  type: 'setField',
  params: quantity,
});
const hasDefects: [string, string, string, unknown] = [
  'intake',
  '$.product.defectiveQuantity',
  'greaterThan',
  0,
];
const needsQa = rule('defects-need-qa', 5, hasDefects, { type: 'assign', params: { role: 'qa' } });
const flagVip = rule('phone-is-vip', 10, isPhone, { type: 'flag', params: { flag: 'vip' } });
const vipNeedsApproval = rule('vip-needs-approval', 5, ['flags', '', 'contains', 'vip'], {
  type: 'requireApproval',
  params: { role: 'director' },
});

const set = (id: string, rules: PolicyRule[], on?: RuleSet['on']): RuleSet =>
  on ? { id, on, rules } : { id, rules };

/** What a decision says, without its trace. */
const summary = (decision: Decision) => ({
  type: decision.action.type,
  params: decision.action.params,
  rule: decision.source.kind === 'rule' ? `${decision.source.ruleSet}/${decision.source.rule}` : '',
});

describe('evaluateRuleSets', () => {
  it.each([
    {
      description: 'setCategory at priority 10 is seen by a priority-5 rule on categories.severity',
      ruleSets: [set('triage', [notifyOnMajor, setMajor])],
      facts: buildFacts(),
      moment: INTAKE,
      expected: [
        { type: 'setCategory', params: setMajor.event.params, rule: 'triage/big-amount-is-major' },
        {
          type: 'notify',
          params: notifyOnMajor.event.params,
          rule: 'triage/major-notifies-manager',
        },
      ],
    },
    {
      description: 'a category set in one rule set is seen by the next rule set',
      ruleSets: [set('severity', [setMajor]), set('routing', [notifyOnMajor])],
      facts: buildFacts(),
      moment: INTAKE,
      expected: [
        {
          type: 'setCategory',
          params: setMajor.event.params,
          rule: 'severity/big-amount-is-major',
        },
        {
          type: 'notify',
          params: notifyOnMajor.event.params,
          rule: 'routing/major-notifies-manager',
        },
      ],
    },
    {
      description: 'setField on a dotted path is seen by later rules',
      ruleSets: [set('fields', [setQuantity, needsQa])],
      facts: buildFacts(),
      moment: INTAKE,
      expected: [
        { type: 'setField', params: setQuantity.event.params, rule: 'fields/phone-sets-quantity' },
        { type: 'assign', params: { role: 'qa' }, rule: 'fields/defects-need-qa' },
      ],
    },
    {
      description: 'flag is appended to flags and seen by later rules',
      ruleSets: [set('flags', [flagVip, vipNeedsApproval])],
      facts: buildFacts(),
      moment: INTAKE,
      expected: [
        { type: 'flag', params: { flag: 'vip' }, rule: 'flags/phone-is-vip' },
        { type: 'requireApproval', params: { role: 'director' }, rule: 'flags/vip-needs-approval' },
      ],
    },
    {
      description: 'intake-only rule sets (explicit or by default) are skipped after an action',
      ruleSets: [
        set('explicit', [setMajor], 'intake'),
        set('default', [flagVip]),
        set('every', [setQuantity], 'always'),
      ],
      facts: buildFacts(),
      moment: ALWAYS,
      expected: [
        { type: 'setField', params: setQuantity.event.params, rule: 'every/phone-sets-quantity' },
      ],
    },
    {
      description: 'a rule whose conditions fail makes no decision',
      ruleSets: [set('triage', [setMajor, notifyOnMajor])],
      facts: buildFacts({ intake: { amount: 999 } }),
      moment: INTAKE,
      expected: [],
    },
  ])('$description', async ({ ruleSets, facts, moment, expected }) => {
    const decisions = await evaluateRuleSets(ruleSets, facts, moment);
    expect(decisions.map(summary)).toEqual(expected);
    expect(decisions.every((decision) => decision.at === moment.at)).toBe(true);
  });

  it('does not change the facts it is given', async () => {
    const facts = buildFacts();
    const before = structuredClone(facts);
    await evaluateRuleSets([set('all', [setMajor, setQuantity, flagVip])], facts, INTAKE);
    expect(facts).toEqual(before);
  });

  it('keeps the per-condition trace of the rule that made the decision', async () => {
    const [decision] = await evaluateRuleSets([set('triage', [setMajor])], buildFacts(), INTAKE);
    expect(decision?.source).toMatchObject({
      kind: 'rule',
      ruleSet: 'triage',
      rule: 'big-amount-is-major',
      trace: {
        result: true,
        conditions: {
          all: [
            {
              fact: 'intake',
              path: '$.amount',
              operator: 'greaterThanInclusive',
              factResult: 1500,
              result: true,
            },
          ],
        },
      },
    });
    expect(explainTrace(decision?.source.kind === 'rule' ? decision.source.trace : null)).toEqual([
      'all → true',
      '  intake.amount (1500) greaterThanInclusive 1000 → true',
    ]);
  });

  it('reports a malformed rule set as policy_invalid', async () => {
    const broken = rule(
      'unknown-operator',
      1,
      ['intake', '$.amount', 'isHuge', true],
      setMajor.event,
    );
    const failure = await evaluateRuleSets([set('broken', [broken])], buildFacts(), INTAKE).catch(
      (error: unknown) => error,
    );
    expect(isDomainError(failure) && failure.code).toBe('policy_invalid');
  });
});

describe('explainTrace', () => {
  it.each([
    {
      description: 'a leaf comparing a fact with a fact, and a condition not evaluated',
      trace: {
        any: [
          {
            fact: 'score',
            operator: 'greaterThan',
            value: { fact: 'best', path: '$.score' },
            factResult: 5,
            valueResult: 3,
            result: true,
          },
          { fact: 'state', operator: 'equal', value: 'open' },
        ],
        result: true,
      },
      expected: [
        'any → true',
        '  score (5) greaterThan best.score (3) → true',
        '  state (undefined) equal "open" → not evaluated',
      ],
    },
    {
      description: 'not, and an unresolved condition reference',
      trace: { conditions: { not: { condition: 'isVip', result: false }, result: true } },
      expected: ['not → true', '  condition isVip → false'],
    },
  ])('$description', ({ trace, expected }) => {
    expect(explainTrace(trace)).toEqual(expected);
  });
});
