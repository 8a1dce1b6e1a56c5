/** Routes of a company's policy: the draft, its check and examples, publishing, versions. */
import { Hono } from 'hono';
import {
  checkDraft,
  getDraft,
  replaceDraft,
  runDraftExamples,
} from '../../app/policies/policy-lifecycle.ts';
import {
  OPEN_CASES,
  previewMigration,
  publishDraftWithCases,
  type OpenCases,
} from '../../app/policies/policy-migration.ts';
import { lastSerial } from '../../app/policies/numbering-serial.ts';
import { listVersionHistory, readVersionWithHistory } from '../../app/policies/version-history.ts';
import { acceptDraftExampleResults } from '../../app/policies/policy-examples-accept.ts';
import { simulateDraft, type SimulationInput } from '../../app/policies/policy-simulate.ts';
import {
  draftInheritance,
  exportDraft,
  importDraft,
  mergeDraft,
} from '../../app/policies/policy-inheritance.ts';
import { HttpError } from '../http-error.ts';
import { backtestHandler } from './backtest-stream.ts';
import {
  presentAcceptedExamples,
  presentCheck,
  presentDraft,
  presentExampleRun,
  presentImportedDraft,
  presentInheritance,
  presentMerge,
  presentMigrationPreview,
  presentPublish,
  presentPublishedVersion,
  presentSimulation,
  presentVersionSummary,
} from '../presenters/index.ts';
import {
  objectField,
  optionalString,
  readBody,
  requestContext,
  requiredString,
  type Env,
} from '../request.ts';

const isOpenCases = (value: string): value is OpenCases =>
  (OPEN_CASES as readonly string[]).includes(value);

