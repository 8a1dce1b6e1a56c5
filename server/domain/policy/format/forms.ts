/** Forms (JSON Schema + uiSchema for rjsf), category dimensions, and who may read complainant data. */
import { Type, type Static } from '@sinclair/typebox';
import { JsonSchemaSchema, LabelSchema } from './labels.ts';
import {
  anyKeyMap,
  idMap,
  oneOfStrings,
  openObject,
  ref,
  strictObject,
  Strings,
} from './schema-builders.ts';

const label = ref('label', LabelSchema);

/** A form: JSON Schema + uiSchema for rjsf, and labels for its title. */
export const FormSchema = strictObject({
  title: label,
  description: Type.Optional(label),
  schema: ref('jsonSchema', JsonSchemaSchema),
  uiSchema: Type.Optional(openObject()),
  /** Translations of field titles and messages, keyed by rjsf property path (".customer.name"). */
  i18n: Type.Optional(strictObject({ en: Type.Optional(anyKeyMap(Type.String())) })),
  /**
   * A field's own validation messages, keyed by rjsf property path and then by JSON Schema keyword:
   * { ".phone": { "pattern": { "zh-CN": "联系电话格式不正确", "en": "…" } } }. Left open here so the
   * policy check can name the form and field of a malformed one (form_message_*).
   */
  errorMessages: Type.Optional(anyKeyMap(openObject())),
});
/** A form: JSON Schema + uiSchema for rjsf, and labels for its title. */
export type FormDefinition = Static<typeof FormSchema>;

/** Category conditions of a table row: dimension → accepted values. */
export const CategoryMatchSchema = idMap(
  Type.Array(Type.String(), { minItems: 1 }),
  'Category dimension → accepted values.',
);
/** Category conditions of a table row: dimension → accepted values. */
export type CategoryMatch = Static<typeof CategoryMatchSchema>;

const CATEGORY_SETTERS = ['form', 'rule', 'staff'] as const;

/** Who may set a category dimension's value. */
export type CategorySetter = (typeof CATEGORY_SETTERS)[number];

/** A category dimension (channel, severity…): its values, who sets it, and its escalation order. */
export const CategorySchema = strictObject({
  label,
  values: idMap(strictObject({ label, description: Type.Optional(label) }), 'Value id → label.'),
  setBy: Type.Array(oneOfStrings(CATEGORY_SETTERS), { minItems: 1, uniqueItems: true }),
  /** Intake field (rjsf path without the leading dot, e.g. "channel") that sets the value. */
  field: Type.Optional(Type.String()),
  default: Type.Optional(Type.String()),
  /** Values in escalation order, lowest first (used by "raiseSeverity"). */
  order: Type.Optional(Strings),
});
/** A category dimension (channel, severity…): its values, who sets it, and its escalation order. */
export type CategoryDimension = Static<typeof CategorySchema>;

/** Complainant data only some roles may read in full; everyone else sees it masked (lists, cases, exports). */
export const ConfidentialitySchema = strictObject({
  /** Dotted intake paths ("customer.phone"). */
  fields: Strings,
  /** Roles that see the fields unmasked. */
  roles: Strings,
});
/** Complainant data only some roles may read in full; everyone else sees it masked (lists, cases, exports). */
export type Confidentiality = Static<typeof ConfidentialitySchema>;
