/**
 * A failure inside rule evaluation that is a bug (a TypeError) is an internal error: a logged 500
 * with the request id, never a policy_invalid the administrator is asked to fix.
 */
import { describe, expect, it, vi } from 'vitest';
import { ADMIN_TOKEN, buildTestApp, manufacturingIntake } from '../support/test-app.ts';
import { allCases } from '../support/store-reads.ts';

/** Version 2 of demo's policy: version 1 with a rule whose `in` has a number where a list belongs. */
async function publishBrokenRule(t: Awaited<ReturnType<typeof buildTestApp>>) {
  const latest = (await t.deps.store.policies.latestVersion('demo'))!;
  const policy = structuredClone(latest.policy);
  policy.ruleSets.unshift({
    id: 'broken',
    rules: [
      {
        name: 'channel in a number',
        conditions: { all: [{ fact: 'intake', path: '$.channel', operator: 'in', value: 5 }] },
        event: { type: 'flag', params: { flag: 'never' } },
      },
    ],
  } as (typeof policy.ruleSets)[number]);
  // Stored as it is: the check would not let it through, a bug elsewhere might.
  await t.deps.store.policies.publish({ ...latest, number: latest.number + 1, policy });
}

describe('a bug inside rule evaluation', () => {
  it('answers a bare 500 with the request id, logs the failure, and stores nothing', async () => {
    const t = await buildTestApp();
    await publishBrokenRule(t);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const response = await t.call('POST', '/api/companies/demo/cases', {
      token: ADMIN_TOKEN,
      body: { intake: manufacturingIntake() },
    });
    const log = logged.mock.calls;
    logged.mockRestore();
    expect(response).toEqual({
      status: 500,
      body: {
        error: {
          code: 'internal_error',
          message: '服务器内部错误',
          fieldErrors: [],
          requestId: expect.any(String),
        },
      },
    });
    expect(log).toHaveLength(1);
    expect(log[0]![0]).toBe(`[${response.body.error.requestId}]`);
    expect((log[0]![1] as Error).message).toMatch(
      /^rule set broken of published version 2 failed: .* is not a function$/,
    );
    expect(await allCases(t.deps.store, 'demo')).toEqual([]);
  });
});
