/**
 * What each route answers, in words, for the API description: keyed by the contract's routes, so a
 * route added to the contract without its answer described fails the type check.
 */
import type { Routes } from './contract/routes.ts';

/** The answer of every route of the contract, named by its contract type. */
export const ANSWERS: { [K in keyof Routes]: string } = {
  'GET /health':
    'HealthAnswer: ok and the server time; 503 with the problem when storage has failed',
  'GET /openapi.json': 'This document',
  'GET /me': 'PrincipalAnswer: the caller, their company and roles',
  'GET /templates': 'Items<TemplateSummaryAnswer>: each bundled template',
  'GET /companies': 'Items<CompanyAnswer>',
  'POST /companies': 'CompanyAnswer: the company created',
  'GET /companies/:company': 'CompanyAccessAnswer: the company and the caller’s roles in it',
  'POST /consultants': 'UserAnswer: the consultant added',
  'GET /companies/:company/users': 'Items<UserAnswer>',
  'POST /companies/:company/users': 'UserAnswer: the user added',
  'GET /users/:user/tokens': 'Items<TokenAnswer>: never a secret nor its hash',
  'POST /users/:user/tokens': 'IssuedTokenAnswer: the secret, shown this once',
  'DELETE /users/:user/tokens/:token': 'No content',
  'POST /session':
    'SignedInAnswer: the caller; sets the HttpOnly session cookie (429 sign_in_delayed with Retry-After after 5 wrong passwords)',
  'DELETE /session': 'No content; the session is ended and its cookie cleared',
  'POST /users/:user/invitation':
    'InvitationAnswer: the one-time link’s path (#/invitation/<secret>), shown this once',
  'POST /users/:user/password-reset':
    'InvitationAnswer: a new one-time link; the old password and every session of the user end',
  'POST /invitations/open': 'OpenedInvitationAnswer: whom the link is for, while it can be used',
  'POST /invitations/accept':
    'SignedInAnswer: the password is set, the link used up and the session cookie set',
  'GET /companies/:company/policy/draft': 'DraftAnswer: the document and its version',
  'PUT /companies/:company/policy/draft': 'DraftAnswer: the draft as saved',
  'GET /companies/:company/policy/draft/export': 'The draft as a JSON file (a download)',
  'POST /companies/:company/policy/draft/import':
    'ImportedDraftAnswer: the draft as saved and its check problems',
  'GET /companies/:company/policy/draft/inheritance':
    'InheritanceAnswer: the template it extends and where each part comes from',
  'POST /companies/:company/policy/draft/merge':
    'MergeAnswer: the merged document and policy, conflicts, problems, the saved version if applied',
  'POST /companies/:company/policy/draft/check':
    'CheckAnswer: ok, every problem, and warnings (a numbering change that can repeat a number)',
  'POST /companies/:company/policy/draft/examples': 'ExampleRunAnswer: passed, failed, each result',
  'POST /companies/:company/policy/draft/examples/accept':
    'AcceptExamplesAnswer: the draft as saved, the examples accepted and refused',
  'POST /companies/:company/policy/draft/simulate':
    'SimulationAnswer: decisions with why, the approver chain, every clock',
  'POST /companies/:company/policy/draft/migration-preview':
    'MigrationPreviewAnswer: counts over the open cases; those whose due times or approvers would change, and those that cannot move and why',
  'POST /companies/:company/policy/publish':
    'PublishAnswer: the version published with its changes, and the open cases moved and left',
  'GET /companies/:company/policy/versions':
    'Items<VersionSummaryAnswer>, oldest first: who, when, the note and the changes in words',
  'POST /companies/:company/policy/draft/backtest':
    'NDJSON, one BacktestLine a line: progress lines, then the report (totals, tables, affected cases)',
  'GET /companies/:company/policy/serials/:period':
    'SerialAnswer: the period and its last serial (0 when none was given)',
  'GET /companies/:company/policy/versions/:number':
    'PublishedVersionAnswer: the version with its full policy',
  'POST /companies/:company/cases': 'CaseAnswer: the case registered, numbered and evaluated',
  'GET /companies/:company/cases':
    'CasePageAnswer: a page of CaseSummaryAnswer, soonest due first (sort=number: by period and serial), with the assignees’ names',
  'POST /companies/:company/cases/import':
    'ImportAnswer: counts, the rows refused and the cases opened',
  'GET /companies/:company/cases/:id':
    'CaseAnswer: the case with its clocks, actions (each allowed now or with its refusal), decisions and audit trail',
  'POST /companies/:company/cases/:id/actions': 'CaseAnswer: the case after the action',
  'POST /companies/:company/cases/:id/attachments': 'AttachmentAnswer: the file stored (201)',
  'GET /companies/:company/cases/:id/attachments': 'Items<AttachmentAnswer>, in the order added',
  'GET /companies/:company/cases/:id/attachments/:attachment':
    'The file (a download: Content-Disposition attachment, X-Content-Type-Options nosniff)',
  'GET /companies/:company/reports/:period': 'ReportAnswer, or with .csv a CSV file',
  'GET /companies/:company/notifications':
    'NotificationPageAnswer: a page of the caller’s notifications, unread first then newest, with the unread count',
  'GET /companies/:company/notifications/unread': 'UnreadAnswer: the caller’s unread count',
  'POST /companies/:company/notifications/read':
    'MarkReadAnswer: how many were marked read and how many stay unread',
  'GET /companies/:company/channels':
    'Items<ChannelAnswer>: the delivery channels without passwords, secrets or URL tokens',
  'PUT /companies/:company/channels':
    'Items<ChannelAnswer>: the channels as saved, without secrets',
  'POST /companies/:company/channels/:id/test':
    'ChannelTestAnswer: { sent: true, at } or { sent: false, error } with the sender’s error',
  'GET /public/:company/form':
    'PublicFormAnswer: the company, the public fields of its intake form, the hidden field’s name and the file limits; 404 when it publishes no public form',
  'POST /public/:company/complaints':
    'FiledComplaintAnswer: the case number and the follow link’s token, shown this once (201); 429 too_many_complaints with Retry-After',
  'GET /public/:company/complaints/:token':
    'FollowAnswer: number, received time, state in words, replied, closed, files; nothing internal',
  'POST /public/:company/complaints/:token/attachments':
    'PublicAttachmentAnswer: the file stored (201); 409 public_upload_closed after the window',
};

/** The contract's key of an OpenAPI route (`/api/companies/{company}` → `GET /companies/:company`). */
export function contractKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${path.replace(/^\/api/, '').replace(/\{(\w+)\}/g, ':$1')}`;
}
