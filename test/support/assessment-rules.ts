/** Assessment rules over aggregates per period, and a company whose March 2026 they judge. */
import { expect } from 'vitest';
import { ADMIN_TOKEN, type TestApp } from './test-app.ts';

const DRAFT = '/api/companies/acme/policy/draft';

const label = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/** The rules under test: three measure rules, one that must not apply, and a count rule. */
export const ASSESSMENT = [
  {
    id: 'slowMonth',
    label: label('月均处理时长超17小时', 'Monthly average handling time above 17 h'),
    period: 'month',
    measure: 'averageHandlingHours',
    per: 'company',
    above: 17,
    consequence: label('扣5分', '−5 points'),
    deductPoints: 5,
  },
  {
    id: 'lateMonth',
    label: label('当月逾期超过1件', 'More than 1 late ticket in a month'),
    period: 'month',
    measure: 'lateCases',
    clock: 'reply',
    per: 'company',
    above: 1,
    consequence: label('扣除全部分数', 'All points lost'),
    deductPoints: 'all',
  },
  {
    id: 'verySlowMonth',
    label: label('月均处理时长超100小时', 'Monthly average above 100 h'),
    period: 'month',
    measure: 'averageHandlingHours',
    per: 'company',
    above: 100,
    consequence: label('扣10分', '−10 points'),
    deductPoints: 10,
  },
  {
    id: 'lowClosureYear',
    label: label('年结案率低于90%', 'Yearly closure rate below 90%'),
    period: 'year',
    measure: 'closureRate',
    per: 'company',
    below: 0.9,
    consequence: label('通报批评', 'Public criticism'),
  },
  {
    id: 'fourCases',
    label: label('当月有效投诉4件', 'Four valid complaints in a month'),
    period: 'month',
    minCount: 4,
    consequence: label('约谈', 'A talk'),
    penaltyAmount: 50,
  },
];

/**
 * Company acme made from the starter template in the test app (whose clock reads 2 March 2026,
 * 02:00 UTC), with the rules published and four complaints: two found invalid (closed) 20 hours
 * later, two left open past their reply deadline; the clock is left on 20 March.
 */
export async function acmeWithAssessedCases(t: TestApp): Promise<void> {
  await t.call('POST', '/api/companies', {
    token: ADMIN_TOKEN,
    body: { id: 'acme', name: 'Acme', template: 'starter' },
  });
  const admin = await t.userWith('acme', 'admin');
  // The draft as the company was made (the whole starter policy), with the rules added.
  const draft = await t.call('GET', DRAFT, { token: admin });
  const saved = await t.call('PUT', DRAFT, {
    token: admin,
    body: {
      document: { ...draft.body.document, assessment: ASSESSMENT },
      expectedVersion: draft.body.version,
    },
  });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  const published = await t.call('POST', '/api/companies/acme/policy/publish', {
    token: admin,
    body: { note: 'aggregate assessment' },
  });
  expect(published.status, JSON.stringify(published.body)).toBe(201);
  const ids: string[] = [];
  for (let i = 0; i < 4; i++) {
    const created = await t.call('POST', '/api/companies/acme/cases', {
      token: ADMIN_TOKEN,
      body: {
        intake: { customerName: '王女士', phone: '13800000000', description: '收到的商品有划痕' },
      },
    });
    expect(created.status).toBe(201);
    ids.push(created.body.case.id);
  }
  t.setNow('2026-03-02T22:00:00.000Z');
  const supervisor = await t.userWith('acme', 'supervisor');
  for (const id of ids.slice(0, 2)) {
    const closed = await t.call('POST', `/api/companies/acme/cases/${id}/actions`, {
      token: supervisor,
      body: { transition: 'markInvalid' },
    });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
  }
  t.setNow('2026-03-20T02:00:00.000Z');
}
