/**
 * The company's public complaint form (#/public/<company>), shown without sign-in: the company's
 * name, the form's public fields (rjsf), a language switch, a field hidden from people (a bot that
 * fills it is refused), photos or files sent once the complaint is registered; then the case
 * number and the link to follow it.
 */
import type { ErrorSchema } from '@rjsf/utils';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FiledComplaintAnswer, PublicFormAnswer } from '@contract';
import { ApiError, createApi } from '../../api/client.ts';
import { LanguageSelect } from '../../components/LanguageSelect.tsx';
import { fieldErrorSchema } from '../../components/policy-forms.ts';
import { useSubmit } from '../../components/useSubmit.ts';
import type { Lang } from '../../i18n/index.ts';
import { StaffForm } from '../staff/StaffForm.tsx';
import { FiledComplaint } from './FiledComplaint.tsx';

/** A size in KB or MB. */
export function sizeText(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.ceil(bytes / 1024)} KB`
    : `${Math.round(bytes / 1024 / 1024)} MB`;
}

export function PublicFormPage({ company }: { company: string }) {
  const { t, i18n } = useTranslation('public');
  const lang = i18n.language as Lang;
  const api = useMemo(() => createApi(null, lang), [lang]);
  const [loaded, setLoaded] = useState<PublicFormAnswer | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [data, setData] = useState<Record<string, unknown>>({});
  const [trap, setTrap] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [filed, setFiled] = useState<FiledComplaintAnswer | null>(null);
  const [extraErrors, setExtraErrors] = useState<ErrorSchema>();
  const { busy, failure, run } = useSubmit();

  useEffect(() => {
    let live = true;
    api.get(`/public/${encodeURIComponent(company)}/form`).then(
      (answer) => live && setLoaded(answer),
      (error: unknown) => live && setLoadError(error),
    );
    return () => {
      live = false;
    };
  }, [api, company]);

  const submit = (intake: Record<string, unknown>) =>
    void run(
      async () => {
        setExtraErrors(undefined);
        const answer = await api.post(`/public/${encodeURIComponent(company)}/complaints`, {
          intake,
          website: trap,
        });
        setFiled(answer);
      },
      (error) => setExtraErrors(fieldErrorSchema(error)),
    );

  const header = (
    <div className="signin-lang">
      <LanguageSelect />
    </div>
  );
  if (loadError)
    return (
      <main className="public-page">
        <div className="card">
          {header}
          <p className="field-error" role="alert">
            {loadError instanceof ApiError && loadError.status === 404
              ? t('notFound')
              : (loadError as Error).message}
          </p>
        </div>
      </main>
    );
  if (!loaded)
    return (
      <main className="public-page">
        <p role="status">{t('loading')}</p>
      </main>
    );
  const { attachments } = loaded;
  const fieldFailure = failure instanceof ApiError && failure.fieldErrors.length > 0;
  return (
    <main className="public-page">
      <div className="card">
        {header}
        <p className="muted" data-testid="public-company">
          {loaded.company.name}
        </p>
        <h1>{loaded.title}</h1>
        {loaded.intro && <p>{loaded.intro}</p>}
        {filed ? (
          <FiledComplaint api={api} company={company} filed={filed} files={files} />
        ) : (
          <StaffForm
            name={loaded.title}
            form={{ ...loaded.form, description: undefined }}
            formData={data}
            onChange={setData}
            onSubmit={submit}
            submitText={t('submit')}
            disabled={busy}
            {...(extraErrors ? { extraErrors } : {})}
          >
            <div className="public-trap" aria-hidden="true">
              <label htmlFor="public-website">{t('trap')}</label>
              <input
                id="public-website"
                name={loaded.honeypot}
                type="text"
                tabIndex={-1}
                autoComplete="off"
                value={trap}
                onChange={(event) => setTrap(event.target.value)}
              />
            </div>
            {attachments.allowed && (
              <div className="public-files">
                <label htmlFor="public-files">{t('files.label')}</label>
                <input
                  id="public-files"
                  type="file"
                  multiple
                  accept={attachments.types.join(',')}
                  aria-describedby="public-files-help"
                  onChange={(event) =>
                    setFiles(
                      [...(event.currentTarget.files ?? [])].slice(0, attachments.maxPerCase),
                    )
                  }
                />
                <p className="help" id="public-files-help">
                  {t('files.help', {
                    count: attachments.maxPerCase,
                    size: sizeText(attachments.maxBytes),
                  })}
                </p>
                {files.length > 0 && (
                  <p className="muted">
                    {t('files.chosen', { names: files.map((file) => file.name).join(', ') })}
                  </p>
                )}
              </div>
            )}
            {failure !== undefined && (
              <p className="field-error" role="alert" data-testid="public-error">
                {(failure as Error).message}
                {fieldFailure && ` ${t('fixFields')}`}
              </p>
            )}
            <button type="submit" className="primary" disabled={busy} aria-busy={busy}>
              {busy ? t('submitting') : t('submit')}
            </button>
          </StaffForm>
        )}
      </div>
    </main>
  );
}
