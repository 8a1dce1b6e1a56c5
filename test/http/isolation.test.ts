import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../server/http/openapi.ts';
import { ADMIN_TOKEN, buildTestApp, manufacturingIntake } from '../support/test-app.ts';

// A token of company B gets 404 — not 403, not the data — for anything of company A, on every route.
describe('one company never sees another’s data', () => {
  it.each(ROUTES.filter((route) => route.path.includes('{company}')))(
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
