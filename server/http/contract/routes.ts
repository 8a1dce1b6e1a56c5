/**
 * Every route of the API (paths under /api) with what it takes and what it answers: the one place
 * the server's presenters and the studio's client agree on.
 */
import type {
  AcceptInvitationBody,
  InvitationAnswer,
  InviteBody,
  OpenedInvitationAnswer,
  OpenInvitationBody,
  SignedInAnswer,
  SignInBody,
} from './account.ts';
import type {
  ActionBody,
  AttachmentAnswer,
  CaseAnswer,
  CaseListQuery,
  CasePageAnswer,
  IntakeBody,
} from './case.ts';
import type { BacktestBody, BacktestLine } from './backtest.ts';
import type { Items } from './common.ts';
import type {
  CompanyAccessAnswer,
  CompanyAnswer,
  CreateCompanyBody,
  TemplateSummaryAnswer,
} from './company.ts';
import type { ImportAnswer, ImportBody } from './import.ts';
import type {
  AcceptExamplesAnswer,
  AcceptExamplesBody,
  CheckAnswer,
  DraftAnswer,
  DraftBody,
  ExampleRunAnswer,
  ImportedDraftAnswer,
  InheritanceAnswer,
  MergeAnswer,
  MergeBody,
  MigrationPreviewAnswer,
  PublishAnswer,
  PublishBody,
  PublishedVersionAnswer,
  SerialAnswer,
  SimulateBody,
  SimulationAnswer,
  VersionSummaryAnswer,
} from './policy.ts';
import type { ReportAnswer } from './report.ts';
import type {
  FiledComplaintAnswer,
  FollowAnswer,
  PublicAttachmentAnswer,
  PublicComplaintBody,
  PublicFormAnswer,
} from './public.ts';
import type {
  ChannelAnswer,
  ChannelsBody,
  ChannelTestAnswer,
  ChannelTestBody,
  MarkReadAnswer,
  MarkReadBody,
  NotificationPageAnswer,
  UnreadAnswer,
} from './notification.ts';
import type {
  CreateConsultantBody,
  CreateUserBody,
  IssuedTokenAnswer,
  IssueTokenBody,
  PrincipalAnswer,
  TokenAnswer,
  UserAnswer,
} from './user.ts';

/**
 * The health answer (GET /health): ok, or (with status 503) failing because the store's last
 * write failed or its database does not answer.
 */
export type HealthAnswer =
  | { status: 'ok'; time: string }
  | { status: 'failing'; problem: 'storage_write_failed' | 'storage_unreachable'; time: string };

/** A file the route answers with (a download), not JSON to read. */
export type FileAnswer = { readonly file: true };

/**
 * Method and path pattern (`:name` is one path segment) → the request body, the query and the
 * answer. A route without `body` takes none; 204 routes answer `undefined`.
 */
