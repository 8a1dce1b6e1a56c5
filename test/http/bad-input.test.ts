// Bad input on every route that takes a JSON body (accounts, channels and notifications included):
// malformed JSON, a required field left out and a field of the wrong type each get a 400 with a
// code, and the field is named; nothing changes (the case, the draft, the users, the channels).
import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../server/http/openapi.ts';
import { ADMIN_TOKEN, buildTestApp, manufacturingIntake } from '../support/test-app.ts';

type Property = { type?: string; enum?: string[] };
type Schema = { properties: Record<string, Property>; required?: string[] };

/** Values the routes accept for their fields, where any value of the type would not do. */
const GOOD: Record<string, unknown> = {
  email: 'li.na@example.com',
  transition: 'register',
  template: 'starter',
  intake: manufacturingIntake(),
};

/** A value of the right type (and, where it matters, a good one) for a property. */
function goodFor(name: string, property: Property): unknown {
  if (name in GOOD) return GOOD[name];
  if (property.enum) return property.enum[0];
  const byType: Record<string, unknown> = { string: 'x', integer: 1, boolean: true, array: [] };
  return byType[property.type ?? ''] ?? {};
}

const WITH_BODY = ROUTES.filter((route) => route.body !== undefined);

/** A value of the wrong JSON type for a property declared as `type`. */
function wrongFor(type: string | undefined): unknown {
  return type === 'string' ? 12 : type === 'array' ? 'x' : 'x';
}

/** What a request can change: the case, the draft, the users, the channels, the invitations. */
async function snapshot(t: Awaited<ReturnType<typeof buildTestApp>>, caseId: string) {
  const read = (path: string) => t.call('GET', path, { token: ADMIN_TOKEN });
  return JSON.stringify([
    (await read(`/api/companies/demo/cases/${caseId}`)).body.version,
    (await read('/api/companies/demo/policy/draft')).body.version,
    (await read('/api/companies/demo/policy/versions')).body,
    (await read('/api/companies/demo/users')).body,
    (await read('/api/companies/demo/channels')).body,
    (await read('/api/companies')).body,
  ]);
}

async function setUp() {
  const t = await buildTestApp();
  const sales = await t.userWith('demo', 'sales');
  const created = await t.call('POST', '/api/companies/demo/cases', {
    token: sales,
    body: { intake: manufacturingIntake() },
  });
  await t.call('PUT', '/api/companies/demo/channels', {
    token: ADMIN_TOKEN,
    body: { channels: [{ id: 'hook', kind: 'webhook', url: 'http://127.0.0.1:9/', secret: 's' }] },
  });
  const users = await t.call('GET', '/api/companies/demo/users', { token: ADMIN_TOKEN });
  const user = users.body.items?.[0]?.id ?? users.body[0]?.id;
  const caseId = created.body.case.id as string;
  const pathOf = (path: string) =>
    path
      .replace('/channels/{id}', '/channels/hook')
      .replace('{company}', 'demo')
      .replace('{id}', caseId)
      .replace('{user}', String(user))
      .replace('{number}', '1')
      .replace('{token}', 'nope')
      .replace('{attachment}', 'nope');
  return { t, caseId, pathOf };
}

describe('bad input on every route with a body', () => {
  it.each(WITH_BODY)('$method $path', async (route) => {
    const { t, caseId, pathOf } = await setUp();
    const schema = route.body as Schema;
    const path = pathOf(route.path);
    const before = await snapshot(t, caseId);
    const send = (body: unknown, headers: Record<string, string> = {}) =>
      t.call(route.method.toUpperCase(), path, {
        ...(route.auth === false ? {} : { token: ADMIN_TOKEN }),
        body,
        headers,
      });

    const malformed = await send('{"x": ', { 'content-type': 'application/json' });
    expect(malformed.status, JSON.stringify(malformed.body)).toBe(400);
    expect(malformed.body.error.code).toBe('malformed_json');

    const valid: Record<string, unknown> = {};
    for (const [name, property] of Object.entries(schema.properties))
      valid[name] = goodFor(name, property);
    for (const name of schema.required ?? []) {
      const { [name]: _left, ...rest } = valid;
      const missing = await send(rest);
      expect(missing.status, `${name} left out: ${JSON.stringify(missing.body)}`).toBe(400);
      expect(missing.body.error.code).toEqual(expect.any(String));
      expect(JSON.stringify(missing.body.error), `${name} named`).toContain(name);
    }
    for (const [name, property] of Object.entries(schema.properties)) {
      if (!property.type || property.type === 'object') continue;
      const wrong = await send({ ...valid, [name]: wrongFor(property.type) });
      expect(wrong.status, `${name} of the wrong type: ${JSON.stringify(wrong.body)}`).toBe(400);
      expect(JSON.stringify(wrong.body.error), `${name} named`).toContain(name);
      // Said in the caller's language (Chinese by default), the field's own message too.
      for (const field of wrong.body.error.fieldErrors ?? [])
        expect(field.message, `${name}: ${String(field.message)}`).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await snapshot(t, caseId)).toBe(before);
  });
});
