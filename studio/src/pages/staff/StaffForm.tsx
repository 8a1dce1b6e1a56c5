/**
 * A policy form rendered with rjsf: titles in the user's language, validation with Chinese
 * messages in zh-CN, and the server's field errors shown under their fields. A field's errors show
 * once it was left (blur) or the form was submitted, never on a field not yet touched.
 */
import Form from '@rjsf/core';
import type { IChangeEvent } from '@rjsf/core';
import type { ErrorSchema, RJSFValidationError } from '@rjsf/utils';
import { useMemo, useRef, useState, type ReactNode } from 'react';
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
import { ATTACHMENT_FORMAT } from '@domain/forms';
import {
  AttachmentWidget,
  type AttachmentCase,
  type StaffFormContext,
} from './AttachmentWidget.tsx';

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
  /** The case whose files the form's attachment fields upload to and name (a stage form's). */
  attachmentCase?: AttachmentCase;
  /** What ends the form instead of its submit button (which it must then hold itself). */
  children?: ReactNode;
};

/** Widgets beyond rjsf's: attachment fields (附件) by their format. */
const WIDGETS = { [ATTACHMENT_FORMAT]: AttachmentWidget };

export function StaffForm(props: Props) {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  const schema = useMemo(() => localizedSchema(props.form, lang), [props.form, lang]);
  const uiSchema = useMemo(
    () => withEnumLabels(props.form, lang, formUiSchema(props.form, props.submitText)),
    [props.form, props.submitText, lang],
  );
  const description = labelText(props.form.description, lang);
  const formContext = useMemo<StaffFormContext>(
    () => (props.attachmentCase ? { attachmentCase: props.attachmentCase } : {}),
    [props.attachmentCase],
  );
  // The ids rjsf gives the fields left so far ("root_customer_phone"); a ref, read while validating.
  const touched = useRef(new Set<string>());
  const submitted = useRef(false);
  const [tried, setTried] = useState(false);
  const shown = (error: RJSFValidationError) =>
    submitted.current || touched.current.has(`root${(error.property ?? '').replace(/\./g, '_')}`);
  const transformErrors = (errors: RJSFValidationError[]) =>
    readableErrors(props.form, lang)(errors).filter(shown);
  return (
    <div
      className="staff-form"
      role="region"
      aria-label={props.name}
      // Before rjsf validates the submit: from now on every error shows, touched or not.
      onSubmitCapture={() => {
        submitted.current = true;
        setTried(true);
      }}
    >
      {description && <p className="muted">{description}</p>}
      <Form
        schema={schema}
        uiSchema={uiSchema}
        formData={props.formData}
        validator={validatorFor(lang)}
        widgets={WIDGETS}
        formContext={formContext}
        liveValidate={tried ? 'onChange' : 'onBlur'}
        transformErrors={transformErrors}
        onBlur={(id: string) => void touched.current.add(id)}
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
      >
        {props.children}
      </Form>
    </div>
  );
}
