import { describe, expect, it } from 'vitest';
import { loadPolicyDocument } from '../../server/adapters/files/policy-files.ts';
import { templateVersion } from '../../server/domain/policy/inheritance.ts';
import { ROOT } from '../support/policies.ts';
import { ADMIN_TOKEN, buildTestApp, type TestApp } from '../support/test-app.ts';

const DRAFT = '/api/companies/acme/policy/draft';
const starterVersion = () => templateVersion(loadPolicyDocument(`${ROOT}rulesets/starter`));
const extending = (overrides: Record<string, unknown> = {}) => ({
  extends: { template: 'starter', version: starterVersion() },
  ...overrides,
});
const oneWorkingDay = { clocks: { reply: { duration: { amount: 1, unit: 'workingDays' } } } };

async function acme() {
  const t = await buildTestApp();
  await t.call('POST', '/api/companies', {
    token: ADMIN_TOKEN,
    body: { id: 'acme', name: 'Acme', template: 'starter' },
  });
  const admin = await t.userWith('acme', 'admin');
  return { t, admin };
}

async function draftVersion(t: TestApp, token: string): Promise<number> {
  return (await t.call('GET', DRAFT, { token })).body.version;
}

/** Serves the fixture copy of the starter template's next version as "starter". */
function upgradeStarter(t: TestApp) {
  const next = loadPolicyDocument(`${ROOT}test/fixtures/templates/starter-v2`);
  const bundled = t.deps.templates;
  t.deps.templates = {
    list: () => bundled.list(),
    load: (id) => (id === 'starter' ? structuredClone(next) : bundled.load(id)),
  };
  return templateVersion(next);
}

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

describe('inheritance and merging a new template version', () => {
  it('reports inherited, overridden and added parts of the draft', async () => {
    const { t, admin } = await acme();
    await t.call('POST', `${DRAFT}/import`, {
      token: admin,
      body: {
        document: extending({
          ...oneWorkingDay,
          departments: { service: { label: { 'zh-CN': '客服部' } } },
        }),
        expectedVersion: await draftVersion(t, admin),
      },
    });
    const report = await t.call('GET', `${DRAFT}/inheritance`, { token: admin });
    expect(report.status).toBe(200);
    expect(report.body.extends).toEqual({ template: 'starter', version: starterVersion() });
    const status = Object.fromEntries(
      report.body.parts.map((p: { path: string; status: string }) => [p.path, p.status]),
    );
    expect(status).toMatchObject({
      '/clocks/reply': 'overridden',
      '/departments/service': 'added',
      '/roles/supervisor': 'inherited',
    });
  });

  it('answers a full draft with no template', async () => {
    const { t, admin } = await acme();
    const report = await t.call('GET', `${DRAFT}/inheritance`, { token: admin });
    expect(report.body).toEqual({ extends: null, parts: [] });
    const merge = await t.call('POST', `${DRAFT}/merge`, {
      token: admin,
      body: { template: 'starter' },
    });
    expect(merge.body.error.code).toBe('not_extending');
  });

  it('merges the new version: takes what the company left alone, lists conflicts, saves only on apply', async () => {
    const { t, admin } = await acme();
    const document = extending({
      roles: { clerk: { label: { en: 'Complaint clerk' } } },
      clocks: { reply: { warnings: [{ level: 1, atFraction: 0.6 }] } },
    });
    await t.call('POST', `${DRAFT}/import`, {
      token: admin,
      body: { document, expectedVersion: await draftVersion(t, admin) },
    });
    const published = await t.call('POST', '/api/companies/acme/policy/publish', {
      token: admin,
      body: { note: 'warn at 60%' },
    });
    expect(published.status).toBe(201);
    const v2 = upgradeStarter(t);
    // The draft still resolves against the template version it extends.
    expect((await t.call('POST', `${DRAFT}/check`, { token: admin })).body.ok).toBe(true);

    const preview = await t.call('POST', `${DRAFT}/merge`, {
      token: admin,
      body: { template: 'starter' },
      headers: { 'accept-language': 'en' },
    });
    expect(preview.status).toBe(200);
    expect(preview.body.conflicts).toEqual([
      {
        path: '/clocks/reply/warnings/1/atFraction',
        base: 0.75,
        template: 0.5,
        company: 0.6,
        message:
          "/clocks/reply/warnings/1/atFraction: the template changed 0.75 → 0.5, the company has 0.6; the company's value is kept",
      },
    ]);
    expect(preview.body.policy.roles.supervisor.authorityLimit).toBe(800);
    expect(Object.keys(preview.body.policy.workflow.states)).toContain('withdrawn');
    expect(preview.body.policy.roles.clerk.label.en).toBe('Complaint clerk');
    expect(preview.body.document.extends).toEqual({ template: 'starter', version: v2 });
    expect(preview.body.problems).toEqual([]);
    expect((await t.call('GET', DRAFT, { token: admin })).body.document).toEqual(document);

    const applied = await t.call('POST', `${DRAFT}/merge`, {
      token: admin,
      body: { template: 'starter', apply: true },
    });
    expect(applied.body.applied).toBe((await draftVersion(t, admin)) + 0);
    const draft = (await t.call('GET', DRAFT, { token: admin })).body;
    expect(draft.document).toEqual(preview.body.document);
    expect((await t.call('POST', `${DRAFT}/check`, { token: admin })).body.ok).toBe(true);

    // The published version keeps the policy it was published with, and what it extended.
    const version = await t.call('GET', '/api/companies/acme/policy/versions/1', { token: admin });
    const latest = await t.call('GET', '/api/companies/acme/policy/versions/latest', {
      token: admin,
    });
    expect(latest.body.number).toBe(2);
    expect(latest.body.extends).toEqual({ template: 'starter', version: starterVersion() });
    expect(latest.body.policy.roles.supervisor.authorityLimit).toBe(1000);
    expect(version.body.number).toBe(1);
  });
});
