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
import { signInStates } from '../../app/accounts/sign-in-states.ts';
import { HttpError } from '../http-error.ts';
import {
  presentCompany,
  presentCompanyAccess,
  presentPrincipal,
  presentTemplateSummary,
  presentToken,
  presentUser,
} from '../presenters/index.ts';
import { optionalString, readBody, requestContext, requiredString, type Env } from '../request.ts';

/** An e-mail address as a user's record takes it: something@somewhere, no spaces. */
const EMAIL = /^[^\s@]+@[^\s@]+$/;

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
    return c.json({ items: c.get('deps').templates.list().map(presentTemplateSummary) });
  });
  routes.get('/me', async (c) => c.json(presentPrincipal((await requestContext(c)).principal)));
  routes.get('/companies', async (c) => {
    const { principal } = await requestContext(c);
    return c.json({ items: (await listCompanies(c.get('deps'), principal)).map(presentCompany) });
  });
  routes.post('/companies', async (c) => {
    const context = await requestContext(c);
    const body = await readBody(c, ['id', 'name', 'template']);
    const template = optionalString(body, 'template');
    const input = {
      id: requiredString(body, 'id'),
      name: requiredString(body, 'name'),
      ...(template ? { template } : {}),
    };
    return c.json(presentCompany(await createCompany(c.get('deps'), context, input)), 201);
  });
  routes.get('/companies/:company', async (c) => {
    const context = await requestContext(c);
    const { company, roles } = await companyAccess(
      c.get('deps'),
      context.principal,
      c.req.param('company'),
    );
    return c.json(presentCompanyAccess(company, roles));
  });
  routes.post('/consultants', async (c) => {
    const context = await requestContext(c);
    const body = await readBody(c, ['name', 'companies']);
    const consultant = await createConsultant(c.get('deps'), context, {
      name: requiredString(body, 'name'),
      companies: stringList(body, 'companies'),
    });
    return c.json(presentUser(consultant), 201);
  });
  routes.get('/companies/:company/users', async (c) => {
    const users = await listUsers(c.get('deps'), await requestContext(c), c.req.param('company'));
    const states = await signInStates(c.get('deps'), users);
    return c.json({ items: users.map((user) => presentUser(user, states.get(user.id))) });
  });
  routes.post('/companies/:company/users', async (c) => {
    const context = await requestContext(c);
    const body = await readBody(c, ['name', 'roles', 'department', 'email']);
    const department = optionalString(body, 'department');
    const email = optionalString(body, 'email');
    if (email !== undefined && !EMAIL.test(email))
      throw new HttpError('invalid_body', 'email is not an e-mail address', [
        { property: '.email', message: 'not an e-mail address' },
      ]);
    const input = {
      name: requiredString(body, 'name'),
      roles: stringList(body, 'roles'),
      ...(department ? { department } : {}),
      ...(email ? { email } : {}),
    };
    const user = await createUser(c.get('deps'), context, c.req.param('company'), input);
    return c.json(presentUser(user), 201);
  });
  routes.get('/users/:user/tokens', async (c) => {
    const tokens = await listTokens(c.get('deps'), await requestContext(c), c.req.param('user'));
    return c.json({ items: tokens.map(presentToken) });
  });
  routes.post('/users/:user/tokens', async (c) => {
    const context = await requestContext(c);
    const body = await readBody(c, ['label']);
    const label = optionalString(body, 'label');
    const { token, id } = await issueToken(c.get('deps'), context, c.req.param('user'), label);
    return c.json({ token, id }, 201);
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
