import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, buildTestApp, manufacturingIntake } from '../support/test-app.ts';

describe('companies, users and tokens', () => {
  it('lets the platform administrator create a company from a template, with version 1 published', async () => {
    const t = await buildTestApp();
    const created = await t.call('POST', '/api/companies', {
      token: ADMIN_TOKEN,
      body: { id: 'acme', name: 'Acme', template: 'starter' },
    });
    expect(created.status).toBe(201);
    const versions = await t.call('GET', '/api/companies/acme/policy/versions', {
      token: ADMIN_TOKEN,
    });
    expect(versions.body.items).toEqual([
      expect.objectContaining({ number: 1, note: 'from template starter' }),
    ]);
    expect(
      (
        await t.call('POST', '/api/companies', {
          token: ADMIN_TOKEN,
          body: { id: 'acme', name: 'Again' },
        })
      ).body.error.code,
    ).toBe('already_exists');
    expect(
      (
        await t.call('POST', '/api/companies', {
          token: ADMIN_TOKEN,
          body: { id: 'x1', name: 'X', template: 'nope' },
        })
      ).body.error.code,
    ).toBe('unknown_template');
  });

  it('writes nothing when the template cannot be published', async () => {
    const t = await buildTestApp();
    const bundled = t.deps.templates;
    t.deps.templates = {
      list: () => bundled.list(),
      load: (id) => {
        const document = structuredClone(bundled.load(id)) as
          { workflow: { initial: string } } | undefined;
        if (document) document.workflow.initial = 'nowhere';
        return document;
      },
    };
    const created = await t.call('POST', '/api/companies', {
      token: ADMIN_TOKEN,
      body: { id: 'acme', name: 'Acme', template: 'starter' },
    });
    expect(created).toMatchObject({
      status: 422,
      body: { error: { code: 'policy_has_problems' } },
    });
    expect(await t.deps.store.companies.get('acme')).toBeUndefined();
    expect(await t.deps.store.policies.getDraft('acme')).toBeUndefined();
    const again = await t.call('POST', '/api/companies', {
      token: ADMIN_TOKEN,
      body: { id: 'acme', name: 'Acme' },
    });
    expect(again.status).toBe(201);
  });

  it('refuses company creation to anyone but the platform administrator', async () => {
    const t = await buildTestApp();
    const admin = await t.userWith('demo', 'admin');
    expect(
      (await t.call('POST', '/api/companies', { token: admin, body: { id: 'acme', name: 'Acme' } }))
        .status,
    ).toBe(403);
  });

  it('adds users only with roles of the policy, and revokes tokens', async () => {
    const t = await buildTestApp();
    const bad = await t.call('POST', '/api/companies/demo/users', {
      token: ADMIN_TOKEN,
      body: { name: '赵', roles: ['wizard'] },
    });
    expect(bad).toMatchObject({ status: 422, body: { error: { code: 'unknown_role' } } });
    const user = await t.call('POST', '/api/companies/demo/users', {
      token: ADMIN_TOKEN,
      body: { name: '赵', roles: ['sales'] },
    });
    const token = await t.call('POST', `/api/users/${user.body.id}/tokens`, {
      token: ADMIN_TOKEN,
      body: { label: 'laptop' },
    });
    expect((await t.call('GET', '/api/me', { token: token.body.token })).body).toMatchObject({
      name: '赵',
      roles: ['sales'],
      companyId: 'demo',
    });
    expect(
      (
        await t.call('DELETE', `/api/users/${user.body.id}/tokens/${token.body.id}`, {
          token: ADMIN_TOKEN,
        })
      ).status,
    ).toBe(204);
    expect((await t.call('GET', '/api/me', { token: token.body.token })).status).toBe(401);
    const listed = await t.call('GET', `/api/users/${user.body.id}/tokens`, { token: ADMIN_TOKEN });
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        id: token.body.id,
        label: 'laptop',
        revokedAt: expect.any(String),
      }),
    ]);
    expect(JSON.stringify(listed.body)).not.toContain('hash');
    const staff = await t.userWith('demo', 'quality');
    expect(
      (await t.call('GET', `/api/users/${user.body.id}/tokens`, { token: staff })).status,
    ).toBe(403);
    const stored = await t.deps.store.tokens.listForUser(user.body.id);
    expect(JSON.stringify(stored)).not.toContain(token.body.token);
  });

  it('gives a consultant the companies granted and no others', async () => {
    const t = await buildTestApp();
    await t.call('POST', '/api/companies', {
      token: ADMIN_TOKEN,
      body: { id: 'acme', name: 'Acme', template: 'starter' },
    });
    const consultant = await t.call('POST', '/api/consultants', {
      token: ADMIN_TOKEN,
      body: { name: '顾问', companies: ['acme'] },
    });
    const token = (
      await t.call('POST', `/api/users/${consultant.body.id}/tokens`, {
        token: ADMIN_TOKEN,
        body: {},
      })
    ).body.token;
    expect(
      (await t.call('GET', '/api/companies', { token })).body.items.map(
        (c: { id: string }) => c.id,
      ),
    ).toEqual(['acme']);
    expect((await t.call('GET', '/api/companies/acme/policy/draft', { token })).status).toBe(200);
    expect((await t.call('GET', '/api/companies/demo/policy/draft', { token })).status).toBe(404);
  });
});

