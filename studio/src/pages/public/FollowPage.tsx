/**
 * The complainant's follow page (#/public/<company>/follow/<token>), without sign-in: the number,
 * when it was received, its progress in words, whether it was replied to or closed, and — for a
 * while after filing — a picker to add photos or files.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowAnswer } from '@contract';
import { ApiError, createApi } from '../../api/client.ts';
import { LanguageSelect } from '../../components/LanguageSelect.tsx';
import { formatTime, type Lang } from '../../i18n/index.ts';
import { PublicUploads } from './PublicUploads.tsx';

export function FollowPage({ company, token }: { company: string; token: string }) {
  const { t, i18n } = useTranslation('public');
  const lang = i18n.language as Lang;
  const api = useMemo(() => createApi(null, lang), [lang]);
  const [view, setView] = useState<FollowAnswer | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    api.get(`/public/${encodeURIComponent(company)}/complaints/${encodeURIComponent(token)}`).then(
      (answer) => live && setView(answer),
      (error: unknown) => live && setFailure(error),
    );
    return () => {
      live = false;
    };
  }, [api, company, token, attempt]);

  const yesNo = (value: boolean) => (value ? t('follow.yes') : t('follow.no'));
  return (
    <main className="public-page">
      <div className="card">
        <div className="signin-lang">
          <LanguageSelect />
        </div>
        <h1>{t('follow.title')}</h1>
        {failure != null && (
          <p className="field-error" role="alert">
            {failure instanceof ApiError && failure.status === 404
              ? t('follow.notFound')
              : (failure as Error).message}
          </p>
        )}
        {!view && failure == null && <p role="status">{t('follow.loading')}</p>}
        {view && (
          <>
            <dl className="public-follow" data-testid="public-follow">
              <dt>{t('follow.number')}</dt>
              <dd data-testid="follow-number">{view.number}</dd>
              <dt>{t('follow.received')}</dt>
              <dd>{formatTime(view.receivedAt, lang, view.timeZone)}</dd>
              <dt>{t('follow.state')}</dt>
              <dd data-testid="follow-state">{view.state}</dd>
              <dt>{t('follow.replied')}</dt>
              <dd data-testid="follow-replied">{yesNo(view.replied)}</dd>
              <dt>{t('follow.closed')}</dt>
              <dd data-testid="follow-closed">{yesNo(view.closed)}</dd>
              <dt>{t('follow.files')}</dt>
              <dd data-testid="follow-files">{view.files}</dd>
            </dl>
            {view.uploadUntil && (
              <div className="public-files">
                <label htmlFor="follow-files">{t('follow.addFiles')}</label>
                <input
                  id="follow-files"
                  type="file"
                  multiple
                  aria-describedby="follow-files-help"
                  onChange={(event) => setFiles([...(event.currentTarget.files ?? [])])}
                />
                <p className="help" id="follow-files-help">
                  {t('follow.uploadUntil', {
                    time: formatTime(view.uploadUntil, lang, view.timeZone),
                  })}
                </p>
                <PublicUploads
                  api={api}
                  company={company}
                  token={token}
                  files={files}
                  onDone={() => setAttempt((n) => n + 1)}
                />
              </div>
            )}
          </>
        )}
      </div>
    </main>
  );
}
