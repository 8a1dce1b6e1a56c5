/** Policy checks of the public complaint form: the fields it shows and sets are intake fields. */
import type { ProblemSink } from './check-sink.ts';
import type { JsonSchema, Policy } from '../format.ts';
import { hasField } from '../schema-fields.ts';

type Node = Record<string, unknown>;

/** Required fields of `schema` (at `prefix`) that none of the shown paths (relative) reaches. */
function hiddenRequired(schema: JsonSchema, shown: string[][], prefix: string): string[] {
  if (shown.some((path) => path.length === 0)) return [];
  const properties = (schema.properties ?? {}) as Node;
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  const hidden = required.filter((key) => !shown.some((path) => path[0] === key));
  const deeper = Object.keys(properties).flatMap((key) => {
    const inner = shown.filter((path) => path[0] === key).map((path) => path.slice(1));
    return inner.length
      ? hiddenRequired(properties[key] as JsonSchema, inner, `${prefix}${key}.`)
      : [];
  });
  return [...hidden.map((key) => `${prefix}${key}`), ...deeper];
}

/**
 * `unknown_field` for a shown field the intake form does not have, or a set field that is not one
 * of its top-level fields, and `public_form_field_hidden` for a required intake field the public
 * form neither shows nor sets (every public complaint would be refused).
 */
export function checkPublicForm(policy: Policy, sink: ProblemSink): void {
  const form = policy.publicForm;
  if (!form) return;
  const schema = policy.forms.intake.schema;
  const set = form.set ?? {};
  (form.fields ?? []).forEach((field, i) => {
    if (!hasField(schema, field))
      sink.add(['publicForm', 'fields', i], 'unknown_field', { form: 'intake', field });
  });
  const topLevel = Object.keys((schema.properties ?? {}) as Node);
  for (const field of Object.keys(set))
    if (!topLevel.includes(field))
      sink.add(['publicForm', 'set', field], 'unknown_field', { form: 'intake', field });
  if (!form.fields) return;
  const shown = [...form.fields, ...Object.keys(set)].map((field) => field.split('.'));
  for (const field of hiddenRequired(schema, shown, ''))
    sink.add(['publicForm', 'fields'], 'public_form_field_hidden', { field });
}
