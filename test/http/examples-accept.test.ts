import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, buildTestApp } from '../support/test-app.ts';

/** The demo policy with the sales manager's limit raised from 1,000 to 2,000 yuan. */
async function raiseLimit(t: Awaited<ReturnType<typeof buildTestApp>>) {
  const draft = await t.call('GET', '/api/companies/demo/policy/draft', { token: ADMIN_TOKEN });
  const document = draft.body.document;
  document.roles.salesManager.authorityLimit = 2000;
  document.approvals.rows[0].max = 2000;
  document.approvals.rows[1].min = 2000;
  const saved = await t.call('PUT', '/api/companies/demo/policy/draft', {
    token: ADMIN_TOKEN,
    body: { document, expectedVersion: draft.body.version },
  });
  expect(saved.status).toBe(200);
  return saved.body.version as number;
}

describe('accepting example results after a deliberate change', () => {
  it('updates exactly the failing examples, after which they pass and the draft publishes', async () => {
    const t = await buildTestApp();
    const version = await raiseLimit(t);
    const before = await t.call('POST', '/api/companies/demo/policy/draft/examples', {
      token: ADMIN_TOKEN,
    });
    expect(before.body.failed).toBeGreaterThan(0);
    const failing = before.body.results
      .filter((r: { passed: boolean }) => !r.passed)
      .map((r: { id: string }) => r.id);
    const refusedPublish = await t.call('POST', '/api/companies/demo/policy/publish', {
      token: ADMIN_TOKEN,
      body: { note: 'raise' },
    });
    expect(refusedPublish.body.error.code).toBe('policy_has_problems');

    const stale = await t.call('POST', '/api/companies/demo/policy/draft/examples/accept', {
      token: ADMIN_TOKEN,
      body: { expectedVersion: version - 1 },
    });
    expect(stale).toMatchObject({ status: 409, body: { error: { code: 'stale_version' } } });

    const accepted = await t.call('POST', '/api/companies/demo/policy/draft/examples/accept', {
      token: ADMIN_TOKEN,
      body: { expectedVersion: version },
    });
    expect(accepted.status).toBe(200);
    const ids = (list: { id: string }[]) => list.map((a) => a.id);
    expect([...ids(accepted.body.accepted), ...ids(accepted.body.refused)].sort()).toEqual(
      [...failing].sort(),
    );
    // An example whose step now fails or succeeds differently needs a person, not an update.
    expect(accepted.body.refused).toContainEqual({
      id: 'approvalBeyondAuthority',
      reason: 'error',
    });
    const chainChange = accepted.body.accepted.find(
      (a: { before: { approverChain?: string[] } }) =>
        JSON.stringify(a.before.approverChain) === '["salesManager","deputyGM"]',
    );
    expect(chainChange?.after.approverChain).toEqual(['salesManager']);
    expect(accepted.body.draft.version).toBe(version + 1);

    const after = await t.call('POST', '/api/companies/demo/policy/draft/examples', {
      token: ADMIN_TOKEN,
    });
    expect(
      after.body.results
        .filter((r: { passed: boolean }) => !r.passed)
        .map((r: { id: string }) => r.id),
    ).toEqual(ids(accepted.body.refused));
    // The administrator removes the examples that no longer apply, and publishes.
    const draft = await t.call('GET', '/api/companies/demo/policy/draft', { token: ADMIN_TOKEN });
    const refused = new Set(ids(accepted.body.refused));
    draft.body.document.examples = draft.body.document.examples.filter(
      (e: { id: string }) => !refused.has(e.id),
    );
    await t.call('PUT', '/api/companies/demo/policy/draft', {
      token: ADMIN_TOKEN,
      body: { document: draft.body.document, expectedVersion: draft.body.version },
    });
    const published = await t.call('POST', '/api/companies/demo/policy/publish', {
      token: ADMIN_TOKEN,
      body: { note: 'Sales manager approves up to 2,000 yuan' },
    });
    expect(published.status).toBe(201);
  });

  it('changes nothing when nothing fails, and is closed to staff', async () => {
    const t = await buildTestApp();
    const draft = await t.call('GET', '/api/companies/demo/policy/draft', { token: ADMIN_TOKEN });
    const same = await t.call('POST', '/api/companies/demo/policy/draft/examples/accept', {
      token: ADMIN_TOKEN,
      body: { expectedVersion: draft.body.version },
    });
    expect(same.body).toMatchObject({ accepted: [], refused: [] });
    expect(same.body.draft.version).toBe(draft.body.version);
    const staff = await t.userWith('demo', 'sales');
    const forbidden = await t.call('POST', '/api/companies/demo/policy/draft/examples/accept', {
      token: staff,
      body: { expectedVersion: draft.body.version },
    });
    expect(forbidden.status).toBe(403);
    const bad = await t.call('POST', '/api/companies/demo/policy/draft/examples/accept', {
      token: ADMIN_TOKEN,
      body: { expectedVersion: draft.body.version, ids: 'all' },
    });
    expect(bad.body.error.fieldErrors[0].property).toBe('.ids');
  });
});
