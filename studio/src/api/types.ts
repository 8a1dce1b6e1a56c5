import type { PublishedPolicy as PublishedPolicyType } from '../../../server/app/ports/ports.ts';

/** The API's shapes, taken from the runtime's own types (type-only: nothing of the server is bundled). */
export type { Principal, TemplateSummary } from '../../../server/app/ports/deps.ts';
export type {
  AuditEntry,
  Company,
  PolicyDraft,
  PublishedPolicy,
  StoredCase,
} from '../../../server/app/ports/ports.ts';
export type { CaseView } from '../../../server/app/cases/cases.ts';
export type { CaseQuery, CaseSummary } from '../../../server/app/cases/case-list.ts';
export type { Report } from '../../../server/app/reports/reports.ts';
export type { Case, Decision, DecisionSource } from '@domain/case';
export type { ClockReading } from '@domain/clocks';
export type { Label, Policy } from '@domain/policy';
export type { PolicyProblem } from '@domain/validator.ts';

/** A published version as the versions list gives it (without the policy). */
export type VersionSummary = Omit<PublishedPolicyType, 'policy'>;

/** A page of a list. */
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

/** A bundled template as GET /api/templates lists it. */
export type TemplateEntry = {
  id: string;
  title: { 'zh-CN': string; en?: string };
  description?: { 'zh-CN': string; en?: string };
  [key: string]: unknown;
};
export type { CaseExplanation } from '@domain/case';