describe('the policy lifecycle over HTTP', () => {
  it('replaces, checks and publishes the draft; refuses to publish a broken one; cases keep their version', async () => {
    const t = await buildTestApp();
    const sales = await t.userWith('demo', 'sales');
    const draft = await t.call('GET', '/api/companies/demo/policy/draft', { token: ADMIN_TOKEN });
    const document = draft.body.document;
    const intake = manufacturingIntake();
    const first = await t.call('POST', '/api/companies/demo/cases', {
      token: sales,
      body: { intake },
    });

    const broken = structuredClone(document);
    broken.workflow.transitions[0].roles = ['nobody'];
    const saved = await t.call('PUT', '/api/companies/demo/policy/draft', {
      token: ADMIN_TOKEN,
      body: { document: broken, expectedVersion: draft.body.version },
    });
    expect(saved.body.version).toBe(draft.body.version + 1);
    expect(
      (
        await t.call('PUT', '/api/companies/demo/policy/draft', {
          token: ADMIN_TOKEN,
          body: { document, expectedVersion: draft.body.version },
        })
      ).body.error.code,
    ).toBe('stale_version');
    const check = await t.call('POST', '/api/companies/demo/policy/draft/check', {
      token: ADMIN_TOKEN,
    });
    expect(check.body).toMatchObject({
      ok: false,
      problems: [
        expect.objectContaining({ path: '/workflow/transitions/0/roles/0', code: 'unknown_role' }),
      ],
    });
    const refused = await t.call('POST', '/api/companies/demo/policy/publish', {
      token: ADMIN_TOKEN,
      body: { note: 'broken' },
    });
    expect(refused).toMatchObject({
      status: 422,
      body: { error: { code: 'policy_has_problems' } },
    });
    // The problems are worded in the caller's language, in the check and in the refusal alike.
    expect(check.body.problems[0].message).toBe('角色 "nobody" 不存在');
    expect(refused.body.error.details.problems).toEqual(check.body.problems);
    const checkInEnglish = await t.call('POST', '/api/companies/demo/policy/draft/check', {
      token: ADMIN_TOKEN,
      headers: { 'accept-language': 'en' },
    });
    expect(checkInEnglish.body.problems[0].message).toBe('role "nobody" does not exist');

    const raised = structuredClone(document);
    raised.roles.salesManager.authorityLimit = 2000;
    raised.approvals.rows[0].max = 2000;
    raised.approvals.rows[1].min = 2000;
    await t.call('PUT', '/api/companies/demo/policy/draft', {
      token: ADMIN_TOKEN,
      body: { document: raised, expectedVersion: saved.body.version },
    });
    const examples = await t.call('POST', '/api/companies/demo/policy/draft/examples', {
      token: ADMIN_TOKEN,
    });
    expect(examples.body.failed).toBeGreaterThan(0);
    const refusedExamples = await t.call('POST', '/api/companies/demo/policy/publish', {
      token: ADMIN_TOKEN,
      body: { note: 'limit 2000' },
    });
    expect(refusedExamples.body.error.details.failedExamples.length).toBe(examples.body.failed);
    // The refusal words each failure as the examples' run does, e.g. 'approver chain: expected …'.
    const failedRun = examples.body.results.filter((r: { passed: boolean }) => !r.passed);
    expect(refusedExamples.body.error.details.failedExamples).toMatchObject(
      failedRun.map((r: { failures: string[] }) => ({ failures: r.failures })),
    );
    expect(failedRun[0].failures[0]).toMatch(/^approver chain: expected \[/);

    const note = await t.call('PUT', '/api/companies/demo/policy/draft', {
      token: ADMIN_TOKEN,
      body: {
        document: { ...document, description: { 'zh-CN': '第二版' } },
        expectedVersion: saved.body.version + 1,
      },
    });
    expect(note.status).toBe(200);
    expect(
      (
        await t.call('POST', '/api/companies/demo/policy/publish', {
          token: ADMIN_TOKEN,
          body: { note: '第二版' },
        })
      ).body,
    ).toMatchObject({ number: 2, note: '第二版' });
    const second = await t.call('POST', '/api/companies/demo/cases', {
      token: sales,
      body: { intake },
    });
    expect([first.body.policyVersion, second.body.policyVersion]).toEqual([1, 2]);
    expect(
      (await t.call('GET', '/api/companies/demo/policy/versions/latest', { token: sales })).body
        .number,
    ).toBe(2);
    expect((await t.call('GET', '/api/companies/demo/policy/draft', { token: sales })).status).toBe(
      403,
    );
  });
});
