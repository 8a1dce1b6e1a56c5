/** Routes of a company's cases: intake, list, read, act. */
import { Hono, type Context } from 'hono';
import {
  actOnCase,
  intakeCase,
  readCase,
  type CaseView,
  type WriteOptions,
} from '../../app/cases/cases.ts';
import { listCases, type CaseQuery } from '../../app/cases/case-list.ts';
import { assertImportAccess, importCases } from '../../app/import/import-cases.ts';
import { importRequest } from './import-body.ts';
import { attachmentRoutes } from './attachments.routes.ts';
import { HttpError } from '../http-error.ts';
import { presentCase, presentCasePage, presentImport } from '../presenters/index.ts';
import {
  objectField,
  optionalInteger,
  readBody,
  requestContext,
  requiredString,
  type Env,
} from '../request.ts';

const IDEMPOTENCY_KEY = /^[\x20-\x7e]{1,200}$/;

/**
 * The request's Idempotency-Key, if it sent one.
 * @throws HttpError invalid_header unless it is 1 to 200 printable ASCII characters
 */
function idempotencyKey(c: Context<Env>): WriteOptions {
  const key = c.req.header('idempotency-key');
  if (key === undefined) return {};
  if (!IDEMPOTENCY_KEY.test(key)) {
    const message = 'must be 1 to 200 printable ASCII characters';
    throw new HttpError(
      'invalid_header',
      `Idempotency-Key ${message}`,
      [{ property: 'Idempotency-Key', message }],
      { header: 'Idempotency-Key' },
    );
  }
  return { idempotencyKey: key };
}

/** Marks an answer that replays an earlier write's outcome for a retried Idempotency-Key. */
function markReplay(c: Context<Env>, view: CaseView): void {
  if (view.replayed) c.header('Idempotent-Replayed', 'true');
}

function caseQuery(url: string): CaseQuery {
  const params = new URL(url).searchParams;
  const categories: Record<string, string> = {};
  for (const [key, value] of params)
    if (key.startsWith('category.')) categories[key.slice(9)] = value;
  const due = params.get('due');
  const sort = params.get('sort');
  if (sort !== null && sort !== 'due' && sort !== 'number')
    throw new HttpError('invalid_query', 'sort must be due or number', [
      { property: 'sort', message: 'must be one of due, number' },
    ]);
  const assignees = params.getAll('assignee').filter(Boolean);
  const number = (key: string) => (params.has(key) ? Number(params.get(key)) : undefined);
  return {
    ...(params.getAll('state').length ? { state: params.getAll('state') } : {}),
    ...(Object.keys(categories).length ? { categories } : {}),
    ...(assignees.length ? { assignee: assignees.length === 1 ? assignees[0] : assignees } : {}),
    ...(params.get('department') ? { department: params.get('department') as string } : {}),
    ...(due === 'overdue' || due === 'warning' ? { due } : {}),
    ...(params.get('month') ? { month: params.get('month') as string } : {}),
    ...(params.get('q') ? { q: params.get('q') as string } : {}),
    ...(number('page') ? { page: number('page') } : {}),
    ...(number('pageSize') ? { pageSize: number('pageSize') } : {}),
    ...(sort ? { sort } : {}),
  };
}

/** Mounted at /api/companies/:company/cases */
export function caseRoutes(): Hono<Env> {
  const routes = new Hono<Env>();
  routes.post('/', async (c) => {
    const context = await requestContext(c);
    const options = idempotencyKey(c);
    const body = await readBody(c, ['intake']);
    const created = await intakeCase(
      c.get('deps'),
      context,
      c.req.param('company') as string,
      objectField(body, 'intake', true, context.lang) ?? {},
      options,
    );
    markReplay(c, created);
    return c.json(presentCase(created, context.lang), 201);
  });
  routes.post('/import', async (c) => {
    const context = await requestContext(c);
    const company = c.req.param('company') as string;
    // Outsiders get 404 before the body is looked at, as on every route of a company.
    await assertImportAccess(c.get('deps'), context, company);
    const body = await readBody(c, ['rows', 'dryRun', 'sentTransition']);
    const result = await importCases(c.get('deps'), context, company, importRequest(body));
    return c.json(presentImport(result, context.lang));
  });
  routes.get('/', async (c) => {
    const context = await requestContext(c);
    const company = c.req.param('company') as string;
    const page = await listCases(c.get('deps'), context, company, caseQuery(c.req.url));
    return c.json(presentCasePage(page));
  });
  routes.get('/:id', async (c) => {
    const context = await requestContext(c);
    const company = c.req.param('company') as string;
    const read = await readCase(c.get('deps'), context, company, c.req.param('id'));
    return c.json(presentCase(read, context.lang));
  });
  routes.post('/:id/actions', async (c) => {
    const context = await requestContext(c);
    const options = idempotencyKey(c);
    const body = await readBody(c, ['transition', 'data', 'expectedVersion']);
    const data = objectField(body, 'data', false, context.lang);
    // A version of the wrong type is refused, not ignored: it would act on a case moved on since.
    const expectedVersion = optionalInteger(body, 'expectedVersion');
    const input = {
      transition: requiredString(body, 'transition'),
      ...(data ? { data } : {}),
      ...(expectedVersion !== undefined ? { expectedVersion } : {}),
    };
    const company = c.req.param('company') as string;
    const id = c.req.param('id');
    const acted = await actOnCase(c.get('deps'), context, company, id, input, options);
    markReplay(c, acted);
    return c.json(presentCase(acted, context.lang));
  });
  routes.route('/:id/attachments', attachmentRoutes());
  return routes;
}
