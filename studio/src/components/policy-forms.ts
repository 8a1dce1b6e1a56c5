/**
 * The policy's generated forms, shared by the staff pages and the policy editor: titles in the user's
 * language, the validator with Chinese messages, errors in words naming the field, server field
 * errors in rjsf's ErrorSchema shape, and reading a dotted path.
 */
import type { ErrorSchema, RJSFSchema, RJSFValidationError, UiSchema } from '@rjsf/utils';
import { customizeValidator } from '@rjsf/validator-ajv8';
import localizeZh from 'ajv-i18n/localize/zh';
import { ApiError, type FieldError } from '../api/client.ts';
import type { Policy } from '../api/types.ts';
import {
  ACCEPT_KEYWORD,
  ACCEPT_META_SCHEMA,
  ATTACHMENT_FORMAT,
  ATTACHMENT_ID_PATTERN,
  describeFieldError,
} from '@domain/forms';

// The formats and keywords the runtime's validator knows beyond JSON Schema's (an attachment field).
const KESU_VALIDATION = {
  customFormats: { [ATTACHMENT_FORMAT]: ATTACHMENT_ID_PATTERN },
  ajvOptionsOverrides: {
    keywords: [{ keyword: ACCEPT_KEYWORD, metaSchema: structuredClone(ACCEPT_META_SCHEMA) }],
  },
};
const validatorEn = customizeValidator(KESU_VALIDATION);
const validatorZh = customizeValidator(KESU_VALIDATION, localizeZh);

/** rjsf's validator for the language: ajv's messages in Chinese for zh-CN. */
export function validatorFor(lang: string) {
  return lang === 'en' ? validatorEn : validatorZh;
}

/**
 * Every error in the words the server uses (domain/forms): the form's own message for the field,
 * else a default that names the field by its label ("联系电话格式不正确", "请填写客户姓名").
 */
export function readableErrors(form: FormDefinition, lang: string) {
  const language = lang === 'en' ? 'en' : 'zh-CN';
  // A failed `if`/`then` reports the branch's own errors too: "must match then" adds nothing.
  return (errors: RJSFValidationError[]): RJSFValidationError[] =>
    errors
      .filter((error) => error.name !== 'if')
      .map((error) => {
        const fact = {
          keyword: error.name ?? '',
          property: error.property ?? '.',
          params: (error.params ?? {}) as Record<string, unknown>,
        };
        return { ...error, message: describeFieldError(form, fact, language) };
      });
}

export type FormDefinition = Policy['forms']['intake'];

type SchemaNode = {
  title?: string;
  properties?: Record<string, SchemaNode>;
  [key: string]: unknown;
};

/**
 * A copy of the form's schema with field titles in English when asked (the schema's own are
 * Chinese). `heading: 'page'` drops the form's title, for a page that heads the form itself.
 */
export function localizedSchema(
  form: FormDefinition,
  lang: string,
  heading: 'page' | 'form' = 'page',
): RJSFSchema {
  const schema = structuredClone(form.schema) as SchemaNode;
  if (heading === 'page') delete schema.title;
  else if (lang === 'en' && form.title.en) schema.title = form.title.en;
  const titles = lang === 'en' ? form.i18n?.en : undefined;
  if (!titles) return schema as RJSFSchema;
  const visit = (node: SchemaNode, path: string) => {
    const title = titles[path || '.'];
    if (title && path) node.title = title;
    // A field's help text (its description) in English, beside its label: ".phone#description".
    const help = titles[`${path}#description`];
    if (help && path) node.description = help;
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

/** The field errors a failed submit carries, as rjsf's ErrorSchema; undefined when it has none. */
export function fieldErrorSchema(failure: unknown): ErrorSchema | undefined {
  return failure instanceof ApiError && failure.fieldErrors.length
    ? toErrorSchema(failure.fieldErrors)
    : undefined;
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
