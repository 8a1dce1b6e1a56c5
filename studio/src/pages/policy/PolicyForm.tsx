/**
 * A policy form rendered with rjsf in the user's language: titles from the form's i18n for English,
 * Chinese validation messages (ajv-i18n) for zh-CN, live validation, server field errors shown
 * under their fields. A schema rjsf cannot render shows an error instead of breaking the page.
 */
import Form from '@rjsf/core';
import type { ErrorSchema, RJSFSchema, UiSchema } from '@rjsf/utils';
import { customizeValidator } from '@rjsf/validator-ajv8';
import localizeZh from 'ajv-i18n/localize/zh';
import { Component, type ReactNode } from 'react';
import { readableErrors } from '../../components/form-errors.ts';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../api/client.ts';
import type { Policy } from '../../api/types.ts';

type FormDefinition = Policy['forms'][string];

const validators = {
  'zh-CN': customizeValidator({}, localizeZh),
  en: customizeValidator({}),
};

/** The schema with English titles where the form's i18n has them. */
export function localizedSchema(form: FormDefinition, lang: string): RJSFSchema {
  if (lang !== 'en' || !form.i18n?.en) return form.schema as RJSFSchema;
  const en = form.i18n.en;
  const visit = (node: unknown, path: string): unknown => {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return node;
    const copy = { ...(node as Record<string, unknown>) };
    if (path && en[path]) copy.title = en[path];
    if (typeof copy.properties === 'object' && copy.properties !== null) {
      copy.properties = Object.fromEntries(
        Object.entries(copy.properties).map(([key, child]) => [
          key,
          visit(child, `${path}.${key}`),
        ]),
      );
    }
    return copy;
  };
  const schema = visit(form.schema, '') as RJSFSchema;
  return { ...schema, title: form.title.en ?? schema.title };
}

/** rjsf's ErrorSchema from field errors (".a.b" → { a: { b: { __errors } } }). */
export function toErrorSchema(errors: FieldError[]): ErrorSchema {
  const root: Record<string, unknown> = {};
  for (const { property, message } of errors) {
    let node = root;
    for (const part of property.split('.').filter(Boolean)) {
      node[part] ??= {};
      node = node[part] as Record<string, unknown>;
    }
    const list = (node.__errors ??= []) as string[];
    list.push(message);
  }
  return root as ErrorSchema;
}

class FormBoundary extends Component<{ children: ReactNode; fallback: (e: Error) => ReactNode }> {
  override state: { error: Error | null } = { error: null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    return this.state.error ? this.props.fallback(this.state.error) : this.props.children;
  }
}

type Props = {
  form: FormDefinition;
  formData: Record<string, unknown>;
  onChange: (data: Record<string, unknown>) => void;
  /** Present = a submit button with this text. */
  submitLabel?: string;
  onSubmit?: (data: Record<string, unknown>) => void;
  fieldErrors?: FieldError[];
  disabled?: boolean;
};

export function PolicyForm(props: Props) {
  const { t, i18n } = useTranslation('policy');
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const uiSchema: UiSchema = {
    ...(props.form.uiSchema ?? {}),
    'ui:submitButtonOptions': props.submitLabel
      ? { submitText: props.submitLabel, props: { disabled: props.disabled } }
      : { norender: true },
  };
  const key = JSON.stringify([props.form.schema, props.form.uiSchema, lang]);
  return (
    <FormBoundary
      key={key}
      fallback={(error) => (
        <p className="error-panel" role="alert">
          {t('forms.previewBroken')} {error.message}
        </p>
      )}
    >
      <Form
        schema={localizedSchema(props.form, lang)}
        uiSchema={uiSchema}
        validator={validators[lang]}
        formData={props.formData}
        liveValidate="onChange"
        transformErrors={readableErrors(lang)}
        showErrorList={false}
        noHtml5Validate
        extraErrors={props.fieldErrors?.length ? toErrorSchema(props.fieldErrors) : undefined}
        onChange={(event) => props.onChange((event.formData ?? {}) as Record<string, unknown>)}
        onSubmit={(event) => props.onSubmit?.((event.formData ?? {}) as Record<string, unknown>)}
      />
    </FormBoundary>
  );
}
