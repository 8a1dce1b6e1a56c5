/** Form schemas the server cannot validate intakes with are refused at check, never a 500. */
import { describe, expect, it } from 'vitest';
import { DRAFT, acme, draftVersion, extending } from './policy-draft-fixtures.ts';

const intakeWith = (schema: Record<string, unknown>) =>
  extending({ forms: { intake: { title: { 'zh-CN': '登记' }, schema } } });

describe('a form schema of another JSON Schema version', () => {
  it.each([
    ['draft-04', 'http://json-schema.org/draft-04/schema#', 'form_schema_version'],
    ['2019-09', 'https://json-schema.org/draft/2019-09/schema', 'form_schema_version'],
    ['2020-12', 'https://json-schema.org/draft/2020-12/schema', 'form_schema_version'],
  ])(
    '%s is refused by check and publish with a problem naming the form',
    async (_, $schema, code) => {
      const { t, admin } = await acme();
      const saved = await t.call('PUT', DRAFT, {
        token: admin,
        body: {
          document: intakeWith({
            $schema,
            type: 'object',
            properties: { name: { type: 'string' } },
          }),
          expectedVersion: await draftVersion(t, admin),
        },
      });
      expect(saved.status).toBe(200);
      const checked = await t.call('POST', `${DRAFT}/check`, {
        token: admin,
        headers: { 'accept-language': 'en' },
      });
      expect(checked.status).toBe(200);
      expect(checked.body.ok).toBe(false);
      expect(checked.body.problems).toContainEqual(
        expect.objectContaining({ code, path: '/forms/intake/schema/$schema' }),
      );
      const problem = checked.body.problems.find((p: { code: string }) => p.code === code);
      expect(problem.message).toContain('intake');
      const published = await t.call('POST', '/api/companies/acme/policy/publish', {
        token: admin,
        body: { note: 'try' },
      });
      expect(published.status).toBe(422);
    },
  );

  it('answers a subschema declaring another version with a problem or none, never a 500', async () => {
    const { t, admin } = await acme();
    await t.call('PUT', DRAFT, {
      token: admin,
      body: {
        document: intakeWith({
          type: 'object',
          properties: {
            name: { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'string' },
          },
        }),
        expectedVersion: await draftVersion(t, admin),
      },
    });
    expect((await t.call('POST', `${DRAFT}/check`, { token: admin })).status).toBe(200);
    const published = await t.call('POST', '/api/companies/acme/policy/publish', {
      token: admin,
      body: { note: 'try' },
    });
    expect([201, 422]).toContain(published.status);
  });

  it('accepts draft-07 declared explicitly', async () => {
    const { t, admin } = await acme();
    const document = (await t.call('GET', `${DRAFT}/export?form=full`, { token: admin })).body;
    document.forms.intake.schema.$schema = 'http://json-schema.org/draft-07/schema#';
    await t.call('PUT', DRAFT, {
      token: admin,
      body: { document, expectedVersion: await draftVersion(t, admin) },
    });
    expect((await t.call('POST', `${DRAFT}/check`, { token: admin })).body.problems).toEqual([]);
  });

  it('refuses a form whose top level is not an object', async () => {
    const { t, admin } = await acme();
    await t.call('PUT', DRAFT, {
      token: admin,
      body: {
        document: intakeWith({ type: 'array', items: { type: 'string' } }),
        expectedVersion: await draftVersion(t, admin),
      },
    });
    const checked = await t.call('POST', `${DRAFT}/check`, {
      token: admin,
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(checked.body.problems).toContainEqual(
      expect.objectContaining({ code: 'form_not_object', path: '/forms/intake/schema/type' }),
    );
  });
});
