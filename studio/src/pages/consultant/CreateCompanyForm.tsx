/** Creates a company from a template (POST /companies), then offers its policy editor or inbox. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import type { Company, TemplateSummary } from '../../api/types.ts';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { useSubmit } from '../../components/useSubmit.ts';
import { labelText } from '../../i18n/index.ts';
import { useSession } from '../../session.tsx';

const ID = /^[a-z0-9][a-z0-9-]{1,62}$/;

export function CreateCompanyForm({
  template,
  onCreated,
  onCancel,
}: {
  template: TemplateSummary;
  onCreated: (company: Company) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation('consultant');
  const { t: common } = useTranslation();
  const { api } = useSession();
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [touched, setTouched] = useState(false);
  const { busy, failure, run } = useSubmit();
  const [taken, setTaken] = useState<string>();
  const idError = !id
    ? t('create.idRequired')
    : !ID.test(id)
      ? t('create.idInvalid')
      : taken === id
        ? t('create.idTaken', { id })
        : undefined;
  const nameError = name.trim() ? undefined : t('create.nameRequired');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (idError || nameError) return;
    await run(async () => {
      try {
        onCreated(await api.post('/companies', { id, name: name.trim(), template: template.id }));
      } catch (error) {
        // A taken id is the id field's problem, not the form's.
        if (error instanceof ApiError && error.code === 'already_exists') setTaken(id);
        else throw error;
      }
    });
  };
  const title = t('create.title', { template: labelText(template.title, i18n.language) });
  return (
    <form
      className="gallery-create-form"
      aria-label={title}
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <h3>{title}</h3>
      <label>
        {t('create.id')}
        <input
          value={id}
          onChange={(e) => setId(e.target.value.trim())}
          aria-invalid={touched && idError ? true : undefined}
          aria-describedby="gallery-id-help"
          autoComplete="off"
        />
      </label>
      <small id="gallery-id-help" className="muted">
        {t('create.idHelp')}
      </small>
      {(touched || taken) && idError && (
        <p className="field-error" role="alert">
          {idError}
        </p>
      )}
      <label>
        {t('create.name')}
        <input
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={touched && nameError ? true : undefined}
        />
      </label>
      {touched && nameError && (
        <p className="field-error" role="alert">
          {nameError}
        </p>
      )}
      {failure !== undefined && <ErrorPanel error={failure} />}
      <div className="toolbar">
        <button type="submit" className="btn" disabled={busy}>
          {busy ? t('create.creating') : t('create.submit')}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          {common('cancel')}
        </button>
      </div>
    </form>
  );
}
