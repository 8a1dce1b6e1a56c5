/**
 * The forms section's field model: a form's top-level fields read from and written to its JSON
 * Schema + uiSchema (types, labels in both languages, order, required, hidden, choice options).
 */
import type { Policy } from '../../api/types.ts';

type FormDefinition = Policy['forms'][string];
type Json = Record<string, unknown>;

export const FIELD_TYPES = [
  'text',
  'textarea',
  'number',
  'date',
  'choice',
  'boolean',
  'phone',
  'email',
] as const;

/** The kinds of field the list edits; nested objects and the rest are edited as JSON. */
export type FieldType = (typeof FIELD_TYPES)[number] | 'object' | 'other';

export const PHONE_PATTERN = '^[0-9+() -]{7,20}$';

export type ChoiceOption = { value: string; label: string };

export type FieldView = {
  key: string;
  label: string;
  labelEn: string;
  type: FieldType;
  required: boolean;
  hidden: boolean;
  options: ChoiceOption[];
};

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function properties(form: FormDefinition): Json {
  if (!isRecord(form.schema.properties)) form.schema.properties = {};
  return form.schema.properties as Json;
}

function uiOf(form: FormDefinition, key?: string): Json {
  if (!isRecord(form.uiSchema)) form.uiSchema = {};
  const ui = form.uiSchema;
  if (key === undefined) return ui;
  if (!isRecord(ui[key])) ui[key] = {};
  return ui[key] as Json;
}

/** Where a hidden field keeps the widget it shows with (e.g. textarea) for when it is shown again. */
const SHOWN_WIDGET = 'shownWidget';

function shownWidget(ui: Json): unknown {
  const options = isRecord(ui['ui:options']) ? ui['ui:options'] : {};
  return ui['ui:widget'] === 'hidden' ? options[SHOWN_WIDGET] : ui['ui:widget'];
}

/** Sets the widget a field shows with, keeping it hidden if it is. */
function setShownWidget(ui: Json, widget: string | undefined) {
  if (ui['ui:widget'] !== 'hidden') {
    if (widget) ui['ui:widget'] = widget;
    else delete ui['ui:widget'];
    return;
  }
  const options = { ...(isRecord(ui['ui:options']) ? ui['ui:options'] : {}) };
  if (widget) options[SHOWN_WIDGET] = widget;
  else delete options[SHOWN_WIDGET];
  if (Object.keys(options).length) ui['ui:options'] = options;
  else delete ui['ui:options'];
}

/** The type a property reads as in the field list. */
export function fieldTypeOf(schema: unknown, ui: unknown): FieldType {
  if (!isRecord(schema)) return 'other';
  const widget = isRecord(ui) ? shownWidget(ui) : undefined;
  if (schema.type === 'object') return 'object';
  if (schema.type === 'boolean') return 'boolean';
  if (schema.type === 'number' || schema.type === 'integer') return 'number';
  if (schema.type !== 'string') return 'other';
  if (Array.isArray(schema.enum)) return 'choice';
  if (schema.format === 'date') return 'date';
  if (schema.format === 'email') return 'email';
  if (schema.pattern === PHONE_PATTERN) return 'phone';
  return widget === 'textarea' ? 'textarea' : 'text';
}

/** The fields in display order (uiSchema ui:order first, then the rest). */
export function fieldKeys(form: FormDefinition): string[] {
  const keys = Object.keys(isRecord(form.schema.properties) ? form.schema.properties : {});
  const order = form.uiSchema?.['ui:order'];
  if (!Array.isArray(order)) return keys;
  const listed = order.filter((key): key is string => keys.includes(key as string));
  return [...listed, ...keys.filter((key) => !listed.includes(key))];
}

/** Every top-level field of the form as the list shows it. */
export function listFields(form: FormDefinition): FieldView[] {
  const props = isRecord(form.schema.properties) ? form.schema.properties : {};
  const required = Array.isArray(form.schema.required) ? form.schema.required : [];
  return fieldKeys(form).map((key) => {
    const schema = isRecord(props[key]) ? props[key] : {};
    const ui = isRecord(form.uiSchema?.[key]) ? (form.uiSchema[key] as Json) : {};
    const values = Array.isArray(schema.enum) ? schema.enum.map(String) : [];
    const names = Array.isArray(ui['ui:enumNames']) ? ui['ui:enumNames'].map(String) : [];
    return {
      key,
      label: typeof schema.title === 'string' ? schema.title : '',
      labelEn: form.i18n?.en?.[`.${key}`] ?? '',
      type: fieldTypeOf(schema, ui),
      required: required.includes(key),
      hidden: ui['ui:widget'] === 'hidden',
      options: values.map((value, i) => ({ value, label: names[i] ?? '' })),
    };
  });
}

