/**
 * Publish & versions (发布与版本): saves the draft, publishes it with a required note and a choice
 * for open cases (keep or move, with a preview; refusals list the problems and failing examples
 * with links), and lists the published versions with what each changed.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import type { PublishResult } from '../../api/types.ts';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { useSubmit } from '../../components/useSubmit.ts';
import { Loading } from '../../components/Loading.tsx';
import { useAsync } from '../../components/useAsync.ts';
import { useSession } from '../../session.tsx';
import type { SectionProps } from './editor.ts';
import { PublishRefusal, type Refusal } from './PublishRefusal.tsx';
import { MigrationOutcomeNote } from './MigrationOutcomeNote.tsx';
import { OpenCasesChoice, type OpenCases } from './OpenCasesChoice.tsx';
import { VersionHistory } from './VersionHistory.tsx';
import { BacktestPanel } from './BacktestPanel.tsx';
import { personName } from '../../components/person-name.ts';
import { PublicFormLink } from '../public/PublicFormLink.tsx';

export function PublishSection({ company, policy, flush, problems, warnings }: SectionProps) {
  const { t } = useTranslation('policy');
  const { api, me } = useSession();
  const [note, setNote] = useState('');
  const [openCases, setOpenCases] = useState<OpenCases>('keep');
  const [touched, setTouched] = useState(false);
  const { busy, failure: error, run } = useSubmit();
  const [published, setPublished] = useState<PublishResult | null>(null);
  const versions = useAsync(() => api.get(`/companies/${company}/policy/versions`), [api, company]);
  const users = useAsync(
    () => api.get(`/companies/${company}/users`).catch(() => ({ items: [] })),
    [api, company],
  );
  const userName = (id: string, known?: string) =>
    id === me?.userId
      ? t('publish.me')
      : personName(known ?? users.value?.items.find((u) => u.id === id)?.name ?? id);
  const noteMissing = note.trim() === '';

  const publish = async () => {
    setTouched(true);
    if (noteMissing) return;
    setPublished(null);
    await run(async () => {
      await flush();
      const version = await api.post(`/companies/${company}/policy/publish`, {
        note: note.trim(),
        openCases,
      });
      setPublished(version);
      setNote('');
      setTouched(false);
      setOpenCases('keep');
      versions.reload();
    });
  };
  const refusal =
    error instanceof ApiError && error.code === 'policy_has_problems'
      ? ((error.details ?? {}) as Partial<Refusal>)
      : null;
  const items = versions.value?.items ?? [];

  return (
    <div className="policy-publish">
      <h2>{t('publish.title')}</h2>
      <p className="help">{t('publish.intro')}</p>
      {problems.length > 0 && (
        <p className="badge warn">{t('publish.draftHasProblems', { count: problems.length })}</p>
      )}
      {warnings.length > 0 && (
        <ul className="policy-a-warnings" data-testid="publish-warnings">
          {warnings.map((w, i) => (
            <li key={i} className="badge warn">
              {w.message}
            </li>
          ))}
        </ul>
      )}
      <BacktestPanel company={company} policy={policy} flush={flush} />
      <form
        className="policy-a-block"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void publish();
        }}
      >
        <label htmlFor="publish-note">{t('publish.note')}</label>
        <textarea
          id="publish-note"
          data-testid="publish-note"
          rows={3}
          required
          aria-invalid={touched && noteMissing}
          aria-describedby={touched && noteMissing ? 'publish-note-error' : undefined}
          placeholder={t('publish.notePlaceholder')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        {touched && noteMissing && (
          <p id="publish-note-error" className="field-error" role="alert">
            {t('publish.noteRequired')}
          </p>
        )}
        <OpenCasesChoice
          company={company}
          policy={policy}
          value={openCases}
          onChange={setOpenCases}
          flush={flush}
        />
        <div className="toolbar">
          <button type="submit" className="primary" data-testid="publish-button" disabled={busy}>
            {busy ? t('publish.publishing') : t('publish.button')}
          </button>
        </div>
      </form>
      {busy && <Loading label={t('publish.publishing')} />}
      {published && (
        <div className="policy-a-success" role="status" data-testid="publish-result">
          <strong>{t('publish.done', { number: published.number })}</strong>
          <p>{t('publish.doneDetail', { number: published.number })}</p>
          <MigrationOutcomeNote outcome={published.migration} policy={policy} />
        </div>
      )}
      <PublicFormLink company={company} {...(published ? { version: published.number } : {})} />
      {refusal ? (
        <PublishRefusal company={company} policy={policy} refusal={refusal} />
      ) : (
        error != null && <ErrorPanel error={error} />
      )}

      <section className="policy-a-block" aria-labelledby="versions-title">
        <h3 id="versions-title">{t('publish.versions')}</h3>
        {versions.error != null && <ErrorPanel error={versions.error} onRetry={versions.reload} />}
        {versions.loading && !versions.value && <Loading />}
        {versions.value &&
          (items.length === 0 ? (
            <p className="muted">{t('publish.noVersions')}</p>
          ) : (
            <VersionHistory versions={items} policy={policy} userName={userName} />
          ))}
      </section>
    </div>
  );
}
