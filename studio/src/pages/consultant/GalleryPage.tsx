/**
 * Where platform administrators and consultants land: the bundled templates as cards, creating a
 * company from one, the companies the caller can reach, and a company's policy as a file out and in.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Company, TemplateSummary } from '../../api/types.ts';
import { ErrorPanel } from '../../components/ErrorPanel.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useAsync } from '../../components/useAsync.ts';
import { useSession } from '../../session.tsx';
import type { PageProps } from '../types.ts';
import { CompanyList } from './CompanyList.tsx';
import { CreateCompanyForm } from './CreateCompanyForm.tsx';
import { PolicyFiles } from './PolicyFiles.tsx';
import { TemplateCard } from './TemplateCard.tsx';
import { CreatedCompany } from './CreatedCompany.tsx';

export function GalleryPage(_props: PageProps) {
  const { t } = useTranslation('consultant');
  const { api, me, refreshCompanies } = useSession();
  const templates = useAsync(() => api.get('/templates').then((r) => r.items), [api]);
  const companies = useAsync(() => api.get('/companies').then((r) => r.items), [api]);
  const [creating, setCreating] = useState<TemplateSummary>();
  const [created, setCreated] = useState<Company>();
  const mayCreate = me.platformRole === 'platformAdmin';
  return (
    <div className="gallery-page">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      {companies.error !== undefined ? (
        <ErrorPanel error={companies.error} onRetry={companies.reload} />
      ) : companies.value === undefined ? (
        <Loading />
      ) : (
        <>
          <CompanyList
            companies={companies.value}
            templates={templates.value ?? []}
            {...(created ? { highlight: created.id } : {})}
          />
          <PolicyFiles companies={companies.value} />
        </>
      )}
      <h2>{t('templates')}</h2>
      {templates.error !== undefined ? (
        <ErrorPanel error={templates.error} onRetry={templates.reload} />
      ) : templates.value === undefined ? (
        <Loading />
      ) : (
        <div className="gallery-grid">
          {templates.value.map((template) => (
            <TemplateCard
              key={template.id}
              template={template}
              {...(mayCreate
                ? {
                    onCreate: () => {
                      setCreated(undefined);
                      setCreating(template);
                    },
                  }
                : {})}
            >
              {creating?.id === template.id ? (
                <CreateCompanyForm
                  template={template}
                  onCancel={() => setCreating(undefined)}
                  onCreated={(company) => {
                    setCreating(undefined);
                    setCreated(company);
                    companies.reload();
                    void refreshCompanies().catch(() => undefined);
                  }}
                />
              ) : created?.template === template.id ? (
                <CreatedCompany company={created} />
              ) : undefined}
            </TemplateCard>
          ))}
        </div>
      )}
    </div>
  );
}
