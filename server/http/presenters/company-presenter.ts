/** Companies and bundled templates as the API answers them. */
import type { TemplateSummary } from '../../app/ports/deps.ts';
import type { Company } from '../../app/ports/ports.ts';
import type {
  CompanyAccessAnswer,
  CompanyAnswer,
  TemplateSummaryAnswer,
} from '../contract/company.ts';

/** A company (with its time zone when the list knows it). */
export function presentCompany(company: Company & { timeZone?: string }): CompanyAnswer {
  return {
    id: company.id,
    name: company.name,
    template: company.template,
    createdAt: company.createdAt,
    ...(company.timeZone ? { timeZone: company.timeZone } : {}),
  };
}

/** A company with the caller's roles in it. */
export function presentCompanyAccess(company: Company, roles: string[]): CompanyAccessAnswer {
  return { ...presentCompany(company), roles };
}

/** What the gallery shows of a bundled template. */
export function presentTemplateSummary(template: TemplateSummary): TemplateSummaryAnswer {
  return {
    id: template.id,
    title: template.title,
    description: template.description,
    sources: template.sources,
    assumptions: template.assumptions,
    facts: template.facts,
  };
}
