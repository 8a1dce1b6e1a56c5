/** Registers a complaint through the published intake form; on success opens the new case. */
import type { ErrorSchema } from '@rjsf/utils';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { Loading } from '../../components/Loading.tsx';
import { labelText } from '../../i18n/index.ts';
import { navigate } from '../../router.ts';
import { useSession } from '../../session.tsx';
import type { PageProps } from '../types.ts';
import { fieldErrorSchema } from '../../components/policy-forms.ts';
import { useSubmit } from '../../components/useSubmit.ts';
import { StaffForm } from './StaffForm.tsx';
import { usePolicy } from './usePolicy.ts';

export function NewCasePage({ company }: PageProps) {
  const { t, i18n } = useTranslation('staff');
  const { api } = useSession();
  const policy = usePolicy(company, 'latest');
  const [data, setData] = useState<Record<string, unknown>>({});
  const [submitted, setSubmitted] = useState<string | null>(null);
  const { busy, failure, run } = useSubmit();
  const [extraErrors, setExtraErrors] = useState<ErrorSchema>();

  if (policy.error) return <ErrorPanel error={policy.error} onRetry={policy.reload} />;
  if (!policy.value) return <Loading />;
  const form = policy.value.policy.forms.intake;
  if (!form) return <ErrorPanel error={new Error(t('newCase.noForm'))} />;

  const submit = (intake: Record<string, unknown>) => {
    setExtraErrors(undefined);
    setSubmitted(JSON.stringify(intake));
    return run(
      async () => {
        const created = await api.post(`/companies/${company}/cases`, { intake });
        navigate(
          `/c/${company}/cases/${created.case.id}?created=${encodeURIComponent(created.case.number)}`,
        );
      },
      (error) => setExtraErrors(fieldErrorSchema(error)),
    );
  };
  const change = (next: Record<string, unknown>) => {
    setData(next);
    // The server's errors describe what was sent; once the data changes they no longer apply.
    if (extraErrors && JSON.stringify(next) !== submitted) setExtraErrors(undefined);
  };
  const fieldErrors = failure instanceof ApiError && failure.fieldErrors.length > 0;
  return (
    <section className="staff-new">
      <h1>{t('newCase.title')}</h1>
      <div className="card">
        <h2>{labelText(form.title, i18n.language)}</h2>
        {failure !== undefined &&
          (fieldErrors ? (
            <p className="field-error" role="alert">
              {(failure as ApiError).message} {t('newCase.fixFields')}
            </p>
          ) : (
            <ErrorPanel error={failure} />
          ))}
        <StaffForm
          name={labelText(form.title, i18n.language)}
          form={form}
          formData={data}
          onChange={change}
          onSubmit={(intake) => void submit(intake)}
          submitText={busy ? t('newCase.submitting') : t('newCase.submit')}
          disabled={busy}
          {...(extraErrors ? { extraErrors } : {})}
        />
      </div>
    </section>
  );
}
