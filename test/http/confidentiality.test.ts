import { describe, expect, it } from 'vitest';
import { maskValue } from '../../server/domain/case/mask.ts';
import { buildTestApp, manufacturingIntake } from '../support/test-app.ts';

describe('complainant contact details', () => {
  it.each<[unknown, unknown]>([
    ['13800001234', '1******1234'],
    ['王小明', '王**'],
    ['liming@hengda.example.com', 'l************************'.slice(0, 21) + '.com'],
    ['', ''],
    [undefined, undefined],
  ])('masks %s as %s', (value, masked) => {
    expect(maskValue(value)).toBe(masked);
  });

  it('are masked in the case, its audit trail and the list for roles that do not need them', async () => {
    const t = await buildTestApp();
    const sales = await t.userWith('demo', 'sales');
    const quality = await t.userWith('demo', 'quality');
    const intake = manufacturingIntake();
    const id = (
      await t.call('POST', '/api/companies/demo/cases', { token: sales, body: { intake } })
    ).body.case.id;
    const forSales = await t.call('GET', `/api/companies/demo/cases/${id}`, { token: sales });
    expect(forSales.body.case.intake.customer.phone).toBe(intake.customer.phone);
    const forQuality = await t.call('GET', `/api/companies/demo/cases/${id}`, { token: quality });
    expect(forQuality.body.case.intake.customer.phone).toBe(maskValue(intake.customer.phone));
    expect(JSON.stringify(forQuality.body)).not.toContain(intake.customer.phone);
    expect(JSON.stringify(forQuality.body)).not.toContain(intake.customer.email);
    const list = await t.call('GET', '/api/companies/demo/cases', { token: quality });
    expect(list.body.items[0].intake.customer.name).toBe(maskValue(intake.customer.name));
    expect(JSON.stringify(list.body)).not.toContain(intake.customer.phone);
  });
});
