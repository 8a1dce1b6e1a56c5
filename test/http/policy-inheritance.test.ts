/** The draft's inheritance report, and merging a new template version into it. */
import { describe, expect, it } from 'vitest';
import {
  DRAFT,
  starterVersion,
  extending,
  oneWorkingDay,
  acme,
  draftVersion,
  upgradeStarter,
} from './policy-draft-fixtures.ts';

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
