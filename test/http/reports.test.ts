import { describe, expect, it } from 'vitest';
import { listTemplates, RULESETS_DIR } from '../../server/adapters/files/template-library.ts';
import { ADMIN_TOKEN, buildTestApp, manufacturingIntake } from '../support/test-app.ts';

describe('reports by month', () => {
  it('counts an annual report per month and per category value per month', async () => {
    const t = await buildTestApp('2026-03-10T02:00:00.000Z');
    const register = () =>
      t.call('POST', '/api/companies/demo/cases', {
        token: ADMIN_TOKEN,
        body: { intake: manufacturingIntake() },
      });
    expect((await register()).status).toBe(201);
    expect((await register()).status).toBe(201);
    t.setNow('2026-05-20T02:00:00.000Z');
    expect((await register()).status).toBe(201);
    const annual = await t.call('GET', '/api/companies/demo/reports/2026', { token: ADMIN_TOKEN });
    expect(annual.body.total).toBe(3);
    expect(annual.body.byPerson).toEqual({ 'Platform administrator': 3 });
    expect(Object.keys(annual.body.byMonth)).toHaveLength(12);
    expect(annual.body.byMonth).toMatchObject({ '2026-01': 0, '2026-03': 2, '2026-05': 1 });
    const [dimension, values] = Object.entries(
      annual.body.byCategory as Record<string, Record<string, number>>,
    )[0]!;
    const [value, total] = Object.entries(values)[0]!;
    const perMonth = annual.body.byCategoryByMonth[dimension][value] as Record<string, number>;
    expect(Object.values(perMonth).reduce((a, b) => a + b, 0)).toBe(total);
    const monthly = await t.call('GET', '/api/companies/demo/reports/2026-05', {
      token: ADMIN_TOKEN,
    });
    expect(monthly.body.byMonth).toEqual({ '2026-05': 1 });
    const csv = await t.app.request('/api/companies/demo/reports/2026.csv', {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(await csv.text()).toContain('月份,2026-03,2,month,2026-03\r\n');
  });
});

describe('the template gallery list', () => {
  it('gives every bundled template its description, sources and counts', async () => {
    const t = await buildTestApp();
    const list = await t.call('GET', '/api/templates', { token: ADMIN_TOKEN });
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual(
      listTemplates(RULESETS_DIR, RULESETS_DIR).map((entry) => entry.id),
    );
    const manufacturing = list.body.items.find(
      (i: { id: string }) => i.id === 'manufacturing-quality',
    );
    expect(manufacturing.description['zh-CN']).toContain('seeds/');
    expect(manufacturing.sources[0]).toEqual({
      seed: expect.any(String),
      section: expect.any(String),
    });
    expect(manufacturing.facts).toMatchObject({ forms: 19, categories: expect.any(Number) });
    expect(manufacturing.facts.examples).toBeGreaterThan(10);
    expect(manufacturing.facts.clocks).toBeGreaterThan(0);
  });

  it('gives every bundled template the parts its source does not state, in both languages', async () => {
    const t = await buildTestApp();
    const list = await t.call('GET', '/api/templates', { token: ADMIN_TOKEN });
    for (const item of list.body.items as { id: string; assumptions: unknown[] }[])
      expect(item.assumptions.length, item.id).toBeGreaterThan(0);
    const dairy = list.body.items.find((i: { id: string }) => i.id === 'dairy-food');
    expect(dairy.assumptions).toContainEqual({
      part: 'approvals.rows.levelA',
      note: { 'zh-CN': expect.stringContaining('技术质量部负责人'), en: expect.any(String) },
    });
  });
});
