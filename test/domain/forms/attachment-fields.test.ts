// Which values of a form's data are attachment ids: by the field's schema (format kesu-attachment),
// in lists, nested groups and if/then branches, with the types the field accepts.
import { describe, expect, it } from 'vitest';
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
