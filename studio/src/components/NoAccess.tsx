/** The one page a signed-in user sees for a company or a page they may not reach, with the way back. */
import { useTranslation } from 'react-i18next';

export function NoAccess({ home }: { home: string }) {
  const { t } = useTranslation();
  return (
    <section className="card no-access" aria-labelledby="no-access-title">
      <h1 id="no-access-title">{t('noAccess.title')}</h1>
      <p>{t('noAccess.body')}</p>
      <a href={`#${home}`}>{t('noAccess.home')}</a>
    </section>
  );
}
