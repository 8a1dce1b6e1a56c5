/**
 * The forms' own validation messages (errorMessages): each names a field the form has, a keyword
 * Kesu words that can fail at that field, and a label with its zh-CN text.
 */
import { KEYWORD_WORDS } from '../../forms/field-error-words.ts';
import type { JsonSchema, Policy } from '../format.ts';
import { fieldSchemaAt } from '../schema-fields.ts';
import type { ProblemSink } from './check-sink.ts';

// Keywords that can fail at any field, whatever its schema says.
const ALWAYS = new Set(['type', 'required']);

function isLabel(value: unknown): boolean {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const { 'zh-CN': zh, en, ...rest } = value as Record<string, unknown>;
  return (
    typeof zh === 'string' &&
    zh.trim() !== '' &&
    (en === undefined || typeof en === 'string') &&
    Object.keys(rest).length === 0
  );
}

/** Problems of every form's errorMessages: form_message_unknown_field, _unknown_keyword, _not_label. */
export function checkFormMessages(policy: Policy, sink: ProblemSink): void {
  for (const [form, definition] of Object.entries(policy.forms)) {
    for (const [property, byKeyword] of Object.entries(definition.errorMessages ?? {})) {
      const at = ['forms', form, 'errorMessages', property];
      const field = property.split('.').filter(Boolean).join('.');
      const schema =
        property.startsWith('.') && field ? fieldSchemaAt(definition.schema, field) : undefined;
      if (!schema) {
        sink.add(at, 'form_message_unknown_field', { form, field: property });
        continue;
      }
      for (const [keyword, message] of Object.entries(byKeyword)) {
        if (!KEYWORD_WORDS[keyword] || !(ALWAYS.has(keyword) || keyword in (schema as JsonSchema)))
          sink.add([...at, keyword], 'form_message_unknown_keyword', {
            form,
            field: property,
            keyword,
          });
        else if (!isLabel(message))
          sink.add([...at, keyword], 'form_message_not_label', { form, field: property, keyword });
      }
    }
  }
}
