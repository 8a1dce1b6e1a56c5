/**
 * The API's shapes, from the contract the server's presenters answer with (@contract), under the
 * names the studio uses, and the domain types inside them (type-only: nothing of the server is bundled).
 */
export type {
  AttachmentAnswer as Attachment,
  AuditEntryAnswer as AuditEntry,
  CaseMigrationAnswer as CaseMigration,
  BacktestAnswer as Backtest,
  BacktestLine,
  CaseAnswer as CaseView,
  CaseListQuery as CaseQuery,
  CasePageAnswer as CasePage,
  CaseSummaryAnswer as CaseSummary,
  ChannelAnswer,
  ChannelKindAnswer,
  ChannelTestAnswer,
  CompanyAnswer as Company,
  DraftAnswer as PolicyDraft,
  ExampleRunAnswer as ExampleRunResult,
  MigrationOutcomeAnswer as MigrationOutcome,
  MigrationPreviewAnswer as MigrationPreview,
  NotificationAnswer,
  Page,
  PrincipalAnswer as Principal,
  PublishAnswer as PublishResult,
  PublishedVersionAnswer as PublishedPolicy,
  ReportAnswer as Report,
  TemplateSummaryAnswer as TemplateSummary,
  VersionSummaryAnswer as VersionSummary,
} from '@contract';
export type { Case, CaseExplanation, Decision, DecisionSource } from '@domain/case';
export type { ClockReading } from '@domain/clocks';
export type { OutcomeDifference, ReplayOutcome } from '@domain/backtest';
export type { Label, Policy } from '@domain/policy';
export type { PolicyProblem } from '@domain/validator.ts';

/** A bundled template as GET /api/templates lists it. */
export type TemplateEntry = {
  id: string;
  title: { 'zh-CN': string; en?: string };
  description?: { 'zh-CN': string; en?: string };
  [key: string]: unknown;
};
