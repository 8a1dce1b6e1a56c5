// The policy check refuses a form's malformed own validation message, naming the form and field.
import { describe, expect, it } from 'vitest';
import { checkPolicy } from '../../../../server/domain/policy/check/check-policy.ts';
import type { Policy } from '../../../../server/domain/policy/format.ts';
import { describeProblems } from '../../../../server/messages/check-messages.ts';
import { buildPolicy, testValidator } from '../../../support/policies.ts';

const withMessages = (messages: Record<string, Record<string, unknown>>) =>
  buildPolicy((p: Policy) => void (p.forms.intake.errorMessages = messages));

const check = (policy: Policy) => checkPolicy(policy, testValidator()).problems;

describe('the forms’ own validation messages', () => {
  it('accepts the starter’s message for the phone pattern', () => {
    expect(buildPolicy().forms.intake.errorMessages?.['.phone']).toBeDefined();
    expect(check(buildPolicy())).toEqual([]);
  });

  it.each<[string, Record<string, Record<string, unknown>>, string, string, string, string]>([
    [
      'a message for a field the form does not have',
      { '.mobile': { pattern: { 'zh-CN': '手机号格式不正确' } } },
      'form_message_unknown_field',
      '/forms/intake/errorMessages/.mobile',
      '表单 intake 的错误提示写给了不存在的字段 ".mobile"',
      'form intake: an error message is written for ".mobile", which is not a field of the form',
    ],
    [
      'a field path without its leading dot',
      { phone: { pattern: { 'zh-CN': '联系电话格式不正确' } } },
      'form_message_unknown_field',
      '/forms/intake/errorMessages/phone',
      '不存在的字段 "phone" (路径以点开头',
      '"phone", which is not a field of the form (paths start with a dot',
    ],
    [
      'a message for a check the field does not have',
      { '.phone': { maxLength: { 'zh-CN': '联系电话太长' } } },
      'form_message_unknown_keyword',
      '/forms/intake/errorMessages/.phone/maxLength',
      '表单 intake 字段 ".phone" 的错误提示用于 "maxLength", 但该字段没有这项校验',
      'form intake, field ".phone": an error message for "maxLength", a check the field does not have',
    ],
    [
      'a message that is a bare string',
      { '.phone': { pattern: '联系电话格式不正确' } },
      'form_message_not_label',
      '/forms/intake/errorMessages/.phone/pattern',
      '表单 intake 字段 ".phone" 的 "pattern" 错误提示须写成 { "zh-CN": "…", "en": "…" }',
      'form intake, field ".phone": the "pattern" error message must be { "zh-CN": "…", "en": "…" }',
    ],
    [
      'a message without Chinese',
      { '.phone': { pattern: { en: 'Bad phone' } } },
      'form_message_not_label',
      '/forms/intake/errorMessages/.phone/pattern',
      '且中文不能为空',
      'with the Chinese text not empty',
    ],
  ])('refuses %s', (_what, messages, code, path, zh, en) => {
    const problems = check(withMessages(messages));
    expect(problems).toEqual([expect.objectContaining({ code, path })]);
    expect(describeProblems(problems, 'zh-CN')[0]?.message).toContain(zh);
    expect(describeProblems(problems, 'en')[0]?.message).toContain(en);
  });

  it('accepts a required message for a required field and a type message for any field', () => {
    const policy = withMessages({
      '.phone': { required: { 'zh-CN': '请留下联系电话', en: 'Leave a phone number' } },
      '.amountSought': { type: { 'zh-CN': '金额须为数字' } },
    });
    expect(check(policy)).toEqual([]);
  });
});
