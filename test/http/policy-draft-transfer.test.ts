/** A company's draft exported as a file and imported, in full or in extends form. */
import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, buildTestApp } from '../support/test-app.ts';
import { DRAFT, extending, oneWorkingDay, acme, draftVersion } from './policy-draft-fixtures.ts';

describe('export and import of a company’s draft', () => {
  it('exports the draft as a JSON file named after the company and the date', async () => {
    const { t, admin } = await acme();
    const response = await t.app.request(`${DRAFT}/export`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="kesu-acme-policy-draft-2026-03-02.json"',
    );
    const document = JSON.parse(await response.text());
    expect(document).toEqual((await t.call('GET', DRAFT, { token: admin })).body.document);
    expect(document.id).toBe('starter');
  });

  it('imports an extends-form document; check, examples and publish work on the resolved policy', async () => {
    const { t, admin } = await acme();
    const imported = await t.call('POST', `${DRAFT}/import`, {
      token: admin,
      body: { document: extending(oneWorkingDay), expectedVersion: await draftVersion(t, admin) },
    });
    expect(imported.status).toBe(200);
    expect(imported.body.problems).toEqual([]);
    expect(imported.body).not.toHaveProperty('base');
    expect((await t.call('GET', DRAFT, { token: admin })).body.document).toEqual(
      extending(oneWorkingDay),
    );
    expect((await t.call('POST', `${DRAFT}/check`, { token: admin })).body.ok).toBe(true);
    const examples = await t.call('POST', `${DRAFT}/examples`, { token: admin });
    expect(examples.body.failed).toBeGreaterThan(0); // the starter's examples expect a 2-day reply
    const full = await t.app.request(`${DRAFT}/export?form=full`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(JSON.parse(await full.text()).clocks.reply.duration.amount).toBe(1);
  });

  it.each([
    {
      problem: 'a document that is not an object',
      document: [1],
      code: 'invalid_request',
      property: '.document',
    },
    {
      problem: 'an extends reference without a template',
      document: { extends: { version: 'x' } },
      code: 'override_invalid',
      property: '.document.extends.template',
    },
    {
      problem: 'an unknown template',
      document: { extends: { template: 'nope', version: 'x' } },
      code: 'unknown_template',
      property: '.document.extends.template',
    },
    {
      problem: 'a template version the server does not have',
      document: { extends: { template: 'starter', version: 'h-0' } },
      code: 'template_version_unavailable',
      property: '.document.extends.version',
    },
    {
      problem: 'an override that cannot apply',
      document: 'removal',
      code: 'override_invalid',
      property: '.document.forms.nothing',
    },
    {
      problem: 'a full document that is not a policy',
      document: { id: 'acme' },
      code: 'policy_invalid',
      property: '.document.title',
    },
    { problem: 'a stale expected version', document: 'stale', code: 'stale_version' },
  ])('refuses $problem, naming the field, and changes nothing', async (row) => {
    const { t, admin } = await acme();
    const before = (await t.call('GET', DRAFT, { token: admin })).body;
    const document =
      row.document === 'removal'
        ? extending({ forms: { nothing: { $remove: true } } })
        : row.document === 'stale'
          ? extending()
          : row.document;
    const response = await t.call('POST', `${DRAFT}/import`, {
      token: admin,
      body: { document, expectedVersion: before.version + (row.document === 'stale' ? 5 : 0) },
    });
    expect(response.body.error.code).toBe(row.code);
    expect(response.status).toBeGreaterThanOrEqual(400);
    if (row.property)
      expect(
        response.body.error.fieldErrors.map((f: { property: string }) => f.property),
      ).toContain(row.property);
    expect((await t.call('GET', DRAFT, { token: admin })).body).toEqual(before);
  });

  it('takes the roles of a company without a published policy from its resolved draft', async () => {
    const t = await buildTestApp();
    await t.call('POST', '/api/companies', { token: ADMIN_TOKEN, body: { id: 'acme', name: 'A' } });
    const imported = await t.call('POST', `${DRAFT}/import`, {
      token: ADMIN_TOKEN,
      body: { document: extending(), expectedVersion: 0 },
    });
    expect(imported.status).toBe(200);
    const user = await t.call('POST', '/api/companies/acme/users', {
      token: ADMIN_TOKEN,
      body: { name: '赵强', roles: ['supervisor'] },
    });
    expect(user.status).toBe(201);
  });

  it('lets only the company administrator import', async () => {
    const { t, admin } = await acme();
    const clerk = await t.userWith('acme', 'clerk');
    const response = await t.call('POST', `${DRAFT}/import`, {
      token: clerk,
      body: { document: extending(), expectedVersion: await draftVersion(t, admin) },
    });
    expect(response.status).toBe(403);
  });
});
