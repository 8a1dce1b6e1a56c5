/**
 * What the complainant sees once the complaint is registered: its number, the link to follow it
 * (shown this once) with a copy button, and the files chosen on the form being sent.
 */
import { useTranslation } from 'react-i18next';
import type { FiledComplaintAnswer } from '@contract';
import type { Api } from '../../api/client.ts';
import { CopyButton } from '../../components/CopyButton.tsx';
import { punctuation } from '../../i18n/index.ts';
import { PublicUploads } from './PublicUploads.tsx';

/** The studio's address of a hash path ("#/public/…"), as the browser shows it now. */
export function studioLink(hashPath: string): string {
  const { origin, pathname } = globalThis.location;
  return `${origin}${pathname}${hashPath}`;
}

type Props = { api: Api; company: string; filed: FiledComplaintAnswer; files: File[] };

export function FiledComplaint({ api, company, filed, files }: Props) {
  const { t, i18n } = useTranslation('public');
  const link = studioLink(filed.followPath);
  return (
    <section role="status" aria-labelledby="public-filed-title" data-testid="public-filed">
      <h2 id="public-filed-title">{t('filed.title')}</h2>
      <p>
        {t('filed.number')}
        {punctuation(i18n.language).colon}
        <strong data-testid="public-case-number">{filed.number}</strong>
      </p>
      <p>{t('filed.follow')}</p>
      <p>
        <a href={link} data-testid="public-follow-link">
          {link}
        </a>{' '}
        <CopyButton text={link} label={t('filed.copy')} done={t('filed.copied')} />
      </p>
      <PublicUploads api={api} company={company} token={filed.followToken} files={files} />
    </section>
  );
}
