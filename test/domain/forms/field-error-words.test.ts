// Every keyword's default words name the field by its label, in both languages, through the real ajv validator.
import { describe, expect, it } from 'vitest';
import { createAjvValidator } from '../../../server/adapters/validation/ajv-validator.ts';
import type { FormDefinition } from '../../../server/domain/policy/format.ts';

const form: FormDefinition = {
  title: { 'zh-CN': '登记表', en: 'Registration' },
  schema: {
    type: 'object',
    required: ['name'],
    properties: {
      name: { type: 'string', title: '姓名', minLength: 1, maxLength: 4 },
      code: { type: 'string', title: '编号', pattern: '^[A-Z]+$', minLength: 3 },
      amount: { type: 'number', title: '金额', minimum: 0, maximum: 100 },
      email: { type: 'string', title: '邮箱', format: 'email' },
      day: { type: 'string', title: '日期', format: 'date' },
      kind: { type: 'string', title: '方式', enum: ['refund', 'apology'] },
      contact: {
        type: 'object',
        title: '联系人',
        properties: { phone: { type: 'string', title: '电话', pattern: '^[0-9]+$' } },
      },
    },
  },
  i18n: {
    en: {
      '.name': 'Name',
      '.code': 'Code',
      '.amount': 'Amount',
      '.email': 'E-mail',
      '.day': 'Date',
      '.kind': 'Kind',
      '.contact.phone': 'Phone',
    },
  },
};

const validator = createAjvValidator();

describe('the default words of each keyword', () => {
  it.each([
    ['required', {}, '.name', '请填写姓名', 'Name is required'],
    ['minLength 1 (an empty text)', { name: '' }, '.name', '请填写姓名', 'Name is required'],
    [
      'minLength',
      { name: 'A', code: 'AB' },
      '.code',
      '编号至少 3 个字',
      'Code must be at least 3 characters long',
    ],
    [
      'maxLength',
      { name: '欧阳小明先生' },
      '.name',
      '姓名最多 4 个字',
      'Name must be at most 4 characters long',
    ],
    [
      'pattern',
      { name: 'A', code: 'abc' },
      '.code',
      '编号格式不正确',
      'Code is not in the right format',
    ],
    [
      'minimum',
      { name: 'A', amount: -1 },
      '.amount',
      '金额不能小于 0',
      'Amount must be at least 0',
    ],
    [
      'maximum',
      { name: 'A', amount: 101 },
      '.amount',
      '金额不能大于 100',
      'Amount must be at most 100',
    ],
    [
      'format email',
      { name: 'A', email: 'x' },
      '.email',
      '邮箱不是有效的电子邮箱地址',
      'E-mail is not a valid e-mail address',
    ],
    [
      'format date',
      { name: 'A', day: '2026-13-40' },
      '.day',
      '日期不是有效的日期 (年-月-日)',
      'Date is not a valid date (year-month-day)',
    ],
    [
      'enum',
      { name: 'A', kind: 'cash' },
      '.kind',
      '方式须从给出的选项中选择',
      'Kind must be one of the options given',
    ],
    ['type', { name: 'A', amount: '十' }, '.amount', '金额须为数字', 'Amount must be a number'],
    [
      'pattern, nested',
      { name: 'A', contact: { phone: 'x' } },
      '.contact.phone',
      '电话格式不正确',
      'Phone is not in the right format',
    ],
  ])('words %s', (_keyword, data, property, zh, en) => {
    expect(validator.validateForm(form, data, 'zh-CN')).toContainEqual({ property, message: zh });
    expect(validator.validateForm(form, data, 'en')).toContainEqual({ property, message: en });
  });

  it('prefers the form’s own message, and falls back to the default where it has no English', () => {
    const own: FormDefinition = {
      ...form,
      errorMessages: { '.code': { pattern: { 'zh-CN': '编号须为大写字母' } } },
    };
    const data = { name: 'A', code: 'abc' };
    expect(validator.validateForm(own, data, 'zh-CN')).toEqual([
      { property: '.code', message: '编号须为大写字母' },
    ]);
    expect(validator.validateForm(own, data, 'en')).toEqual([
      { property: '.code', message: 'Code is not in the right format' },
    ]);
  });
});
