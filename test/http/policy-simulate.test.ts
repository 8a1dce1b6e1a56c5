import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, buildTestApp, manufacturingIntake } from '../support/test-app.ts';

const path = '/api/companies/demo/policy/draft/simulate';

describe('POST /policy/draft/simulate: a complaint run through the draft', () => {
  it('explains decisions, the approver chain and every clock across the Spring Festival', async () => {
    const t = await buildTestApp();
    const response = await t.call('POST', path, {
      token: ADMIN_TOKEN,
      body: { intake: manufacturingIntake(), receivedAt: '2026-02-13T17:30:00+08:00' },
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const { decisions, approverChain, clocks, case: simulated } = response.body;
    expect(simulated.state).toBeTypeOf('string');
    expect(decisions.length).toBeGreaterThan(0);
    const ruled = decisions.find((d: { source: { kind: string } }) => d.source.kind === 'rule');
    expect(ruled.why.length).toBeGreaterThan(0);
    expect(approverChain).toMatchObject({ amount: 1500, basis: 'preview' });
    expect(clocks.length).toBeGreaterThan(0);
    for (const clock of clocks) {
      expect(clock.due).toMatch(/^2026-0[2-4]-\d\dT/);
      expect(clock.explanation.intervals.length).toBeGreaterThan(0);
    }
    const cases = await t.call('GET', '/api/companies/demo/cases', { token: ADMIN_TOKEN });
    expect(cases.body.total).toBe(0);
  });

  it('returns the form errors in rjsf’s shape for an invalid complaint', async () => {
    const t = await buildTestApp();
    const intake = manufacturingIntake();
    delete intake.customer.phone;
    const response = await t.call('POST', path, { token: ADMIN_TOKEN, body: { intake } });
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('form_invalid');
    expect(response.body.error.fieldErrors).toContainEqual(
      expect.objectContaining({ property: '.customer.phone' }),
    );
  });

  it('refuses a draft that does not check clean', async () => {
    const t = await buildTestApp();
    const draft = await t.call('GET', '/api/companies/demo/policy/draft', { token: ADMIN_TOKEN });
    const document = {
      ...draft.body.document,
      workflow: { ...draft.body.document.workflow, initial: 'nowhere' },
    };
    const saved = await t.call('PUT', '/api/companies/demo/policy/draft', {
      token: ADMIN_TOKEN,
      body: { document, expectedVersion: draft.body.version },
    });
    expect(saved.status).toBe(200);
    const response = await t.call('POST', path, {
      token: ADMIN_TOKEN,
      body: { intake: manufacturingIntake() },
    });
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('policy_has_problems');
  });

  it.each([['staff without the admin role', 'quality', 403]])(
    'refuses %s',
    async (_what, role, status) => {
      const t = await buildTestApp();
      const token = await t.userWith('demo', role);
      const response = await t.call('POST', path, {
        token,
        body: { intake: manufacturingIntake() },
      });
      expect(response.status).toBe(status);
    },
  );

  it('refuses a body without an intake object', async () => {
    const t = await buildTestApp();
    const response = await t.call('POST', path, { token: ADMIN_TOKEN, body: { at: 'x' } });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('body_field_missing');
    expect(response.body.error.fieldErrors).toEqual([
      { property: '.intake', message: '缺少 intake (投诉登记表的内容)' },
    ]);
  });
});
