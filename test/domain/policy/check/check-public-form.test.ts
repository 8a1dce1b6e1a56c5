// The public form's section: the fields it shows and sets must be intake fields, and no required
// field may be left neither shown nor set.
import { describe, expect, it } from 'vitest';
import { checkPolicy } from '../../../../server/domain/policy/check/check-policy.ts';
import type { PublicForm } from '../../../../server/domain/policy/format.ts';
import { describeProblems } from '../../../../server/messages/check-messages.ts';
import { buildPolicy, testValidator } from '../../../support/policies.ts';

const check = (publicForm: PublicForm) =>
  checkPolicy(
    buildPolicy((p) => void (p.publicForm = publicForm)),
    testValidator(),
  ).problems;

describe('checkPolicy on the public form', () => {
  it('accepts the starter template’s form, all fields, and a subset with the rest optional', () => {
    expect(check(buildPolicy().publicForm!)).toEqual([]);
    expect(check({ enabled: true })).toEqual([]);
    expect(check({ enabled: true, fields: ['customerName', 'phone', 'description'] })).toEqual([]);
  });

  it.each([
    [
      'a shown field the intake form lacks',
      { enabled: true, fields: ['customerName', 'phone', 'description', 'channel'] },
      [{ path: '/publicForm/fields/3', code: 'unknown_field', params: { field: 'channel' } }],
    ],
    [
      'a set field the intake form lacks',
      { enabled: true, set: { channel: 'web' } },
      [{ path: '/publicForm/set/channel', code: 'unknown_field', params: { field: 'channel' } }],
    ],
    [
      'required fields neither shown nor set',
      { enabled: false, fields: ['phone'] },
      [
        {
          path: '/publicForm/fields',
          code: 'public_form_field_hidden',
          params: { field: 'customerName' },
        },
        {
          path: '/publicForm/fields',
          code: 'public_form_field_hidden',
          params: { field: 'description' },
        },
      ],
    ],
  ])('reports %s, worded in both languages', (_what, form, expected) => {
    const problems = check(form as PublicForm);
    expect(problems).toMatchObject(expected);
    for (const lang of ['zh-CN', 'en'] as const)
      expect(describeProblems(problems, lang)[0]?.message).toMatch(/\w/);
  });

  it('refuses a policy whose section has the wrong shape', () => {
    const problems = check({ enabled: 'yes', fields: 'phone' } as unknown as PublicForm);
    expect(problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['/publicForm/enabled', '/publicForm/fields']),
    );
  });
});
