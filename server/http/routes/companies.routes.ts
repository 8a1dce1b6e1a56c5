/** Routes: templates, companies, consultants, users and their tokens, the caller. */
import { Hono } from 'hono';
import {
  createCompany,
  createConsultant,
  createUser,
  issueToken,
  listTokens,
  listCompanies,
  listUsers,
  revokeToken,
} from '../../app/companies/companies.ts';
import { companyAccess } from '../../app/access.ts';
import { HttpError } from '../http-error.ts';
import { optionalString, readBody, requestContext, requiredString, type Env } from '../request.ts';

function stringList(body: Record<string, unknown>, key: string): string[] {
  const value = body[key];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw new HttpError('invalid_body', `${key} must be a list of strings`, [
      { property: `.${key}`, message: 'must be a list of strings' },
    ]);
  }
  return value as string[];
}

/** /api/templates, /api/me, /api/companies, /api/consultants, /api/users/:user/tokens */
export function companyRoutes(): Hono<Env> {
  const routes = new Hono<Env>();
  routes.get('/templates', async (c) => {
    await requestContext(c);
    return c.json({ items: c.get('deps').templates.list() });
  });
  routes.get('/me', async (c) => c.json((await requestContext(c)).principal));
  routes.get('/companies', async (c) =>
    c.json({ items: await listCompanies(c.get('deps'), (await requestContext(c)).principal) }),
  );
  routes.post('/companies', async (c) => {
    const context = await requestContext(c);
    const body = await readBody(c, ['id', 'name', 'template']);
    const template = optionalString(body, 'template');
    const input = {
      id: requiredString(body, 'id'),
      name: requiredString(body, 'name'),
      ...(template ? { template } : {}),
    };
    return c.json(await createCompany(c.get('deps'), context, input), 201);
  });
  routes.get('/companies/:company', async (c) => {
    const context = await requestContext(c);
    const { company, roles } = await companyAccess(
      c.get('deps'),
      context.principal,
      c.req.param('company'),
    );
    return c.json({ ...company, roles });
  });
  routes.post('/consultants', async (c) => {
    const context = await requestContext(c);
    const body = await readBody(c, ['name', 'companies']);
    return c.json(
      await createConsultant(c.get('deps'), context, {
        name: requiredString(body, 'name'),
        companies: stringList(body, 'companies'),
      }),
      201,
    );
  });
  routes.get('/companies/:company/users', async (c) =>
    c.json({
      items: await listUsers(c.get('deps'), await requestContext(c), c.req.param('company')),
    }),
  );
  routes.post('/companies/:company/users', async (c) => {
    const context = await requestContext(c);
    const body = await readBody(c, ['name', 'roles', 'department']);
    const department = optionalString(body, 'department');
    const input = {
      name: requiredString(body, 'name'),
      roles: stringList(body, 'roles'),
      ...(department ? { department } : {}),
    };
    return c.json(await createUser(c.get('deps'), context, c.req.param('company'), input), 201);
  });
  routes.get('/users/:user/tokens', async (c) =>
    c.json({
      items: await listTokens(c.get('deps'), await requestContext(c), c.req.param('user')),
    }),
  );
  routes.post('/users/:user/tokens', async (c) => {
    const context = await requestContext(c);
    const body = await readBody(c, ['label']);
    return c.json(
      await issueToken(c.get('deps'), context, c.req.param('user'), optionalString(body, 'label')),
      201,
    );
  });
  routes.delete('/users/:user/tokens/:token', async (c) => {
    await revokeToken(
      c.get('deps'),
      await requestContext(c),
      c.req.param('user'),
      c.req.param('token'),
    );
    return c.body(null, 204);
  });
  return routes;
}
