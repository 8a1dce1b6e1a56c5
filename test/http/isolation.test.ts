import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../server/http/openapi.ts';
import { companyFrom, fileComplaint, webComplaint } from '../support/public-form.ts';
import { ADMIN_TOKEN, buildTestApp, manufacturingIntake } from '../support/test-app.ts';

// A token of company B gets 404 — not 403, not the data — for anything of company A, on every route.
describe('one company never sees another’s data', () => {
  it.each(ROUTES.filter((route) => route.path.startsWith('/api/companies/{company}')))(
    '$method $path',
    async (route) => {
      const t = await buildTestApp();
      await t.call('POST', '/api/companies', {
        token: ADMIN_TOKEN,
        body: { id: 'other', name: 'Other', template: 'starter' },
      });
      const outsider = await t.userWith('other', 'admin', 'clerk', 'supervisor', 'manager');
      const insider = await t.userWith('demo', 'sales');
      const intake = manufacturingIntake();
      const id = (
        await t.call('POST', '/api/companies/demo/cases', { token: insider, body: { intake } })
      ).body.case.id;
      const path = route.path
        .replace('{company}', 'demo')
        .replace('{id}', id)
        .replace('{number}', '1');
      const body = route.body
        ? {
            transition: 'register',
            intake,
            name: 'x',
            roles: ['sales'],
            document: {},
            expectedVersion: 1,
            note: 'n',
            data: {},
          }
        : undefined;
      const allowed = route.body
        ? Object.keys((route.body as { properties: object }).properties)
        : [];
      const filtered = body
        ? Object.fromEntries(Object.entries(body).filter(([key]) => allowed.includes(key)))
        : undefined;
      const response = await t.call(route.method.toUpperCase(), path, {
        token: outsider,
        ...(filtered ? { body: filtered } : {}),
      });
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('not_found');
      expect(JSON.stringify(response.body)).not.toContain(id);
      expect(
        (await t.call('GET', `/api/companies/demo/cases/${id}`, { token: insider })).body.version,
      ).toBe(1);
    },
  );
});

// The public routes take no token: a follow link of company A gets 404 on company B's routes (both
// with a public form), and B's answers hold nothing of A's.
describe('a company’s public form never reaches another’s complaints', () => {
  it.each(ROUTES.filter((route) => route.path.startsWith('/api/public/')))(
    '$method $path',
    async (route) => {
      const t = await buildTestApp();
      await companyFrom(t, 'shop', 'electronics-after-sales');
      await companyFrom(t, 'other', 'starter');
      const filed = await fileComplaint(t, 'shop', webComplaint());
      const token = filed.body.followToken as string;
      const path = route.path.replace('{company}', 'other').replace('{token}', token);
      const response = await t.app.request(path, {
        method: route.method.toUpperCase(),
        headers: { 'content-type': 'application/json', 'attachment-name': 'a.png' },
        ...(route.method === 'post'
          ? { body: JSON.stringify({ intake: { customerName: 'x' } }) }
          : {}),
      });
      const text = await response.text();
      expect(text).not.toContain(filed.body.number);
      expect(text).not.toContain(token.split('.')[0]);
      if (route.path.includes('{token}')) expect(response.status).toBe(404);
      const [listed] = (await t.call('GET', '/api/companies/shop/cases', { token: ADMIN_TOKEN }))
        .body.items;
      expect(await t.deps.store.attachments.list('shop', listed.id)).toEqual([]);
      const others = await t.call('GET', '/api/companies/other/cases', { token: ADMIN_TOKEN });
      expect(others.body.total).toBe(0);
    },
  );
});
