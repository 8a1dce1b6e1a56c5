/**
 * A policy form rendered with rjsf in the user's language: titles from the form's i18n for English,
 * Chinese validation messages (ajv-i18n) for zh-CN, live validation, server field errors shown
 * under their fields. A schema rjsf cannot render shows an error instead of breaking the page.
 */
import Form from '@rjsf/core';
import type { UiSchema } from '@rjsf/utils';
import { Component, type ReactNode } from 'react';
import { withEnumLabels } from '../../components/enum-labels.ts';
import {
  localizedSchema,
  readableErrors,
  toErrorSchema,
  validatorFor,
} from '../../components/policy-forms.ts';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../api/client.ts';
import type { Policy } from '../../api/types.ts';

type FormDefinition = Policy['forms'][string];

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
  const uiSchema: UiSchema = withEnumLabels(props.form, lang, {
    ...(props.form.uiSchema ?? {}),
    'ui:submitButtonOptions': props.submitLabel
      ? { submitText: props.submitLabel, props: { disabled: props.disabled } }
      : { norender: true },
  });
  const key = JSON.stringify([props.form.schema, props.form.uiSchema, props.form.i18n, lang]);
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
        schema={localizedSchema(props.form, lang, 'form')}
        uiSchema={uiSchema}
        validator={validatorFor(lang)}
        formData={props.formData}
        liveValidate="onChange"
        transformErrors={readableErrors(props.form, lang)}
        showErrorList={false}
        noHtml5Validate
        extraErrors={props.fieldErrors?.length ? toErrorSchema(props.fieldErrors) : undefined}
        onChange={(event) => props.onChange((event.formData ?? {}) as Record<string, unknown>)}
        onSubmit={(event) => props.onSubmit?.((event.formData ?? {}) as Record<string, unknown>)}
      />
    </FormBoundary>
  );
}
