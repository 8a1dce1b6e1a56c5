/** Assessment rules over aggregates per period, in the report's JSON and CSV, beside count rules. */
import { describe, expect, it } from 'vitest';
import { acmeWithAssessedCases } from '../support/assessment-rules.ts';
import { ADMIN_TOKEN, buildTestApp } from '../support/test-app.ts';

async function acmeWithCases() {
  const t = await buildTestApp();
  await acmeWithAssessedCases(t);
  return { t };
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

describe('the draft check on assessment rules', () => {
  it.each([
    ['en', 'assessment rule lateMonth measures lateCases and needs a threshold'],
    ['zh-CN', '考核规则 lateMonth 的指标 lateCases 需要阈值'],
  ])('names a measure rule without a threshold (%s)', async (lang, sentence) => {
    const t = await buildTestApp();
    await t.call('POST', '/api/companies', {
      token: ADMIN_TOKEN,
      body: { id: 'acme', name: 'Acme', template: 'starter' },
    });
    const draft = await t.call('GET', '/api/companies/acme/policy/draft', { token: ADMIN_TOKEN });
    const rule = {
      id: 'lateMonth',
      label: { 'zh-CN': '当月逾期' },
      period: 'month',
      measure: 'lateCases',
      consequence: { 'zh-CN': '扣分' },
    };
    const saved = await t.call('PUT', '/api/companies/acme/policy/draft', {
      token: ADMIN_TOKEN,
      body: {
        document: { ...draft.body.document, assessment: [rule] },
        expectedVersion: draft.body.version,
      },
    });
    expect(saved.status).toBe(200);
    const checked = await t.call('POST', '/api/companies/acme/policy/draft/check', {
      token: ADMIN_TOKEN,
      headers: { 'accept-language': lang },
    });
    expect(checked.body.ok).toBe(false);
    expect(checked.body.problems).toEqual([
      expect.objectContaining({
        path: '/assessment/0/measure',
        code: 'assessment_threshold_missing',
        message: expect.stringContaining(sentence),
      }),
    ]);
  });
});
