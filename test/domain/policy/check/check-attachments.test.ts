// Attachment limits: types Kesu can recognise from content, limits within the platform's ceilings.
import { describe, expect, it } from 'vitest';
import { supportedMimeTypes } from 'file-type';
import { checkPolicy } from '../../../../server/domain/policy/check/check-policy.ts';
import {
  ATTACHMENT_TYPES,
  attachmentLimits,
  DEFAULT_ATTACHMENT_LIMITS,
  type AttachmentLimitsInput,
} from '../../../../server/domain/policy/format.ts';
import { describeProblems } from '../../../../server/messages/check-messages.ts';
import { buildPolicy, testValidator } from '../../../support/policies.ts';

const check = (attachments: unknown) =>
  checkPolicy(
    buildPolicy((p) => void (p.attachments = attachments as AttachmentLimitsInput)),
    testValidator(),
  ).problems;

describe('checkPolicy on attachment limits', () => {
  it('accepts limits within the ceilings, and none at all', () => {
    expect(
      check({ maxBytes: 5_000_000, types: ['image/jpeg', 'text/plain'], maxPerCase: 3 }),
    ).toEqual([]);
    expect(check(undefined)).toEqual([]);
  });

  it.each([
    [
      'a type no content shows',
      { types: ['image/jpeg', 'application/x-msdownload'] },
      { path: '/attachments/types/1', code: 'attachment_type_unknown' },
    ],
    [
      'a size above 50 MiB',
      { maxBytes: 60 * 1024 * 1024 },
      { path: '/attachments/maxBytes', code: 'attachment_limit_too_high' },
    ],
    [
      'more than 200 files a case',
      { maxPerCase: 201 },
      { path: '/attachments/maxPerCase', code: 'attachment_limit_too_high' },
    ],
  ])('refuses %s, worded in both languages', (_what, attachments, expected) => {
    const problems = check(attachments);
    expect(problems).toMatchObject([expected]);
    for (const lang of ['zh-CN', 'en'] as const)
      expect(describeProblems(problems, lang)[0]?.message).toMatch(/\w/);
  });

  it.each([
    ['a size of 0', { maxBytes: 0 }],
    ['a type that is not a media type', { types: ['jpeg'] }],
    ['an unknown field', { maxSize: 1 }],
  ])('refuses by shape %s', (_what, attachments) => {
    expect(check(attachments).length).toBeGreaterThan(0);
  });

  it('knows only types file-type recognises, and text/plain', () => {
    for (const type of ATTACHMENT_TYPES)
      if (type !== 'text/plain') expect(supportedMimeTypes.has(type as never), type).toBe(true);
  });

  it('fills in defaults: 10 MiB, photos and PDF, 20 a case', () => {
    expect(attachmentLimits(undefined)).toEqual(DEFAULT_ATTACHMENT_LIMITS);
    expect(attachmentLimits({ maxPerCase: 1 })).toEqual({
      ...DEFAULT_ATTACHMENT_LIMITS,
      maxPerCase: 1,
    });
  });
});

describe('checkPolicy on attachment fields (附件)', () => {
  const FILE = { type: 'string', format: 'kesu-attachment' };
  const withField = (form: string, field: Record<string, unknown>, types?: string[]) =>
    checkPolicy(
      buildPolicy((p) => {
        const schema = p.forms[form]!.schema as { properties: Record<string, unknown> };
        schema.properties.receipt = field;
        if (types) p.attachments = { types };
      }),
      testValidator(),
    ).problems;

  it('accepts one on a stage form, with types the policy allows', () => {
    expect(withField('reply', { ...FILE, 'x-accept': ['application/pdf'] })).toEqual([]);
    expect(withField('reply', { type: 'array', items: FILE })).toEqual([]);
  });

  it.each([
    [
      'one on the intake form (no case holds the file yet)',
      withField.bind(null, 'intake', FILE),
      {
        path: '/forms/intake/schema/properties/receipt',
        code: 'form_attachment_on_intake',
        params: { field: '.receipt' },
      },
    ],
    [
      'a type the policy does not allow',
      withField.bind(null, 'reply', { ...FILE, 'x-accept': ['image/png', 'text/plain'] }),
      {
        path: '/forms/reply/schema/properties/receipt/x-accept/1',
        code: 'form_attachment_type_not_allowed',
        params: { form: 'reply', field: '.receipt', type: 'text/plain' },
      },
    ],
    [
      'a type the policy’s own list leaves out, in a list of files',
      withField.bind(
        null,
        'reply',
        { type: 'array', items: { ...FILE, 'x-accept': ['application/pdf'] } },
        ['image/png'],
      ),
      {
        path: '/forms/reply/schema/properties/receipt/items/x-accept/0',
        code: 'form_attachment_type_not_allowed',
        params: { field: '.receipt', type: 'application/pdf', allowed: 'image/png' },
      },
    ],
  ])('refuses %s, worded in both languages', (_what, problemsOf, expected) => {
    const problems = problemsOf();
    expect(problems).toMatchObject([expected]);
    for (const lang of ['zh-CN', 'en'] as const)
      expect(describeProblems(problems, lang)[0]?.message).toContain('.receipt');
  });
});