export type Routes = {
  'GET /health': { response: HealthAnswer };
  'GET /openapi.json': { response: Record<string, unknown> };
  'GET /me': { response: PrincipalAnswer };
  'GET /templates': { response: Items<TemplateSummaryAnswer> };
  'GET /companies': { response: Items<CompanyAnswer> };
  'POST /companies': { body: CreateCompanyBody; response: CompanyAnswer };
  'GET /companies/:company': { response: CompanyAccessAnswer };
  'POST /consultants': { body: CreateConsultantBody; response: UserAnswer };
  'GET /companies/:company/users': { response: Items<UserAnswer> };
  'POST /companies/:company/users': { body: CreateUserBody; response: UserAnswer };
  'GET /users/:user/tokens': { response: Items<TokenAnswer> };
  'POST /users/:user/tokens': { body: IssueTokenBody; response: IssuedTokenAnswer };
  'DELETE /users/:user/tokens/:token': { response: undefined };
  'POST /session': { body: SignInBody; response: SignedInAnswer };
  'DELETE /session': { response: undefined };
  'POST /users/:user/invitation': { body: InviteBody; response: InvitationAnswer };
  'POST /users/:user/password-reset': { response: InvitationAnswer };
  'POST /invitations/open': { body: OpenInvitationBody; response: OpenedInvitationAnswer };
  'POST /invitations/accept': { body: AcceptInvitationBody; response: SignedInAnswer };
  'GET /companies/:company/policy/draft': { response: DraftAnswer };
  'PUT /companies/:company/policy/draft': { body: DraftBody; response: DraftAnswer };
  'GET /companies/:company/policy/draft/export': { query: { form?: 'full' }; response: FileAnswer };
  'POST /companies/:company/policy/draft/import': {
    body: DraftBody;
    response: ImportedDraftAnswer;
  };
  'GET /companies/:company/policy/draft/inheritance': { response: InheritanceAnswer };
  'POST /companies/:company/policy/draft/merge': { body: MergeBody; response: MergeAnswer };
  'POST /companies/:company/policy/draft/check': { response: CheckAnswer };
  'POST /companies/:company/policy/draft/examples': { response: ExampleRunAnswer };
  'POST /companies/:company/policy/draft/examples/accept': {
    body: AcceptExamplesBody;
    response: AcceptExamplesAnswer;
  };
  'POST /companies/:company/policy/draft/simulate': {
    body: SimulateBody;
    response: SimulationAnswer;
  };
  'POST /companies/:company/policy/draft/migration-preview': { response: MigrationPreviewAnswer };
  'POST /companies/:company/policy/publish': { body: PublishBody; response: PublishAnswer };
  /** Answers NDJSON: one BacktestLine a line (progress, then the report). */
  'POST /companies/:company/policy/draft/backtest': { body: BacktestBody; response: BacktestLine };
  'GET /companies/:company/policy/versions': { response: Items<VersionSummaryAnswer> };
  /** `:period` is a numbering period: "all", YYYY, YYYY-MM or YYYY-MM-DD. */
  'GET /companies/:company/policy/serials/:period': { response: SerialAnswer };
  /** `:number` is a version number or "latest". */
  'GET /companies/:company/policy/versions/:number': { response: PublishedVersionAnswer };
  'POST /companies/:company/cases': { body: IntakeBody; response: CaseAnswer };
  'GET /companies/:company/cases': { query: CaseListQuery; response: CasePageAnswer };
  'POST /companies/:company/cases/import': { body: ImportBody; response: ImportAnswer };
  'GET /companies/:company/cases/:id': { response: CaseAnswer };
  'POST /companies/:company/cases/:id/actions': { body: ActionBody; response: CaseAnswer };
  /** Takes the file's bytes as the body, its name percent-encoded in the Attachment-Name header. */
  'POST /companies/:company/cases/:id/attachments': { body: Blob; response: AttachmentAnswer };
  'GET /companies/:company/cases/:id/attachments': { response: Items<AttachmentAnswer> };
  'GET /companies/:company/cases/:id/attachments/:attachment': { response: FileAnswer };
  /** `:period` is YYYY-MM or YYYY; with ".csv" after it the same report is a CSV file. */
  'GET /companies/:company/reports/:period': { response: ReportAnswer };
  /** The caller's notifications, unread first. */
  'GET /companies/:company/notifications': {
    query: { page?: number; pageSize?: number };
    response: NotificationPageAnswer;
  };
  'GET /companies/:company/notifications/unread': { response: UnreadAnswer };
  'POST /companies/:company/notifications/read': { body: MarkReadBody; response: MarkReadAnswer };
  /** The company's delivery channels (its administrator only), never with secrets. */
  'GET /companies/:company/channels': { response: Items<ChannelAnswer> };
  'PUT /companies/:company/channels': { body: ChannelsBody; response: Items<ChannelAnswer> };
  /** Sends a test message over a saved channel now; answers whether it went, or why not. */
  'POST /companies/:company/channels/:id/test': {
    body: ChannelTestBody;
    response: ChannelTestAnswer;
  };
  /** The public complaint form (no sign-in; 404 when the company publishes none). */
  'GET /public/:company/form': { response: PublicFormAnswer };
  'POST /public/:company/complaints': { body: PublicComplaintBody; response: FiledComplaintAnswer };
  /** `:token` is the follow link's token (`<case id>.<secret>`). */
  'GET /public/:company/complaints/:token': { response: FollowAnswer };
  /** Takes the file's bytes as the body, its name percent-encoded in Attachment-Name. */
  'POST /public/:company/complaints/:token/attachments': {
    body: Blob;
    response: PublicAttachmentAnswer;
  };
};
