import { describe, expect, it } from 'vitest';
import { buildTestApp, manufacturingIntake } from '../support/test-app.ts';
import { allCases } from '../support/store-reads.ts';

describe('simultaneous intakes', () => {
  it('gives 200 simultaneous complaints 200 distinct, consecutive numbers and loses none', async () => {
    const t = await buildTestApp();
    const sales = await t.userWith('demo', 'sales');
    const intake = manufacturingIntake();
    const responses = await Promise.all(
      Array.from({ length: 200 }, () =>
        t.call('POST', '/api/companies/demo/cases', { token: sales, body: { intake } }),
      ),
    );
    expect(responses.every((r) => r.status === 201)).toBe(true);
    const numbers = responses.map((r) => r.body.case.number as string).sort();
    // YYMMCC widens past 99: 260301 … 260399, then 2603100 … 2603200.
    const expected = Array.from(
      { length: 200 },
      (_, i) => `2603${String(i + 1).padStart(2, '0')}`,
    ).sort();
    expect(numbers).toEqual(expected);
    expect((await allCases(t.deps.store, 'demo')).length).toBe(200);
  });
});