/** Mounted at /api/companies/:company/policy */
export function policyRoutes(): Hono<Env> {
  const routes = new Hono<Env>();
  const company = (c: { req: { param: (key: 'company') => string } }) => c.req.param('company');
  routes.get('/draft', async (c) =>
    c.json(presentDraft(await getDraft(c.get('deps'), await requestContext(c), company(c)))),
  );
  routes.get('/draft/export', async (c) => {
    const form = c.req.query('form') === 'full' ? 'full' : 'stored';
    const { filename, document } = await exportDraft(
      c.get('deps'),
      await requestContext(c),
      company(c),
      form,
    );
    c.header('content-disposition', `attachment; filename="${filename}"`);
    return c.body(JSON.stringify(document, null, 2) + '\n', 200, {
      'content-type': 'application/json; charset=utf-8',
    });
  });
  routes.post('/draft/import', async (c) => {
    const context = await requestContext(c);
    const body = await readBody(c, ['document', 'expectedVersion']);
    const { document, expectedVersion } = body;
    const imported = await importDraft(
      c.get('deps'),
      context,
      company(c),
      document,
      expectedVersion,
    );
    return c.json(presentImportedDraft(imported, context.lang));
  });
  routes.get('/draft/inheritance', async (c) => {
    const inheritance = await draftInheritance(c.get('deps'), await requestContext(c), company(c));
    return c.json(presentInheritance(inheritance));
  });
  routes.post('/draft/merge', async (c) => {
    const context = await requestContext(c);
    const body = await readBody(c, ['template', 'apply', 'expectedVersion']);
    const { template, apply, expectedVersion } = body;
    const merge = await mergeDraft(c.get('deps'), context, company(c), {
      template,
      apply,
      expectedVersion,
    });
    return c.json(presentMerge(merge, context.lang));
  });
  routes.put('/draft', async (c) => {
    const context = await requestContext(c);
    const body = await readBody(c, ['document', 'expectedVersion']);
    if (typeof body.expectedVersion !== 'number')
      throw new HttpError('invalid_body', 'expectedVersion is required', [
        { property: '.expectedVersion', message: 'required number' },
      ]);
    if (body.document === undefined)
      throw new HttpError('invalid_body', 'document is required', [
        { property: '.document', message: 'required' },
      ]);
    const { expectedVersion } = body;
    const draft = await replaceDraft(
      c.get('deps'),
      context,
      company(c),
      body.document,
      expectedVersion,
    );
    return c.json(presentDraft(draft));
  });
  routes.post('/draft/check', async (c) => {
    const context = await requestContext(c);
    const checked = await checkDraft(c.get('deps'), context, company(c));
    return c.json(presentCheck(checked, context.lang));
  });
  routes.post('/draft/examples', async (c) => {
    const results = await runDraftExamples(c.get('deps'), await requestContext(c), company(c));
    return c.json(presentExampleRun(results));
  });
  routes.post('/draft/examples/accept', async (c) => {
    const context = await requestContext(c);
    const body = await readBody(c, ['ids', 'expectedVersion']);
    if (typeof body.expectedVersion !== 'number')
      throw new HttpError('invalid_body', 'expectedVersion is required', [
        { property: '.expectedVersion', message: 'required number' },
      ]);
    const ids = body.ids;
    if (ids !== undefined && (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string')))
      throw new HttpError('invalid_body', 'ids must be a list of example ids', [
        { property: '.ids', message: 'must be an array of strings' },
      ]);
    const outcome = await acceptDraftExampleResults(c.get('deps'), context, company(c), {
      ...(ids ? { ids: ids as string[] } : {}),
      expectedVersion: body.expectedVersion,
    });
    return c.json(presentAcceptedExamples(outcome));
  });
  routes.post('/draft/simulate', async (c) => {
    const context = await requestContext(c);
    const body = await readBody(c, ['intake', 'steps', 'receivedAt', 'at']);
    const intake = objectField(body, 'intake', true, context.lang) ?? {};
    if (body.steps !== undefined && !Array.isArray(body.steps))
      throw new HttpError('invalid_body', 'steps must be an array', [
        { property: '.steps', message: 'must be an array' },
      ]);
    const receivedAt = optionalString(body, 'receivedAt');
    const at = optionalString(body, 'at');
    const explanation = await simulateDraft(c.get('deps'), context, company(c), {
      intake,
      ...(body.steps ? { steps: body.steps as SimulationInput['steps'] } : {}),
      ...(receivedAt ? { receivedAt } : {}),
      ...(at ? { at } : {}),
    });
    return c.json(presentSimulation(explanation));
  });
  routes.post('/draft/migration-preview', async (c) => {
    const context = await requestContext(c);
    const preview = await previewMigration(c.get('deps'), context, company(c));
    return c.json(presentMigrationPreview(preview, context.lang));
  });
  routes.post('/draft/backtest', backtestHandler);
  routes.post('/publish', async (c) => {
    const context = await requestContext(c);
    const body = await readBody(c, ['note', 'openCases']);
    const note = requiredString(body, 'note');
    const openCases = optionalString(body, 'openCases') ?? 'keep';
    if (!isOpenCases(openCases))
      throw new HttpError('invalid_body', `openCases must be one of ${OPEN_CASES.join(', ')}`, [
        { property: '.openCases', message: `must be one of ${OPEN_CASES.join(', ')}` },
      ]);
    const published = await publishDraftWithCases(
      c.get('deps'),
      context,
      company(c),
      note,
      openCases,
    );
    return c.json(presentPublish(published, context.lang), 201);
  });
  routes.get('/serials/:period', async (c) => {
    const context = await requestContext(c);
    return c.json(await lastSerial(c.get('deps'), context, company(c), c.req.param('period')));
  });
  routes.get('/versions', async (c) => {
    const context = await requestContext(c);
    const versions = await listVersionHistory(c.get('deps'), context, company(c));
    return c.json({ items: versions.map((v) => presentVersionSummary(v, context.lang)) });
  });
  routes.get('/versions/:number', async (c) => {
    const raw = c.req.param('number');
    const number = raw === 'latest' ? 'latest' : Number(raw);
    if (number !== 'latest' && !Number.isInteger(number))
      throw new HttpError('route_not_found', `version ${raw}`);
    const context = await requestContext(c);
    const version = await readVersionWithHistory(c.get('deps'), context, company(c), number);
    return c.json(presentPublishedVersion(version, context.lang));
  });
  return routes;
}
