/**
 * The forms section's palette: each new field type written as JSON Schema + uiSchema that the
 * runtime's validator (the real ajv adapter) accepts for good data and refuses for bad, and help text.
 */
import { describe, expect, it } from 'vitest';
import type { Policy } from '../../../studio/src/api/types.ts';
import {
  addField,
  fieldTypesFor,
  helpKey,
  listFields,
  removeField,
  setFieldHelp,
  setFieldOptions,
  setFieldType,
  type FieldType,
} from '../../../studio/src/pages/policy/form-fields.ts';
import { localizedSchema } from '../../../studio/src/components/policy-forms.ts';
import { testValidator } from '../../support/policies.ts';

type FormDefinition = Policy['forms'][string];

const empty = (): FormDefinition => ({
  title: { 'zh-CN': '表' },
  schema: { type: 'object', properties: {} },
});

const PDF = 'data:application/pdf;name=%E5%8F%91%E7%A5%A8.pdf;base64,JVBERi0xLjQK';

describe('the field palette', () => {
  it('offers attachment fields on stage forms only, and reads them back as such', () => {
    expect(fieldTypesFor('closure')).toEqual(expect.arrayContaining(['attachment', 'attachments']));
    expect(fieldTypesFor('intake')).not.toContain('attachment');
    expect(fieldTypesFor('intake')).not.toContain('attachments');
    expect(fieldTypesFor('intake')).toContain('file');
    const form = empty();
    addField(form, 'receipt', 'attachment', '签收单');
    addField(form, 'photos', 'attachments', '照片');
    expect(form.schema.properties).toEqual({
      receipt: { title: '签收单', type: 'string', format: 'kesu-attachment' },
      photos: {
        title: '照片',
        type: 'array',
        items: { type: 'string', format: 'kesu-attachment' },
        uniqueItems: true,
      },
    });
    expect(listFields(form).map((field) => field.type)).toEqual(['attachment', 'attachments']);
  });

  it.each<[FieldType, unknown, unknown]>([
    ['money', 1999.99, -1],
    ['datetime', '2026-03-02T10:00:00.000Z', '2026-03-02 10:00'],
    ['multichoice', ['option1'], ['nope']],
    ['idNumber', '11010519491231002X', '110105194912310'],
    ['file', PDF, 'invoice.pdf'],
    // An attachment field holds the id of a file of the case, never the file itself.
    ['attachment', 'b6f1c2d0-1d7e-4a53-9a55-3f0e8c1a2b3c', PDF],
    ['attachments', ['id-1', 'id-2'], [PDF]],
  ])('writes a %s field the runtime accepts %j in and refuses %j', (type, good, bad) => {
    const form = empty();
    addField(form, 'extra', type, '新字段');
    expect(listFields(form)[0]).toMatchObject({ key: 'extra', type, label: '新字段' });
    const validator = testValidator();
    expect(validator.validateForm(form, { extra: good }, 'zh-CN')).toEqual([]);
    const errors = validator.validateForm(form, { extra: bad }, 'zh-CN');
    const listed = type === 'multichoice' || type === 'attachments';
    expect(errors.map((e) => e.property)).toEqual([listed ? '.extra.0' : '.extra']);
    expect(errors[0]?.message).toContain('新字段');
  });

  it('keeps a choice’s options and names when it becomes a multi-choice, and edits them there', () => {
    const form = empty();
    addField(form, 'cause', 'choice', '原因');
    setFieldOptions(form, 'cause', [
      { value: 'quality', label: '质量' },
      { value: 'delivery', label: '交期' },
    ]);
    setFieldType(form, 'cause', 'multichoice');
    expect(form.schema.properties).toMatchObject({
      cause: { type: 'array', uniqueItems: true, items: { enum: ['quality', 'delivery'] } },
    });
    expect(form.uiSchema?.cause).toEqual({
      'ui:widget': 'checkboxes',
      items: { 'ui:enumNames': ['质量', '交期'] },
    });
    setFieldOptions(form, 'cause', [{ value: 'price', label: '价格' }]);
    expect(listFields(form)[0]?.options).toEqual([{ value: 'price', label: '价格' }]);
    setFieldType(form, 'cause', 'money');
    expect(form.uiSchema?.cause).toEqual({ 'ui:options': { currency: 'CNY' } });
    setFieldType(form, 'cause', 'number');
    expect(form.uiSchema?.cause).toBeUndefined();
  });

  it('sets help text in both languages and removes it with the field', () => {
    const form = empty();
    addField(form, 'idNo', 'idNumber', '身份证号');
    setFieldHelp(form, 'idNo', 'zh-CN', '18 位，末位可为 X');
    setFieldHelp(form, 'idNo', 'en', '18 characters; the last may be X');
    expect(listFields(form)[0]).toMatchObject({
      help: '18 位，末位可为 X',
      helpEn: '18 characters; the last may be X',
    });
    expect(form.i18n?.en?.[helpKey('idNo')]).toBe('18 characters; the last may be X');
    const english = localizedSchema(form, 'en').properties?.idNo as { description?: string };
    expect(english.description).toBe('18 characters; the last may be X');
    setFieldHelp(form, 'idNo', 'zh-CN', '');
    expect(listFields(form)[0]?.help).toBe('');
    removeField(form, 'idNo');
    expect(form.i18n?.en).toEqual({});
  });
});
