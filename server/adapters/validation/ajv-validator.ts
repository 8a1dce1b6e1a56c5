/**
 * The SchemaValidator port on ajv (draft-07, the draft the studio's rjsf validator uses too):
 * every error at once, in rjsf's shape, messages in zh-CN (ajv-i18n) or en; a form's errors in
 * the words of domain/forms (the field's label, the form's own messages).
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { createRequire } from 'node:module';
import policySchema from '../../../schemas/policy.schema.json' with { type: 'json' };
import type { FieldError } from '../../domain/errors.ts';
import {
  ACCEPT_KEYWORD,
  ACCEPT_META_SCHEMA,
  ATTACHMENT_FORMAT,
  ATTACHMENT_ID_PATTERN,
  describeFieldError,
} from '../../domain/forms/index.ts';
import type { JsonSchema, Lang } from '../../domain/policy/format.ts';
import type { PolicyProblem, SchemaValidator } from '../../domain/validator.ts';

// ajv-i18n is CommonJS whose typings declare an ES default export; require gives the real function.
const localizeZh = createRequire(import.meta.url)('ajv-i18n/localize/zh') as (
  errors: ErrorObject[],
) => void;

function createAjv(): Ajv {
  // strict off: form schemas may carry rjsf's own keywords (enumNames, ui hints).
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats.default(ajv);
  // A file field's value: a data URL as rjsf's FileWidget writes it (rjsf's validator knows it too).
  ajv.addFormat('data-url', /^data:([a-z]+\/[a-z0-9-+.]+)?;(?:name=(.*);)?base64,(.*)$/);
  // An attachment field's value: the id of a file of the case (the runtime checks it is one).
  ajv.addFormat(ATTACHMENT_FORMAT, ATTACHMENT_ID_PATTERN);
  // The types an attachment field takes: checked by the runtime, its shape by the schema's compile.
  ajv.addKeyword({ keyword: ACCEPT_KEYWORD, metaSchema: ACCEPT_META_SCHEMA });
  return ajv;
}

function localized(errors: ErrorObject[], lang: Lang): ErrorObject[] {
  const copy = errors.map((error) => ({ ...error }));
  if (lang === 'zh-CN') localizeZh(copy);
  return copy;
}

/** "/customer/phone" → ".customer.phone"; a missing required property is named itself. */
export function toProperty(error: ErrorObject): string {
  const base = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (error.keyword === 'required') base.push(String(error.params.missingProperty));
  if (error.keyword === 'additionalProperties') base.push(String(error.params.additionalProperty));
  return base.length === 0 ? '.' : '.' + base.join('.');
}

/** A validator with compiled schemas cached per schema object. */
export function createAjvValidator(): SchemaValidator {
  const ajv = createAjv();
  const cache = new WeakMap<object, ValidateFunction>();
  const compile = (schema: JsonSchema): ValidateFunction => {
    let validate = cache.get(schema);
    if (!validate) {
      validate = ajv.compile(schema);
      cache.set(schema, validate);
    }
    return validate;
  };
  const policyValidate = createAjv().compile(policySchema);
  return {
    validate(schema, data, lang): FieldError[] {
      const validate = compile(schema);
      if (validate(data)) return [];
      return localized(validate.errors ?? [], lang).map((error) => ({
        property: toProperty(error),
        message: error.message ?? error.keyword,
      }));
    },
    validateForm(form, data, lang): FieldError[] {
      const validate = compile(form.schema);
      if (validate(data)) return [];
      // A failed `if`/`then` reports the branch's own errors too: "must match then" adds nothing.
      return (validate.errors ?? [])
        .filter((error) => error.keyword !== 'if')
        .map((error) => {
          const property = toProperty(error);
          const fact = { keyword: error.keyword, property, params: error.params };
          return { property, message: describeFieldError(form, fact, lang) };
        });
    },
    compileErrors(schema, lang = 'en') {
      let valid: boolean;
      try {
        // Throws rather than answers when the schema names a meta-schema ajv does not hold.
        valid = ajv.validateSchema(schema) as boolean;
      } catch (error) {
        return [{ path: '', message: error instanceof Error ? error.message : String(error) }];
      }
      if (!valid) {
        // The meta-schema reports one place several ways (enum, type, anyOf): keep the first.
        const byPath = new Map<string, string>();
        for (const error of localized(ajv.errors ?? [], lang)) {
          if (!byPath.has(error.instancePath))
            byPath.set(error.instancePath, error.message ?? error.keyword);
        }
        return [...byPath].map(([path, message]) => ({ path, message }));
      }
      try {
        compile(schema);
        return [];
      } catch (error) {
        return [{ path: '', message: error instanceof Error ? error.message : String(error) }];
      }
    },
    policyShapeErrors(policy, lang): PolicyProblem[] {
      if (policyValidate(policy)) return [];
      return localized(policyValidate.errors ?? [], lang).map((error) => ({
        path:
          error.instancePath +
          (error.keyword === 'required' ? `/${String(error.params.missingProperty)}` : ''),
        code: `schema_${error.keyword}`,
        message: error.message ?? error.keyword,
        params: error.params as Record<string, unknown>,
      }));
    },
  };
}
