/**
 * Files the complainant sends with the follow link, one after another, each with its progress and,
 * when the server refuses it (type, size, count, the window closed), why in the user's language.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type Api } from '../../api/client.ts';

type Sent =
  | { state: 'waiting' }
  | { state: 'sending'; percent: number }
  | { state: 'done' }
  | { state: 'failed'; message: string };

type Props = {
  api: Api;
  company: string;
  token: string;
  files: File[];
  /** Told once every file was sent or refused. */
  onDone?: () => void;
};

export function PublicUploads({ api, company, token, files, onDone }: Props) {
  const { t } = useTranslation('public');
  const [sent, setSent] = useState<Sent[]>(() => files.map(() => ({ state: 'waiting' })));

  useEffect(() => {
    let live = true;
    setSent(files.map(() => ({ state: 'waiting' })));
    const mark = (i: number, next: Sent) =>
      live && setSent((all) => all.map((item, j) => (j === i ? next : item)));
    void (async () => {
      const path =
        `/public/${encodeURIComponent(company)}/complaints/${encodeURIComponent(token)}/attachments` as const;
      for (const [i, file] of files.entries()) {
        mark(i, { state: 'sending', percent: 0 });
        try {
          await api.upload(path, file, (loaded, total) =>
            mark(i, { state: 'sending', percent: total ? Math.round((loaded / total) * 100) : 0 }),
          );
          mark(i, { state: 'done' });
        } catch (error) {
          mark(i, {
            state: 'failed',
            message: error instanceof ApiError ? error.message : String(error),
          });
        }
      }
      if (live) onDone?.();
    })();
    return () => {
      live = false;
    };
    // The files are sent once, as they were handed over (a new list is a new batch).
  }, [files]);

  if (files.length === 0) return null;
  return (
    <ul className="public-uploads" data-testid="public-uploads">
      {files.map((file, i) => {
        const item = sent[i] ?? { state: 'waiting' };
        const name = file.name;
        return (
          <li key={`${i}-${name}`} data-testid="public-upload" data-state={item.state}>
            {item.state === 'sending' && (
              <>
                {t('files.sending', { name, percent: item.percent })}{' '}
                <progress
                  max={100}
                  value={item.percent}
                  aria-label={t('files.progress', { name })}
                />
              </>
            )}
            {item.state === 'waiting' && name}
            {item.state === 'done' && <span role="status">{t('files.done', { name })}</span>}
            {item.state === 'failed' && (
              <span className="field-error" role="alert">
                {t('files.failed', { name, message: item.message })}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
