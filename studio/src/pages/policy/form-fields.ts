/**
 * The forms section's field model: a form's top-level fields read from and written to its JSON
 * Schema + uiSchema (types, labels in both languages, order, required, hidden, choice options).
 */
import type { Policy } from '../../api/types.ts';
import { ATTACHMENT_FORMAT } from '@domain/forms';

type FormDefinition = Policy['forms'][string];
type Json = Record<string, unknown>;

/** The palette of field types, in the order the type pickers offer them. */
export const FIELD_TYPES = [
  'text',
  'textarea',
  'number',
  'money',
  'date',
  'datetime',
  'choice',
  'multichoice',
  'boolean',
  'phone',
  'email',
  'idNumber',
  'file',
  'attachment',
  'attachments',
] as const;

/** The types a stage form offers; an intake has no case to hold attachments yet. */
export function fieldTypesFor(formId: string): readonly (typeof FIELD_TYPES)[number][] {
  return formId === 'intake'
    ? FIELD_TYPES.filter((type) => type !== 'attachment' && type !== 'attachments')
    : FIELD_TYPES;
}

/** The kinds of field the list edits; nested objects and the rest are edited as JSON. */
export type FieldType = (typeof FIELD_TYPES)[number] | 'object' | 'other';

export const PHONE_PATTERN = '^[0-9+() -]{7,20}$';
/**
 * A China resident ID number (居民身份证号码): 18 characters, region, birth date, sequence and a
 * check character (digit or X). The pattern checks the shape and the date's ranges, not the checksum.
 */
export const ID_NUMBER_PATTERN =
  '^[1-9][0-9]{5}(18|19|20)[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx]$';
/** Where a money field keeps its currency (uiSchema ui:options), which tells it from a number. */
const CURRENCY = 'currency';

export type ChoiceOption = { value: string; label: string };

export type FieldView = {
  key: string;
  label: string;
  labelEn: string;
  type: FieldType;
  required: boolean;
  hidden: boolean;
  options: ChoiceOption[];
  /** Help text under the field: Chinese (the schema's description) and English. */
  help: string;
  helpEn: string;
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

function uiOptions(ui: Json): Json {
  return isRecord(ui['ui:options']) ? ui['ui:options'] : {};
}

/** Sets (or, with undefined, removes) one of a field's ui:options. */
function setUiOption(ui: Json, key: string, value: unknown) {
  const options = { ...uiOptions(ui) };
  if (value === undefined) delete options[key];
  else options[key] = value;
  if (Object.keys(options).length) ui['ui:options'] = options;
  else delete ui['ui:options'];
}

/** The English help text's key in the form's i18n (beside the label's `.key`). */
export const helpKey = (key: string) => `.${key}#description`;

/** The type a property reads as in the field list. */
export function fieldTypeOf(schema: unknown, ui: unknown): FieldType {
  if (!isRecord(schema)) return 'other';
  const widget = isRecord(ui) ? shownWidget(ui) : undefined;
  if (schema.type === 'object') return 'object';
  if (schema.type === 'boolean') return 'boolean';
  if (schema.type === 'array') {
    if (isRecord(schema.items) && schema.items.format === ATTACHMENT_FORMAT) return 'attachments';
    return isRecord(schema.items) && Array.isArray(schema.items.enum) ? 'multichoice' : 'other';
  }
  if (schema.type === 'number' || schema.type === 'integer')
    return isRecord(ui) && uiOptions(ui)[CURRENCY] ? 'money' : 'number';
  if (schema.type !== 'string') return 'other';
  if (Array.isArray(schema.enum)) return 'choice';
  const formats: Record<string, FieldType> = {
    date: 'date',
    'date-time': 'datetime',
    email: 'email',
    'data-url': 'file',
    [ATTACHMENT_FORMAT]: 'attachment',
  };
  if (typeof schema.format === 'string' && formats[schema.format]) return formats[schema.format]!;
  if (schema.pattern === PHONE_PATTERN) return 'phone';
  if (schema.pattern === ID_NUMBER_PATTERN) return 'idNumber';
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
    const { values, names } = choicesOf(schema, ui);
    return {
      key,
      label: typeof schema.title === 'string' ? schema.title : '',
      labelEn: form.i18n?.en?.[`.${key}`] ?? '',
      type: fieldTypeOf(schema, ui),
      required: required.includes(key),
      hidden: ui['ui:widget'] === 'hidden',
      options: values.map((value, i) => ({ value, label: names[i] ?? '' })),
      help: typeof schema.description === 'string' ? schema.description : '',
      helpEn: form.i18n?.en?.[helpKey(key)] ?? '',
    };
  });
}

