/**
 * The company's public complaint link for its administrator to copy and publish, as the published
 * policy has it; or how to get one when the published policy has no public form.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { CopyButton } from '../../components/CopyButton.tsx';
import { useSession } from '../../session.tsx';
import { studioLink } from './FiledComplaint.tsx';

/** `version` changes when a policy is published, so the link is looked up again. */
export function PublicFormLink({ company, version }: { company: string; version?: number }) {
  const { t } = useTranslation('public');
  const { api } = useSession();
  const [state, setState] = useState<'loading' | 'open' | 'none' | 'failed'>('loading');
  const link = studioLink(`#/public/${encodeURIComponent(company)}`);

  useEffect(() => {
    let live = true;
    api.get(`/public/${encodeURIComponent(company)}/form`).then(
      () => live && setState('open'),
      (error: unknown) =>
        live && setState(error instanceof ApiError && error.status === 404 ? 'none' : 'failed'),
    );
    return () => {
      live = false;
    };
  }, [api, company, version]);

  if (state === 'loading' || state === 'failed') return null;
  return (
    <section className="policy-a-block public-link" aria-labelledby="public-link-title">
      <h3 id="public-link-title">{t('link.title')}</h3>
      {state === 'none' ? (
        <p className="muted" data-testid="public-link-none">
          {t('link.none')}
        </p>
      ) : (
        <>
          <p className="help">{t('link.help')}</p>
          <input
            readOnly
            aria-label={t('link.url')}
            data-testid="public-link"
            value={link}
            onFocus={(event) => event.currentTarget.select()}
          />
          <div className="toolbar">
            <CopyButton text={link} label={t('link.copy')} done={t('link.copied')} />
            <a href={link} target="_blank" rel="noreferrer">
              {t('link.open')}
            </a>
          </div>
        </>
      )}
    </section>
  );
}
