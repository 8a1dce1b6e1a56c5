// Assessment rules: count rules keep their range, measure rules their thresholds, each named by code.
import { describe, expect, it } from 'vitest';
import { checkPolicy } from '../../../../server/domain/policy/check/check-policy.ts';
import type { AssessmentRule } from '../../../../server/domain/policy/format.ts';
import { describeProblems } from '../../../../server/messages/check-messages.ts';
import { buildPolicy, testValidator } from '../../../support/policies.ts';

const base = {
  id: 'rule',
  label: { 'zh-CN': '考核' },
  period: 'month',
  consequence: { 'zh-CN': '扣分', en: 'Points off' },
} as const;

const check = (...rules: Partial<AssessmentRule>[]) =>
  checkPolicy(
    buildPolicy(
      (p) => void (p.assessment = rules.map((r) => ({ ...base, ...r }) as AssessmentRule)),
    ),
    testValidator(),
  ).problems;

describe('checkPolicy on assessment rules', () => {
  it('accepts a count rule and measure rules of every kind', () => {
    expect(
      check(
        { id: 'count', minCount: 2, maxCount: 3, penaltyAmount: 100 },
        { id: 'slow', measure: 'averageHandlingHours', above: 17, deductPoints: 5 },
        {
          id: 'late',
          measure: 'lateCases',
          clock: 'reply',
          per: 'department',
          above: 5,
          deductPoints: 'all',
        },
        { id: 'rate', measure: 'timelyRate', per: 'company', atLeast: 0.5, below: 0.95 },
      ),
    ).toEqual([]);
  });

  it.each<[string, Partial<AssessmentRule>, string, string]>([
    ['a count rule without minCount', {}, 'assessment_count_missing', '/assessment/0/minCount'],
    [
      'a count rule with a threshold',
      { minCount: 1, above: 3 },
      'assessment_field_not_allowed',
      '/assessment/0/above',
    ],
    [
      'a count rule whose maxCount is below its minCount',
      { minCount: 3, maxCount: 2 },
      'assessment_range_empty',
      '/assessment/0/maxCount',
    ],
    [
      'a measure rule without a threshold',
      { measure: 'averageHandlingHours' },
      'assessment_threshold_missing',
      '/assessment/0/measure',
    ],
    [
      'a measure rule with minCount',
      { measure: 'lateCases', above: 5, minCount: 1 },
      'assessment_field_not_allowed',
      '/assessment/0/minCount',
    ],
    [
      'a clock on a measure that reads no clock',
      { measure: 'closureRate', below: 0.9, clock: 'reply' },
      'assessment_field_not_allowed',
      '/assessment/0/clock',
    ],
    [
      'an unknown clock',
      { measure: 'lateCases', above: 5, clock: 'resolve' },
      'unknown_clock',
      '/assessment/0/clock',
    ],
    [
      'above and atLeast together',
      { measure: 'complaints', above: 5, atLeast: 6 },
      'assessment_threshold_twice',
      '/assessment/0/atLeast',
    ],
    [
      'thresholds no value meets',
      { measure: 'averageHandlingHours', above: 20, below: 10 },
      'assessment_range_empty',
      '/assessment/0/below',
    ],
    [
      'a rate written as a percentage',
      { measure: 'timelyRate', below: 95 },
      'assessment_rate_range',
      '/assessment/0/below',
    ],
  ])('reports %s', (_description, rule, code, path) => {
    expect(check(rule)).toContainEqual(expect.objectContaining({ code, path }));
  });

  it('reports a duplicate rule id', () => {
    expect(check({ minCount: 1 }, { minCount: 2 })).toContainEqual(
      expect.objectContaining({ code: 'duplicate_id', path: '/assessment/1/id' }),
    );
  });

  it('words the problems in both languages, naming the rule', () => {
    const problems = check({ id: 'slow', measure: 'timelyRate', below: 95 });
    expect(describeProblems(problems, 'en')[0]?.message).toBe(
      'assessment rule slow: below is 95, but a rate is between 0 and 1 (0.95 for 95%)',
    );
    expect(describeProblems(problems, 'zh-CN')[0]?.message).toBe(
      '考核规则 slow 的 below 为 95: 比率取 0 到 1 之间的值 (如 0.95 表示 95%)',
    );
  });
});
