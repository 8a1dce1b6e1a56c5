import { describe, expect, it } from 'vitest';
import { resolvePart } from '../../../../server/domain/policy/check/check-assumptions.ts';
import { checkPolicy } from '../../../../server/domain/policy/check/check-policy.ts';
import { describeProblems } from '../../../../server/messages/check-messages.ts';
import { buildPolicy, testValidator } from '../../../support/policies.ts';

describe('a template’s assumptions', () => {
  const starter = buildPolicy();

  it.each([
    ['a top-level part', 'numbering', true],
    ['an entry of a map', 'clocks.reply', true],
    ['a list item by its id', 'workflow.transitions.approve', true],
    ['a rule by its name', 'ruleSets.triage.rules.largeClaimIsMajor', true],
    ['a clock the policy does not have', 'clocks.answer', false],
    ['a rule set that is not there', 'ruleSets.routing', false],
    ['a step past a plain value', 'numbering.pattern.text', false],
  ])('resolve %s', (_what, part, found) => {
    expect(resolvePart(starter, part) !== undefined).toBe(found);
  });

  it.each([
    ['en', 'the assumption is about "clocks.answer", which the policy does not have'],
    ['zh-CN', '假定所说的部分 "clocks.answer" 在策略中不存在'],
  ] as const)('name a part the policy has, or the check says so (%s)', (lang, message) => {
    const policy = buildPolicy(
      (p) =>
        void (p.assumptions = [
          { part: 'clocks.reply', note: { 'zh-CN': '两个工作日', en: 'two working days' } },
          { part: 'clocks.answer', note: { 'zh-CN': '答复', en: 'answer' } },
        ]),
    );
    const problems = describeProblems(checkPolicy(policy, testValidator(), lang).problems, lang);
    expect(problems).toEqual([
      expect.objectContaining({
        path: '/assumptions/1/part',
        code: 'unknown_part',
        message: expect.stringContaining(message),
      }),
    ]);
  });

  it('carry a note in both languages (the format requires en as well as zh-CN)', () => {
    // A document as a consultant might write it, which the types would not let the code build.
    const policy = {
      ...buildPolicy(),
      assumptions: [{ part: 'clocks.reply', note: { 'zh-CN': '两个工作日' } }],
    };
    expect(checkPolicy(policy, testValidator(), 'en').problems).toEqual([
      expect.objectContaining({ path: '/assumptions/0/note/en', code: 'schema_required' }),
    ]);
  });
});
