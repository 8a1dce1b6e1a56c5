/**
 * What the domain needs from a JSON Schema validator. The ajv adapter implements it; the domain
 * never imports a validation library itself.
 */
import type { FieldError } from './errors.ts';
import type { FormDefinition, JsonSchema, Lang } from './policy/format.ts';

/** A problem found in a policy document, with its JSON path ("/workflow/transitions/3/roles/0"). */
export type PolicyProblem = {
  path: string;
  code: string;
  message: string;
  params?: Record<string, unknown>;
};

export type SchemaValidator = {
  /** All errors of `data` against `schema`, in rjsf's shape, in the given language. */
  validate(schema: JsonSchema, data: unknown, lang: Lang): FieldError[];
  /** All errors of `data` against the form, in words naming each field by its label (its own messages first). */
  validateForm(form: FormDefinition, data: unknown, lang: Lang): FieldError[];
  /**
   * Why the schema does not compile, each at its JSON Pointer inside the schema, worded in `lang`
   * where the validator can (English otherwise); empty when it does.
   */
  compileErrors(schema: JsonSchema, lang?: Lang): { path: string; message: string }[];
  /** The policy document against the policy format's own JSON Schema. */
  policyShapeErrors(policy: unknown, lang: Lang): PolicyProblem[];
};
