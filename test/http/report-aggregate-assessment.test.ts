/** Assessment rules over aggregates per period, in the report's JSON and CSV, beside count rules. */
import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, type TestApp } from '../support/test-app.ts';
import { DRAFT, acme, draftVersion, extending } from './policy-draft-fixtures.ts';

const label = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/** The rules under test: three measure rules, one that must not apply, and a count rule. */
const ASSESSMENT = [
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

/** Acme on the starter template with the rules published, and four complaints on 2 March 2026. */
async function acmeWithCases(): Promise<{ t: TestApp; admin: string }> {
  const { t, admin } = await acme();
  const saved = await t.call('PUT', DRAFT, {
    token: admin,
    body: {
      document: extending({ assessment: ASSESSMENT }),
      expectedVersion: await draftVersion(t, admin),
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
  // Two are found invalid (closed) 20 hours later; two stay open past their reply deadline.
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
  return { t, admin };
}

describe('assessment rules over aggregates per period', () => {
  it('applies measure rules per subject and period beside the count rules', async () => {
    const { t } = await acmeWithCases();
    const monthly = await t.call('GET', '/api/companies/acme/reports/2026-03', {
      token: ADMIN_TOKEN,
    });
    expect(monthly.status).toBe(200);
    expect(monthly.body.handlingHours.average).toBe(20);
    const rows = monthly.body.aggregateAssessment;
    expect(rows).toEqual([
      {
        rule: 'slowMonth',
        measure: 'averageHandlingHours',
        per: 'company',
        subject: 'acme',
        period: '2026-03',
        value: 20,
        cases: 4,
        consequence: '扣5分',
        deductPoints: 5,
      },
      {
        rule: 'lateMonth',
        measure: 'lateCases',
        per: 'company',
        subject: 'acme',
        period: '2026-03',
        value: 2,
        cases: 4,
        consequence: '扣除全部分数',
        deductPoints: 'all',
      },
    ]);
    // The count rule still applies per person, in its own list.
    expect(monthly.body.assessment).toEqual([
      expect.objectContaining({ rule: 'fourCases', count: 4, penaltyAmount: 50 }),
    ]);

    // A year rule is applied to the annual report only: a month's cases are not the year's.
    const annual = await t.call('GET', '/api/companies/acme/reports/2026', { token: ADMIN_TOKEN });
    expect(annual.body.aggregateAssessment).toContainEqual(
      expect.objectContaining({ rule: 'lowClosureYear', period: '2026', value: 0.5, cases: 4 }),
    );
  });

  it('writes the rows in the CSV in the reader’s language', async () => {
    const { t } = await acmeWithCases();
    const csv = async (lang: string) =>
      (
        await t.app.request(`/api/companies/acme/reports/2026-03.csv?lang=${lang}`, {
          headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
        })
      ).text();
    const en = await csv('en');
    expect(en).toContain(
      'Assessment by measure (whole company) 2026-03,acme,Monthly average handling time above 17 h: 20 h → −5 points (5 points deducted),aggregateAssessment:2026-03,slowMonth\r\n',
    );
    const zh = await csv('zh-CN');
    expect(zh).toContain(
      '指标考核（全公司）2026-03,acme,月均处理时长超17小时: 20 小时 → 扣5分（扣 5 分）,aggregateAssessment:2026-03,slowMonth\r\n',
    );
    expect(en).toContain(
      'More than 1 late ticket in a month: 2 → All points lost (all points lost),aggregateAssessment:2026-03,lateMonth\r\n',
    );
    expect(en).toContain(
      ',Four valid complaints in a month: 4 → A talk (penalty 50),assessment:2026-03,fourCases\r\n',
    );
  });
});