/** A valid new field key: letters, digits and underscores, starting with a letter, unused. */
export function isNewFieldKey(form: FormDefinition, key: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_]*$/.test(key) && !(key in properties(form));
}

function writeType(form: FormDefinition, key: string, type: FieldType) {
  const props = properties(form);
  const old = isRecord(props[key]) ? props[key] : {};
  const next: Json = { ...(old.title !== undefined ? { title: old.title } : {}) };
  if (old.description !== undefined) next.description = old.description;
  const ui = uiOf(form, key);
  setShownWidget(ui, undefined);
  delete ui['ui:enumNames'];
  switch (type) {
    case 'text':
    case 'textarea':
      next.type = 'string';
      if (type === 'textarea') setShownWidget(ui, 'textarea');
      break;
    case 'number':
      next.type = 'number';
      break;
    case 'date':
      Object.assign(next, { type: 'string', format: 'date' });
      break;
    case 'email':
      Object.assign(next, { type: 'string', format: 'email' });
      break;
    case 'phone':
      Object.assign(next, { type: 'string', pattern: PHONE_PATTERN });
      break;
    case 'boolean':
      next.type = 'boolean';
      break;
    case 'choice':
      next.type = 'string';
      next.enum = Array.isArray(old.enum) && old.enum.length ? old.enum : ['option1'];
      ui['ui:enumNames'] = (next.enum as unknown[]).map((v) => String(v));
      break;
    default:
      return;
  }
  props[key] = next;
  if (Object.keys(ui).length === 0) delete uiOf(form)[key];
}

/** Adds a field at the end of the form. */
export function addField(form: FormDefinition, key: string, type: FieldType, label: string) {
  const order = fieldKeys(form);
  properties(form)[key] = { title: label };
  writeType(form, key, type);
  if (Array.isArray(form.uiSchema?.['ui:order'])) uiOf(form)['ui:order'] = [...order, key];
}

/** Removes a field with its uiSchema, translation and required entry. */
export function removeField(form: FormDefinition, key: string) {
  delete properties(form)[key];
  const ui = uiOf(form);
  delete ui[key];
  if (Array.isArray(ui['ui:order']))
    ui['ui:order'] = (ui['ui:order'] as string[]).filter((k) => k !== key);
  if (Array.isArray(form.schema.required))
    form.schema.required = (form.schema.required as string[]).filter((k) => k !== key);
  if (form.i18n?.en) delete form.i18n.en[`.${key}`];
}

/** Changes a field's type, keeping its label. */
export function setFieldType(form: FormDefinition, key: string, type: FieldType) {
  writeType(form, key, type);
}

/** Sets the Chinese label (the schema title) or the English one (the form's i18n). */
export function setFieldLabel(
  form: FormDefinition,
  key: string,
  lang: 'zh-CN' | 'en',
  label: string,
) {
  if (lang === 'zh-CN') {
    (properties(form)[key] as Json).title = label;
    return;
  }
  const en = { ...(form.i18n?.en ?? {}) };
  if (label) en[`.${key}`] = label;
  else delete en[`.${key}`];
  form.i18n = { ...(form.i18n ?? {}), en };
}

/** Moves a field one place up (-1) or down (+1) in ui:order. */
export function moveField(form: FormDefinition, key: string, by: -1 | 1) {
  const order = fieldKeys(form);
  const from = order.indexOf(key);
  const to = from + by;
  if (from < 0 || to < 0 || to >= order.length) return;
  [order[from], order[to]] = [order[to]!, order[from]!];
  uiOf(form)['ui:order'] = order;
}

export function setFieldRequired(form: FormDefinition, key: string, required: boolean) {
  const list = Array.isArray(form.schema.required) ? (form.schema.required as string[]) : [];
  const next = list.filter((k) => k !== key);
  if (required) next.push(key);
  if (next.length) form.schema.required = next;
  else delete form.schema.required;
}

/** Hides a field (ui:widget hidden) or shows it again with its type's widget. */
export function setFieldHidden(form: FormDefinition, key: string, hidden: boolean) {
  const ui = uiOf(form, key);
  const widget = shownWidget(ui);
  if (ui['ui:widget'] === 'hidden') setShownWidget(ui, undefined);
  if (hidden) ui['ui:widget'] = 'hidden';
  else delete ui['ui:widget'];
  setShownWidget(ui, typeof widget === 'string' && widget !== 'hidden' ? widget : undefined);
  if (Object.keys(ui).length === 0) delete uiOf(form)[key];
}

/** Replaces a choice field's options (values and their Chinese names). */
export function setFieldOptions(form: FormDefinition, key: string, options: ChoiceOption[]) {
  (properties(form)[key] as Json).enum = options.map((o) => o.value);
  uiOf(form, key)['ui:enumNames'] = options.map((o) => o.label || o.value);
}