/** A choice's values and names; a multi-choice keeps them on its items. */
function choicesOf(schema: Json, ui: Json): { values: string[]; names: string[] } {
  const multi = schema.type === 'array';
  const node = multi && isRecord(schema.items) ? schema.items : schema;
  const uiNode = multi && isRecord(ui.items) ? ui.items : ui;
  return {
    values: Array.isArray(node.enum) ? node.enum.map(String) : [],
    names: Array.isArray(uiNode['ui:enumNames']) ? uiNode['ui:enumNames'].map(String) : [],
  };
}

/** A valid new field key: letters, digits and underscores, starting with a letter, unused. */
export function isNewFieldKey(form: FormDefinition, key: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_]*$/.test(key) && !(key in properties(form));
}

/** The JSON Schema of each type of the palette (a choice's options are kept by writeType). */
const TYPE_SCHEMAS: Record<(typeof FIELD_TYPES)[number], Json> = {
  text: { type: 'string' },
  textarea: { type: 'string' },
  number: { type: 'number' },
  money: { type: 'number', minimum: 0 },
  date: { type: 'string', format: 'date' },
  datetime: { type: 'string', format: 'date-time' },
  choice: { type: 'string' },
  multichoice: { type: 'array', uniqueItems: true },
  boolean: { type: 'boolean' },
  phone: { type: 'string', pattern: PHONE_PATTERN },
  email: { type: 'string', format: 'email' },
  idNumber: { type: 'string', pattern: ID_NUMBER_PATTERN },
  // A file travels in the form data as a data URL (data:<type>;name=<name>;base64,…), rjsf's
  // FileWidget; the runtime's validator knows the format.
  file: { type: 'string', format: 'data-url' },
  // A file uploaded to the case's attachments (附件); the field holds its id, not its bytes.
  attachment: { type: 'string', format: ATTACHMENT_FORMAT },
  attachments: {
    type: 'array',
    items: { type: 'string', format: ATTACHMENT_FORMAT },
    uniqueItems: true,
  },
};

/** The widget each type shows with, where rjsf's default for its schema is not it. */
const TYPE_WIDGETS: Partial<Record<FieldType, string>> = {
  textarea: 'textarea',
  multichoice: 'checkboxes',
};

function writeType(form: FormDefinition, key: string, type: FieldType) {
  if (type === 'object' || type === 'other') return;
  const props = properties(form);
  const old = isRecord(props[key]) ? props[key] : {};
  const ui = uiOf(form, key);
  const { values, names } = choicesOf(old, ui);
  const next: Json = { ...(old.title !== undefined ? { title: old.title } : {}) };
  if (old.description !== undefined) next.description = old.description;
  Object.assign(next, TYPE_SCHEMAS[type]);
  setShownWidget(ui, TYPE_WIDGETS[type]);
  setUiOption(ui, CURRENCY, type === 'money' ? 'CNY' : undefined);
  delete ui['ui:enumNames'];
  delete ui.items;
  const options = values.length ? values : ['option1'];
  const optionNames = options.map((v, i) => names[i] ?? v);
  if (type === 'choice') {
    next.enum = options;
    ui['ui:enumNames'] = optionNames;
  }
  if (type === 'multichoice') {
    next.items = { type: 'string', enum: options };
    ui.items = { 'ui:enumNames': optionNames };
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
  if (form.i18n?.en) {
    delete form.i18n.en[`.${key}`];
    delete form.i18n.en[helpKey(key)];
  }
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

/** Replaces a choice or multi-choice field's options (values and their Chinese names). */
export function setFieldOptions(form: FormDefinition, key: string, options: ChoiceOption[]) {
  const schema = properties(form)[key] as Json;
  const values = options.map((o) => o.value);
  const names = options.map((o) => o.label || o.value);
  const ui = uiOf(form, key);
  if (schema.type === 'array') {
    schema.items = { type: 'string', enum: values };
    ui.items = { ...(isRecord(ui.items) ? ui.items : {}), 'ui:enumNames': names };
    return;
  }
  schema.enum = values;
  ui['ui:enumNames'] = names;
}

/**
 * Sets the help text shown under the field: Chinese as the schema's description, English in the
 * form's i18n; an empty text removes it.
 */
export function setFieldHelp(
  form: FormDefinition,
  key: string,
  lang: 'zh-CN' | 'en',
  help: string,
) {
  if (lang === 'zh-CN') {
    const schema = properties(form)[key] as Json;
    if (help) schema.description = help;
    else delete schema.description;
    return;
  }
  const en = { ...(form.i18n?.en ?? {}) };
  if (help) en[helpKey(key)] = help;
  else delete en[helpKey(key)];
  form.i18n = { ...(form.i18n ?? {}), en };
}
