import { useTranslation } from 'react-i18next';
import type { Company } from '../../api/types.ts';

/** The note after a company is created from a template. */
export function CreatedCompany({ company }: { company: Company }) {
  const { t } = useTranslation('consultant');
  return (
    <div className="gallery-created" role="status" data-testid="company-created">
      <p>{t('create.created', { name: company.name, id: company.id })}</p>
      <div className="toolbar">
        <a className="button-link" href={`#/c/${company.id}/policy`}>
          {t('create.openPolicy')}
        </a>
        <a className="button-link" href={`#/c/${company.id}/inbox`}>
          {t('create.openInbox')}
        </a>
      </div>
    </div>
  );
}
