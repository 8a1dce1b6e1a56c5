import { describe, expect, it } from 'vitest';
import { buildTestApp, manufacturingIntake } from '../support/test-app.ts';

async function withCases() {
  const t = await buildTestApp('2026-03-02T02:00:00.000Z');
  const sales = await t.userWith('demo', 'sales');
  const gmOffice = await t.userWith('demo', 'gmOffice');
  const post = (intake: Record<string, unknown>) =>
    t.call('POST', '/api/companies/demo/cases', { token: sales, body: { intake } });
  const base = manufacturingIntake();
  const a = (await post(base)).body.case;
  t.setNow('2026-04-01T02:00:00.000Z');
  const b = (await post({ ...base, description: '包装破损, 牛皮纸箱受潮', channel: 'email' })).body
    .case;
  const c = (await post({ ...base, remedySought: { type: 'compensation', amount: 20000 } })).body
    .case;
  await t.call('POST', `/api/companies/demo/cases/${b.id}/actions`, {
    token: gmOffice,
    body: {
      transition: 'register',
      data: { investigatingDepartment: 'quality', onSiteInspection: false },
    },
  });
  return { t, sales, a, b, c };
}

describe('the case list', () => {
  it.each<[string, string, (ids: Record<'a' | 'b' | 'c', string>) => string[]]>([
    [
      'everything, soonest due first (b is registered: its next clock is later)',
      '',
      (x) => [x.a, x.c, x.b],
    ],
    ['by state', '?state=registering', (x) => [x.a, x.c]],
    ['by category', '?category.severity=major', (x) => [x.c]],
    ['by channel', '?category.channel=email', (x) => [x.b]],
    ['by month of receipt', '?month=2026-03', (x) => [x.a]],
    ['by text in the complaint', '?q=牛皮纸', (x) => [x.b]],
    ['by case number', '?q=260401', (x) => [x.b]],
    ['nothing by a key of the form', '?q=lotNumber', () => []],
    ['overdue ones', '?due=overdue', (x) => [x.a]],
    ['a page', '?page=2&pageSize=2', (x) => [x.b]],
  ])('lists %s', async (_description, query, expected) => {
    const { t, sales, a, b, c } = await withCases();
    const list = await t.call('GET', `/api/companies/demo/cases${query}`, { token: sales });
    expect(list.status).toBe(200);
    expect(list.body.items.map((item: { id: string }) => item.id)).toEqual(
      expected({ a: a.id, b: b.id, c: c.id }),
    );
  });
});

describe('text search over what the caller may see', () => {
  it("finds a case by the customer's phone only for roles that see it unmasked", async () => {
    const { t, sales, a, c } = await withCases();
    const quality = await t.userWith('demo', 'quality');
    const phone = manufacturingIntake().customer.phone ?? '';
    expect(phone.length).toBeGreaterThan(4);
    const search = (token: string) =>
      t.call('GET', `/api/companies/demo/cases?q=${encodeURIComponent(phone)}`, { token });
    const bySales = await search(sales);
    expect(bySales.body.items.map((item: { id: string }) => item.id).sort()).toContain(a.id);
    expect(bySales.body.items.map((item: { id: string }) => item.id)).toContain(c.id);
    const byQuality = await search(quality);
    expect(byQuality.status).toBe(200);
    expect(byQuality.body).toMatchObject({ items: [], total: 0 });
  });
});

describe('the case list by number', () => {
  it('sorts the 100th case of a YYMMCC month after the 99th and before the next month’s first', async () => {
    const t = await buildTestApp('2026-03-02T02:00:00.000Z');
    const sales = await t.userWith('demo', 'sales');
    const post = () =>
      t.call('POST', '/api/companies/demo/cases', {
        token: sales,
        body: { intake: manufacturingIntake() },
      });
    await post();
    t.setNow('2026-04-01T02:00:00.000Z');
    expect((await post()).body.case.number).toBe('260401');
    t.setNow('2026-03-20T02:00:00.000Z');
    for (let i = 2; i <= 100; i += 1) await post();
    const list = await t.call('GET', '/api/companies/demo/cases?sort=number&page=10&pageSize=10', {
      token: sales,
    });
    expect(list.status).toBe(200);
    expect(list.body.items.map((item: { number: string }) => item.number)).toEqual([
      '260391',
      '260392',
      '260393',
      '260394',
      '260395',
      '260396',
      '260397',
      '260398',
      '260399',
      '2603100',
    ]);
    const last = await t.call('GET', '/api/companies/demo/cases?sort=number&page=101&pageSize=1', {
      token: sales,
    });
    expect(last.body.items.map((item: { number: string }) => item.number)).toEqual(['260401']);
    const refused = await t.call('GET', '/api/companies/demo/cases?sort=text', {
      token: sales,
      headers: { 'accept-language': 'en' },
    });
    expect(refused).toMatchObject({
      status: 400,
      body: {
        error: {
          code: 'invalid_query',
          message: 'A query parameter is invalid',
          fieldErrors: [{ property: 'sort' }],
        },
      },
    });
  }, 60_000);
});
