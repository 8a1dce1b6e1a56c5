import { describe, expect, it } from 'vitest';
import type { Policy } from '../../../studio/src/api/types.ts';
import { conditionText } from '../../../studio/src/pages/policy/condition-text.ts';
import {
  addField,
  listFields,
  moveField,
  PHONE_PATTERN,
  removeField,
  setFieldHidden,
  setFieldLabel,
  setFieldOptions,
  setFieldRequired,
  setFieldType,
  type FieldType,
} from '../../../studio/src/pages/policy/form-fields.ts';
import { edgesOf, layoutStates } from '../../../studio/src/pages/policy/workflow-layout.ts';

type FormDefinition = Policy['forms'][string];

const form = (): FormDefinition => ({
  title: { 'zh-CN': '表' },
  schema: {
    type: 'object',
    properties: {
      name: { title: '姓名', type: 'string' },
      note: { title: '备注', type: 'string' },
    },
    required: ['name'],
  },
  uiSchema: { note: { 'ui:widget': 'textarea' } },
});

describe('the forms section’s field model', () => {
  it.each<[string, FieldType, Record<string, unknown>, Record<string, unknown> | undefined]>([
    ['text', 'text', { title: '新', type: 'string' }, undefined],
    ['long text', 'textarea', { title: '新', type: 'string' }, { 'ui:widget': 'textarea' }],
    ['number', 'number', { title: '新', type: 'number' }, undefined],
    ['date', 'date', { title: '新', type: 'string', format: 'date' }, undefined],
    ['yes/no', 'boolean', { title: '新', type: 'boolean' }, undefined],
    ['phone', 'phone', { title: '新', type: 'string', pattern: PHONE_PATTERN }, undefined],
    ['e-mail', 'email', { title: '新', type: 'string', format: 'email' }, undefined],
    [
      'choice',
      'choice',
      { title: '新', type: 'string', enum: ['option1'] },
      { 'ui:enumNames': ['option1'] },
    ],
  ])('adds a %s field as JSON Schema + uiSchema and reads it back', (_name, type, schema, ui) => {
    const f = form();
    addField(f, 'extra', type, '新');
    expect(f.schema.properties).toMatchObject({ extra: schema });
    expect(f.uiSchema?.extra).toEqual(ui);
    expect(listFields(f).at(-1)).toMatchObject({ key: 'extra', type, label: '新' });
  });

  it('reorders, requires, hides, relabels and removes', () => {
    const f = form();
    moveField(f, 'note', -1);
    expect(f.uiSchema?.['ui:order']).toEqual(['note', 'name']);
    setFieldRequired(f, 'note', true);
    setFieldRequired(f, 'name', false);
    expect(f.schema.required).toEqual(['note']);
    setFieldHidden(f, 'name', true);
    expect(listFields(f).find((x) => x.key === 'name')).toMatchObject({ hidden: true });
    setFieldLabel(f, 'name', 'en', 'Name');
    setFieldLabel(f, 'name', 'zh-CN', '客户姓名');
    expect(listFields(f).find((x) => x.key === 'name')).toMatchObject({
      label: '客户姓名',
      labelEn: 'Name',
    });
    removeField(f, 'name');
    expect(Object.keys(f.schema.properties as object)).toEqual(['note']);
    expect(f.uiSchema?.['ui:order']).toEqual(['note']);
    expect(f.i18n?.en).toEqual({});
  });

  it('keeps a long text field long while it is hidden and after it is shown again', () => {
    const f = form();
    setFieldHidden(f, 'note', true);
    expect(f.uiSchema?.note).toEqual({
      'ui:widget': 'hidden',
      'ui:options': { shownWidget: 'textarea' },
    });
    expect(listFields(f).find((x) => x.key === 'note')).toMatchObject({
      type: 'textarea',
      hidden: true,
    });
    setFieldHidden(f, 'note', false);
    expect(f.uiSchema?.note).toEqual({ 'ui:widget': 'textarea' });
    setFieldHidden(f, 'name', true);
    setFieldType(f, 'name', 'textarea');
    setFieldHidden(f, 'name', false);
    expect(f.uiSchema?.name).toEqual({ 'ui:widget': 'textarea' });
  });

  it('turns a field into a choice and edits its options', () => {
    const f = form();
    setFieldType(f, 'note', 'choice');
    setFieldOptions(f, 'note', [
      { value: 'a', label: '甲' },
      { value: 'b', label: '' },
    ]);
    expect(f.schema.properties).toMatchObject({ note: { type: 'string', enum: ['a', 'b'] } });
    expect(f.uiSchema?.note).toEqual({ 'ui:enumNames': ['甲', 'b'] });
  });
});

describe('the workflow diagram’s layout', () => {
  const workflow: Policy['workflow'] = {
    initial: 'a',
    states: {
      a: { label: { 'zh-CN': 'A' } },
      b: { label: { 'zh-CN': 'B' } },
      c: { label: { 'zh-CN': 'C' }, terminal: 'closed' },
      orphan: { label: { 'zh-CN': 'O' } },
    },
    transitions: [
      { id: 'go', label: { 'zh-CN': '去' }, from: ['a'], to: 'b', roles: [] },
      { id: 'end', label: { 'zh-CN': '结' }, from: ['a', 'b'], to: 'c', roles: [] },
      { id: 'note', label: { 'zh-CN': '记' }, from: ['b'], roles: [] },
    ],
  };

  it('puts states in columns by distance from the initial one, unreachable ones last', () => {
    const { nodes } = layoutStates(workflow);
    const column = Object.fromEntries(nodes.map((n) => [n.id, n.column]));
    expect(column).toEqual({ a: 0, b: 1, c: 1, orphan: 2 });
  });

  it('draws one arrow per pair of states, a loop for a transition that stays', () => {
    const edges = edgesOf(workflow, (t) => t.label['zh-CN']);
    expect(edges.map((e) => [e.from, e.to, e.label, e.self])).toEqual([
      ['a', 'b', '去', false],
      ['a', 'c', '结', false],
      ['b', 'c', '结', false],
      ['b', 'b', '记', true],
    ]);
  });

  it('reads a guard as one line', () => {
    const guard = {
      all: [
        { fact: 'categories', path: '$.validity', operator: 'equal', value: 'valid' },
        { not: { fact: 'remedy', path: '$.amount', operator: 'greaterThan', value: 1000 } },
      ],
    };
    expect(conditionText(guard, { and: '且', or: '或', not: '非' })).toBe(
      'categories.validity = "valid" 且 非(remedy.amount > 1000)',
    );
  });
});
