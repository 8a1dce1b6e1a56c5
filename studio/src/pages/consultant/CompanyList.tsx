/** The companies the caller can reach, with links to each one's inbox, policy editor and reports. */
import { useTranslation } from 'react-i18next';
import type { Company, TemplateSummary } from '../../api/types.ts';
import { formatTime, labelText, punctuation } from '../../i18n/index.ts';
import { TableHead } from '../../components/TableHead.tsx';

export function CompanyList({
  companies,
  templates,
  highlight,
}: {
  companies: Company[];
  templates: TemplateSummary[];
  highlight?: string;
}) {
  const { t, i18n } = useTranslation('consultant');
  const lang = i18n.language;
  const templateTitle = (id?: string) => {
    const found = templates.find((template) => template.id === id);
    return found ? labelText(found.title, lang) : (id ?? '—');
  };
  return (
    <section className="card" aria-labelledby="gallery-companies-title">
      <h2 id="gallery-companies-title">{t('companies.title')}</h2>
      {companies.length === 0 ? (
        <p className="muted">{t('companies.none')}</p>
      ) : (
        <table aria-label={t('companies.title')} data-testid="company-list">
          <TableHead
            columns={[
              t('companies.name'),
              t('companies.id'),
              t('companies.template'),
              t('companies.created'),
              t('companies.actions'),
            ]}
          />
          <tbody>
            {companies.map((company) => (
              <tr key={company.id} className={company.id === highlight ? 'gallery-new' : undefined}>
                <td>{company.name}</td>
                <td>
                  <code>{company.id}</code>
                </td>
                <td>{templateTitle(company.template)}</td>
                <td>{formatTime(company.createdAt, lang, company.timeZone)}</td>
                <td className="gallery-links">
                  <a
                    href={`#/c/${company.id}/inbox`}
                    aria-label={`${company.name}${punctuation(lang).colon}${t('companies.inbox')}`}
                  >
                    {t('companies.inbox')}
                  </a>
                  <a
                    href={`#/c/${company.id}/policy`}
                    aria-label={`${company.name}${punctuation(lang).colon}${t('companies.policy')}`}
                  >
                    {t('companies.policy')}
                  </a>
                  <a
                    href={`#/c/${company.id}/reports`}
                    aria-label={`${company.name}${punctuation(lang).colon}${t('companies.reports')}`}
                  >
                    {t('companies.reports')}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
