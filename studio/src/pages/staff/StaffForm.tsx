/**
 * A policy form rendered with rjsf: titles in the user's language, live validation with Chinese
 * messages in zh-CN, and the server's field errors shown under their fields.
 */
import Form from '@rjsf/core';
import type { IChangeEvent } from '@rjsf/core';
import type { ErrorSchema } from '@rjsf/utils';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { labelText } from '../../i18n/index.ts';
import { withEnumLabels } from '../../components/enum-labels.ts';
import {
  formUiSchema,
  localizedSchema,
  readableErrors,
  validatorFor,
  type FormDefinition,
} from '../../components/policy-forms.ts';

type Props = {
  form: FormDefinition;
  formData: Record<string, unknown>;
  onChange: (data: Record<string, unknown>) => void;
  onSubmit: (data: Record<string, unknown>) => void;
  submitText: string;
  extraErrors?: ErrorSchema;
  disabled?: boolean;
  /** Names the form for assistive technology and tests. */
  name: string;
};

export function StaffForm(props: Props) {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  const schema = useMemo(() => localizedSchema(props.form, lang), [props.form, lang]);
  const uiSchema = useMemo(
    () => withEnumLabels(props.form, lang, formUiSchema(props.form, props.submitText)),
    [props.form, props.submitText, lang],
  );
  const description = labelText(props.form.description, lang);
  return (
    <div className="staff-form" role="region" aria-label={props.name}>
      {description && <p className="muted">{description}</p>}
      <Form
        schema={schema}
        uiSchema={uiSchema}
        formData={props.formData}
        validator={validatorFor(lang)}
        liveValidate="onChange"
        transformErrors={readableErrors(lang)}
        showErrorList={false}
        noHtml5Validate
        disabled={props.disabled}
        {...(props.extraErrors ? { extraErrors: props.extraErrors } : {})}
        onChange={(event: IChangeEvent) =>
          props.onChange((event.formData ?? {}) as Record<string, unknown>)
        }
        onSubmit={(event: IChangeEvent) =>
          props.onSubmit((event.formData ?? {}) as Record<string, unknown>)
        }
      />
    </div>
  );
}
