import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, buildTestApp, manufacturingIntake } from '../support/test-app.ts';

describe('GET /api/companies/:company/policy/serials/:period', () => {
  it('answers the last serial given in a numbering period, 0 for one without cases', async () => {
    const t = await buildTestApp('2026-03-02T02:00:00.000Z');
    const sales = await t.userWith('demo', 'sales');
    for (let i = 0; i < 2; i += 1)
      await t.call('POST', '/api/companies/demo/cases', {
        token: sales,
        body: { intake: manufacturingIntake() },
      });
    const url = (period: string) => `/api/companies/demo/policy/serials/${period}`;
    expect((await t.call('GET', url('2026-03'), { token: ADMIN_TOKEN })).body).toEqual({
      period: '2026-03',
      lastSerial: 2,
    });
    expect((await t.call('GET', url('2026-04'), { token: ADMIN_TOKEN })).body).toEqual({
      period: '2026-04',
      lastSerial: 0,
    });
  });

  it.each([
    ['a malformed period', '2026-3', 'ADMIN', 400, 'invalid_request'],
    ['staff, who do not edit the policy', '2026-03', 'sales', 403, 'forbidden'],
  ])('refuses %s', async (_description, period, who, status, code) => {
    const t = await buildTestApp();
    const token = who === 'ADMIN' ? ADMIN_TOKEN : await t.userWith('demo', who);
    const answer = await t.call('GET', `/api/companies/demo/policy/serials/${period}`, { token });
    expect(answer.status).toBe(status);
    expect(answer.body.error.code).toBe(code);
  });
});
