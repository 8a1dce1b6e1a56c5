/** The format's basic pieces: bilingual labels, embedded JSON Schemas and rule conditions. */
import { Type, type Static } from '@sinclair/typebox';
import { openObject, strictObject } from './schema-builders.ts';

/** A label in the languages Kesu speaks; zh-CN is required, en is optional. */
export const LabelSchema = strictObject({
  'zh-CN': Type.String({ minLength: 1 }),
  en: Type.Optional(Type.String()),
});
/** A label in the languages Kesu speaks; zh-CN is required, en is optional. */
export type Label = Static<typeof LabelSchema>;

/** The languages of labels and messages. */
export type Lang = keyof Label;

/** A JSON Schema (draft-07) as plain data. */
export const JsonSchemaSchema = openObject('A JSON Schema (draft-07) for a form.');
/** A JSON Schema (draft-07) as plain data. */
export type JsonSchema = Static<typeof JsonSchemaSchema>;

/** The json-rules-engine condition format (`all` / `any` / `not` / `condition`, or a leaf). */
export const RuleConditionSchema = openObject(
  'json-rules-engine conditions: all / any / not / condition, or a leaf {fact, operator, value, path?}.',
);
/** The json-rules-engine condition format (`all` / `any` / `not` / `condition`, or a leaf). */
export type RuleCondition = Static<typeof RuleConditionSchema>;
