// Which values of a form's data are attachment ids: by the field's schema (format kesu-attachment),
// in lists, nested groups and if/then branches, with the types the field accepts.
import { describe, expect, it } from 'vitest';
import { createAjvValidator } from '../../../server/adapters/validation/ajv-validator.ts';
import { attachmentReferences } from '../../../server/domain/forms/index.ts';
import type { JsonSchema } from '../../../server/domain/policy/format.ts';

const FILE = { type: 'string', format: 'kesu-attachment' };
const SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    receipt: { ...FILE, 'x-accept': ['application/pdf', 'image/png'] },
    photos: { type: 'array', items: FILE },
    note: { type: 'string' },
    old: { type: 'string', format: 'data-url' },
    visit: { type: 'object', properties: { report: FILE } },
    signed: { type: 'boolean' },
  },
  if: { properties: { signed: { const: true } } },
  then: { properties: { signedForm: FILE }, required: ['signedForm'] },
};

describe('attachmentReferences', () => {
  it.each([
    ['nothing for an empty answer', {}, []],
    [
      'one file, with the types its field accepts',
      { receipt: 'a1', note: 'a1 was signed' },
      [{ property: '.receipt', id: 'a1', accept: ['application/pdf', 'image/png'] }],
    ],
    [
      'each file of a list, by its place',
      { photos: ['p1', 'p2'] },
      [
        { property: '.photos.0', id: 'p1' },
        { property: '.photos.1', id: 'p2' },
      ],
    ],
    ['a file in a group', { visit: { report: 'r1' } }, [{ property: '.visit.report', id: 'r1' }]],
    [
      'a file of an if/then branch',
      { signed: true, signedForm: 's1' },
      [{ property: '.signedForm', id: 's1' }],
    ],
    [
      'no data URL of an old file field, no text, no unknown field',
      { old: 'data:image/png;base64,AAAA', note: 'x', extra: 'y' },
      [],
    ],
    ['no value that is not a string', { receipt: 42, photos: [null] }, []],
  ])('finds %s', (_, data, expected) => {
    expect(attachmentReferences(SCHEMA, data)).toEqual(expected);
  });
});

describe('an attachment field through the ajv validator', () => {
  const validator = createAjvValidator();
  const form = {
    title: { 'zh-CN': '结案', en: 'Closing' },
    schema: { type: 'object', properties: { receipt: { ...FILE, title: '签收单' } } },
    i18n: { en: { '.receipt': 'Signed receipt' } },
  };

  it.each([
    ['an id', 'a1b2-c3', []],
    [
      'a data URL (the file itself)',
      'data:image/png;base64,AAAA',
      ['签收单须为上传到本案件的附件'],
    ],
    ['an empty text', '', ['签收单须为上传到本案件的附件']],
  ])('takes %s or words why not', (_, value, messages) => {
    const errors = validator.validateForm(form, { receipt: value }, 'zh-CN');
    expect(errors.map((error) => error.message)).toEqual(messages);
  });

  it('names only the missing file when an if/then requires it (the dairy closure form)', () => {
    const closure = {
      ...form,
      schema: {
        type: 'object',
        properties: { signed: { type: 'boolean' }, receipt: { ...FILE, title: '签收单' } },
        if: { properties: { signed: { const: true } }, required: ['signed'] },
        then: { required: ['receipt'] },
      },
    };
    expect(validator.validateForm(closure, { signed: true }, 'zh-CN')).toEqual([
      { property: '.receipt', message: '请填写签收单' },
    ]);
    expect(validator.validateForm(closure, { signed: false }, 'zh-CN')).toEqual([]);
  });

  it('words the format in English', () => {
    expect(validator.validateForm(form, { receipt: 'a b' }, 'en')).toEqual([
      { property: '.receipt', message: 'Signed receipt must be a file uploaded to this case' },
    ]);
  });

  it.each([
    ['a list of media types', ['image/png', 'application/pdf'], 0],
    ['one type not in a list', 'image/png', 1],
    ['something that is not a media type', ['PNG files'], 1],
  ])('compiles x-accept holding %s or says why not', (_, accept, problems) => {
    const schema = { type: 'object', properties: { receipt: { ...FILE, 'x-accept': accept } } };
    expect(validator.compileErrors(schema)).toHaveLength(problems);
  });
});
