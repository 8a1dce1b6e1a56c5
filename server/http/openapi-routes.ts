/** Every route of the API as the OpenAPI description lists it: method, path, summary and body. */

/** One route: its method, OpenAPI path, summary, request body schema and success status. */
export type Route = {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  summary: string;
  body?: Record<string, unknown>;
  status?: number;
  auth?: false;
};

/** A string property. */
export const str = { type: 'string' };
/** An object with these properties, no others. */
export const obj = (properties: Record<string, unknown>, required: string[] = []) => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
});

export const ROUTES: Route[] = [
  {
    method: 'get',
    path: '/api/health',
    summary: 'Health: 503 once storage has failed',
    auth: false,
  },
  { method: 'get', path: '/api/openapi.json', summary: 'This description', auth: false },
  { method: 'get', path: '/api/me', summary: 'The caller' },
  {
    method: 'get',
    path: '/api/templates',
    summary: 'Bundled policy templates: title, description, sources, assumptions and counts',
  },
  { method: 'get', path: '/api/companies', summary: 'Companies the caller may see' },
  {
    method: 'post',
    path: '/api/companies',
    summary: 'Create a company, optionally from a template (platform administrator)',
    body: obj({ id: str, name: str, template: str }, ['id', 'name']),
    status: 201,
  },
  {
    method: 'get',
    path: '/api/companies/{company}',
    summary: 'A company and the caller’s roles in it',
  },
  {
    method: 'post',
    path: '/api/consultants',
    summary: 'Add a consultant with access to companies',
    body: obj({ name: str, companies: { type: 'array', items: str } }, ['name', 'companies']),
    status: 201,
  },
  { method: 'get', path: '/api/companies/{company}/users', summary: 'The company’s users' },
  {
    method: 'post',
    path: '/api/companies/{company}/users',
    summary: 'Add a user with roles from the policy',
    body: obj({ name: str, roles: { type: 'array', items: str }, department: str, email: str }, [
      'name',
      'roles',
    ]),
    status: 201,
  },
  {
    method: 'get',
    path: '/api/users/{user}/tokens',
    summary: 'The user’s tokens (never their secrets)',
  },
  {
    method: 'post',
    path: '/api/users/{user}/tokens',
    summary: 'Issue an API token (the secret is shown once)',
    body: obj({ label: str }),
    status: 201,
  },
  {
    method: 'delete',
    path: '/api/users/{user}/tokens/{token}',
    summary: 'Revoke a token',
    status: 204,
  },
  {
    method: 'post',
    path: '/api/session',
    summary: 'Sign in with a login (or e-mail) and password: sets the studio’s session cookie',
    body: obj({ login: str, password: str }, ['login', 'password']),
    auth: false,
  },
  {
    method: 'delete',
    path: '/api/session',
    summary: 'Sign out: ends the session of the cookie',
    status: 204,
    auth: false,
  },
  {
    method: 'post',
    path: '/api/users/{user}/invitation',
    summary: 'A one-time link for the user to set a password (administrators)',
    body: obj({ login: str, email: str }, ['login']),
    status: 201,
  },
  {
    method: 'post',
    path: '/api/users/{user}/password-reset',
    summary: 'Reset the password: a new one-time link; the user’s sessions end',
    status: 201,
  },
  {
    method: 'post',
    path: '/api/invitations/open',
    summary: 'Whom an invitation link is for',
    body: obj({ secret: str }, ['secret']),
    auth: false,
  },
  {
    method: 'post',
    path: '/api/invitations/accept',
    summary: 'Set the password from an invitation link and sign in',
    body: obj({ secret: str, password: str }, ['secret', 'password']),
    auth: false,
  },
  { method: 'get', path: '/api/companies/{company}/policy/draft', summary: 'The policy draft' },
  {
    method: 'put',
    path: '/api/companies/{company}/policy/draft',
    summary: 'Replace the draft (optimistic version)',
    body: obj({ document: { type: 'object' }, expectedVersion: { type: 'integer' } }, [
      'document',
      'expectedVersion',
    ]),
  },
  {
    method: 'get',
    path: '/api/companies/{company}/policy/draft/export',
    summary:
      'The draft as a JSON file to download (form=full: the full policy an extends-form draft resolves to)',
  },
  {
    method: 'post',
    path: '/api/companies/{company}/policy/draft/import',
    summary:
      'Replace the draft with a policy document, full or in extends form, after validating it (optimistic version)',
    body: obj({ document: { type: 'object' }, expectedVersion: { type: 'integer' } }, [
      'document',
      'expectedVersion',
    ]),
  },
  {
    method: 'get',
    path: '/api/companies/{company}/policy/draft/inheritance',
    summary:
      'Which parts of the draft are inherited from its template, overridden, added or removed',
  },
  {
    method: 'post',
    path: '/api/companies/{company}/policy/draft/merge',
    summary:
      'Merge the current version of a template into the draft: the merged draft and the conflicts (apply: save it)',
    body: obj({ template: str, apply: { type: 'boolean' }, expectedVersion: { type: 'integer' } }, [
      'template',
    ]),
  },
  {
    method: 'post',
    path: '/api/companies/{company}/policy/draft/check',
    summary: 'Check the draft: every problem with its path',
  },
  {
    method: 'post',
    path: '/api/companies/{company}/policy/draft/examples',
    summary: 'Run the draft’s examples',
  },
  {
    method: 'post',
    path: '/api/companies/{company}/policy/draft/examples/accept',
    summary: 'Accept what the draft now does as the failing examples’ expectations',
    body: obj({ ids: { type: 'array', items: str }, expectedVersion: { type: 'integer' } }, [
      'expectedVersion',
    ]),
  },
  {
    method: 'post',
    path: '/api/companies/{company}/policy/draft/simulate',
    summary: 'Run a complaint through the draft and explain it (nothing is saved)',
    body: obj({ intake: { type: 'object' }, steps: { type: 'array' }, receivedAt: str, at: str }, [
      'intake',
    ]),
  },
  {
    method: 'post',
    path: '/api/companies/{company}/policy/draft/migration-preview',
    summary:
      'What moving the open cases to the draft would change: due times, approvers still to approve, and the cases the draft cannot carry with why (nothing is saved)',
  },
  {
    method: 'post',
    path: '/api/companies/{company}/policy/draft/backtest',
    summary:
      'Replay stored cases of a period (or a sample) through the draft and report what would change (nothing is saved)',
    body: obj({
      from: { type: 'string', format: 'date' },
      to: { type: 'string', format: 'date' },
      sample: { type: 'integer', minimum: 1, maximum: 100000 },
      document: { type: 'object' },
    }),
  },
  {
    method: 'post',
    path: '/api/companies/{company}/policy/publish',
    summary:
      'Publish the draft as the next immutable version, storing what changed; openCases=move moves the open cases it can carry to it (each audited as "migratePolicy")',
    body: obj({ note: str, openCases: { type: 'string', enum: ['keep', 'move'] } }, ['note']),
    status: 201,
  },
  {
    method: 'get',
    path: '/api/companies/{company}/policy/versions',
    summary: 'Published versions: who, when, the note and what changed, in the caller’s language',
  },
  {
    method: 'get',
    path: '/api/companies/{company}/policy/serials/{period}',
    summary:
      'The last serial given in a numbering period ("all", YYYY, YYYY-MM or YYYY-MM-DD): what the numbering preview starts from',
  },
  {
    method: 'get',
    path: '/api/companies/{company}/policy/versions/{number}',
    summary: 'One published version (or "latest") with its changes',
  },
  {
    method: 'post',
    path: '/api/companies/{company}/cases',
    summary:
      'Register a complaint through the intake form; an Idempotency-Key header makes a retry answer the first intake’s case (Idempotent-Replayed: true), never a second case',
    body: obj({ intake: { type: 'object' } }, ['intake']),
    status: 201,
  },
  {
    method: 'get',
    path: '/api/companies/{company}/cases',
    summary:
      'List cases: state, category.<dimension>, assignee (repeatable: any of), department, due=overdue|warning, month, q, sort=due|number, page, pageSize',
  },
  {
    method: 'post',
    path: '/api/companies/{company}/cases/import',
    summary:
      'Import old records (company administrator): each row opened under the policy as of its received time, moved through its steps each at its time, numbered, audited as "import"; idempotent by externalKey; dryRun writes nothing; refused rows come back as {row, key, code, message, field}',
    body: obj(
      {
        rows: {
          type: 'array',
          maxItems: 500,
          items: obj(
            {
              row: { type: 'integer' },
              externalKey: str,
              receivedAt: str,
              sentAt: str,
              steps: {
                type: 'array',
                items: obj({ transition: str, at: str, data: { type: 'object' } }, [
                  'transition',
                  'at',
                ]),
              },
              intake: { type: 'object' },
              categories: { type: 'object', additionalProperties: str },
            },
            ['row', 'externalKey', 'receivedAt', 'intake'],
          ),
        },
        dryRun: { type: 'boolean' },
        sentTransition: str,
      },
      ['rows'],
    ),
  },
  {
    method: 'get',
    path: '/api/companies/{company}/cases/{id}',
    summary: 'A case with decisions, clocks, approvals, actions and audit trail',
  },
  {
    method: 'post',
    path: '/api/companies/{company}/cases/{id}/actions',
    summary:
      'Take a workflow action; an Idempotency-Key header makes a retry answer the case without acting twice (Idempotent-Replayed: true)',
    body: obj({ transition: str, data: { type: 'object' }, expectedVersion: { type: 'integer' } }, [
      'transition',
    ]),
  },
  {
    method: 'post',
    path: '/api/companies/{company}/cases/{id}/attachments',
    summary:
      'Attach a file: the raw bytes as the body, the name percent-encoded in Attachment-Name; the type is judged from the content against the policy (attachments: maxBytes, types, maxPerCase)',
    status: 201,
  },
  {
    method: 'get',
    path: '/api/companies/{company}/cases/{id}/attachments',
    summary: 'The files on a case (metadata), in the order added',
  },
  {
    method: 'get',
    path: '/api/companies/{company}/cases/{id}/attachments/{attachment}',
    summary: 'Download a file of a case',
  },
  {
    method: 'get',
    path: '/api/companies/{company}/reports/{period}',
    summary:
      'Monthly (YYYY-MM) or annual (YYYY) report, with counts per month and assessment rows; add .csv for CSV (UTF-8 with BOM) in the language of ?lang= (zh-CN or en) or Accept-Language: labels, then codes in their own columns',
  },
  {
    method: 'get',
    path: '/api/companies/{company}/notifications',
    summary:
      'The caller’s notifications (rule notify, 催办 reminders, clock warnings and escalations), unread first; ?page=&pageSize= (1–200)',
  },
  {
    method: 'get',
    path: '/api/companies/{company}/notifications/unread',
    summary: 'How many of the caller’s notifications are unread',
  },
  {
    method: 'post',
    path: '/api/companies/{company}/notifications/read',
    summary: 'Mark the caller’s notifications read: those of ids, or all when ids is absent',
    body: obj({ ids: { type: 'array', items: str, maxItems: 500 } }),
  },
  {
    method: 'get',
    path: '/api/companies/{company}/channels',
    summary:
      'The company’s delivery channels (administrator only): e-mail (SMTP), signed webhook, DingTalk, WeCom, Feishu; secrets never answered',
  },
  {
    method: 'put',
    path: '/api/companies/{company}/channels',
    summary:
      'Replace the delivery channels (administrator only); a channel given again by id without url, secret or password keeps the stored one',
    body: obj({ channels: { type: 'array', maxItems: 20, items: { type: 'object' } } }, [
      'channels',
    ]),
  },
  {
    method: 'post',
    path: '/api/companies/{company}/channels/{id}/test',
    summary:
      'Send a test message over a saved channel now (administrator only); e-mail goes to `to` or the caller’s address',
    body: obj({ to: str }),
  },
  {
    method: 'get',
    path: '/api/public/{company}/form',
    summary:
      'The company’s public complaint form (no sign-in): its public intake fields, title and introduction in Accept-Language, the hidden field and the file limits',
    auth: false,
  },
  {
    method: 'post',
    path: '/api/public/{company}/complaints',
    summary:
      'File a complaint on the public form (no sign-in; channel web, by the public): 5 per client address within 10 minutes of the last; the hidden field must be empty',
    body: obj({ intake: { type: 'object' }, website: str }, ['intake']),
    status: 201,
    auth: false,
  },
  {
    method: 'get',
    path: '/api/public/{company}/complaints/{token}',
    summary: 'Follow a complaint with the token of its follow link (no sign-in)',
    auth: false,
  },
  {
    method: 'post',
    path: '/api/public/{company}/complaints/{token}/attachments',
    summary:
      'Add a file with the follow link within an hour of filing, when the public form takes files: raw bytes, name in Attachment-Name, type judged from the content',
    status: 201,
    auth: false,
  },
];
