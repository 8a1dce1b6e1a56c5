/**
 * Helpers for the policy's generated forms: titles in the user's language, server field errors in
 * rjsf's ErrorSchema shape, and reading a dotted path.
 */
import type { ErrorSchema, RJSFSchema, UiSchema } from '@rjsf/utils';
import type { FieldError } from '../../api/client.ts';
import type { Policy } from '../../api/types.ts';

export type FormDefinition = Policy['forms']['intake'];

type SchemaNode = {
  title?: string;
  properties?: Record<string, SchemaNode>;
  [key: string]: unknown;
};

/** A copy of the form's schema with field titles in English when asked (the schema's own are Chinese). */
export function localizedSchema(form: FormDefinition, lang: string): RJSFSchema {
  const schema = structuredClone(form.schema) as SchemaNode;
  // The page heads the form with its localized title; rjsf would repeat the schema's.
  delete schema.title;
  const titles = lang === 'en' ? form.i18n?.en : undefined;
  if (!titles) return schema as RJSFSchema;
  const visit = (node: SchemaNode, path: string) => {
    const title = titles[path || '.'];
    if (title && path) node.title = title;
    for (const [key, child] of Object.entries(node.properties ?? {}))
      visit(child, `${path}.${key}`);
  };
  visit(schema, '');
  return schema as RJSFSchema;
}

/** The form's uiSchema, with the submit button's text. */
export function formUiSchema(form: FormDefinition, submitText: string): UiSchema {
  return {
    ...(form.uiSchema as UiSchema | undefined),
    'ui:submitButtonOptions': { submitText },
  };
}

/** Server field errors ({ property: '.a.b', message }) as rjsf's ErrorSchema ({ a: { b: { __errors } } }). */
export function toErrorSchema(fieldErrors: FieldError[]): ErrorSchema {
  const root: Record<string, unknown> = {};
  for (const { property, message } of fieldErrors) {
    let node = root;
    for (const part of property.split('.').filter(Boolean)) {
      node = (node[part] ??= {}) as Record<string, unknown>;
    }
    ((node.__errors ??= []) as string[]).push(message);
  }
  return root as ErrorSchema;
}

/** The value at a dotted path ("remedySought.amount"). */
export function valueAt(data: unknown, path: string): unknown {
  let current = data;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}
