import { describe, expect, it } from 'vitest';
import { prepareBacktest } from '../../server/app/policies/backtest.ts';
import type { BacktestAnswer } from '../../server/http/contract/index.ts';
import { raiseLimit, seeded } from '../support/backtest-cases.ts';
import { allAudit, allCases } from '../support/store-reads.ts';
import { ADMIN_TOKEN, buildTestApp, type TestApp } from '../support/test-app.ts';
import { GOOD, companyFromCfpb, post } from './import-fixtures.ts';

const path = '/api/companies/demo/policy/draft/backtest';
type Line = { type: string; [key: string]: unknown };

/** Calls the backtest route; a streamed answer is read line by line. */
async function backtest(t: TestApp, token: string, body: unknown, lang = 'en', company = 'demo') {
  const response = await t.app.request(path.replace('/demo/', `/${company}/`), {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'accept-language': lang,
    },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.headers.get('content-type')?.includes('ndjson'))
    return { status: response.status, error: JSON.parse(text).error, lines: [] as Line[] };
  const lines = text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Line);
  return { status: response.status, error: undefined, lines };
}

describe('POST /policy/draft/backtest: the draft tried on stored cases', () => {
  it('reports the cases of the period that would no longer need the deputy GM, changing nothing', async () => {
    const { t, raised } = await seeded();
    await raiseLimit(t);
    const before = {
      cases: await allCases(t.deps.store, 'demo'),
      audit: await allAudit(t.deps.store, 'demo'),
      draft: await t.deps.store.policies.getDraft('demo'),
    };
    const answer = await backtest(t, ADMIN_TOKEN, { from: '2026-03-01', to: '2026-03-31' });
    expect(answer.status, JSON.stringify(answer.error)).toBe(200);
    expect(answer.lines.some((line) => line.type === 'progress')).toBe(true);
    const last = answer.lines.at(-1)!;
    expect(last.type).toBe('report');
    const report = last.report as BacktestAnswer;
    expect(report.totals).toEqual({ replayed: 2, changed: 1, unchanged: 1, errors: 0 });
    expect(report.versions).toEqual([1]);
    expect(report.tables.approvers).toEqual([
      {
        role: 'deputyGM',
        change: 'removed',
        fromRow: 'approvals/oneToTenThousand',
        toRow: 'approvals/belowOneThousand',
        minAmount: 1500,
        maxAmount: 1500,
        cases: 1,
      },
    ]);
    // The deputy GM's recorded approval is refused under the draft: nothing is pending for them.
    expect(report.tables.refused).toEqual([
      expect.objectContaining({ transition: 'approve', from: null, cases: 1 }),
    ]);
    expect(report.affected).toHaveLength(1);
    const [affected] = report.affected;
    expect(affected?.id).toBe(raised);
    expect(affected?.before).toMatchObject({ chains: [{ roles: ['salesManager', 'deputyGM'] }] });
    expect(affected?.after).toMatchObject({ chains: [{ roles: ['salesManager'] }] });
    expect(await allCases(t.deps.store, 'demo')).toEqual(before.cases);
    expect(await allAudit(t.deps.store, 'demo')).toEqual(before.audit);
    expect(await t.deps.store.policies.getDraft('demo')).toEqual(before.draft);
  });

  it('compares a draft the request brings, and takes a sample over every case', async () => {
    const { t } = await seeded();
    const draft = await t.call('GET', '/api/companies/demo/policy/draft', { token: ADMIN_TOKEN });
    const document = structuredClone(draft.body.document);
    document.clocks.registration.duration = { amount: 1, unit: 'hours' };
    const answer = await backtest(t, ADMIN_TOKEN, { sample: 3, document });
    const report = answer.lines.at(-1)!.report as BacktestAnswer;
    expect(report.draft).toBe('given');
    expect(report.totals.replayed).toBe(3);
    // Each case was registered four hours after receipt: on time before, late against one hour.
    expect(report.tables.clocks).toEqual([
      { clock: 'registration', dueChanged: 3, lateToOnTime: 0, onTimeToLate: 3 },
    ]);
  });

  it('keeps the actions’ data and roles in their audit entries, so later replays are exact', async () => {
    const { t, raised } = await seeded();
    const audit = await t.deps.store.audit.forCase('demo', raised);
    const proposal = audit.find((entry) => entry.action === 'proposeRemedy');
    expect(proposal?.input).toMatchObject({ data: { amount: 1500 }, roles: ['sales'] });
  });

  it.each([
    ['from after to', { from: '2026-03-31', to: '2026-03-01' }, 'backtest_period_invalid', '.to'],
    [
      'a date that does not exist',
      { from: '2026-02-30', to: '2026-03-01' },
      'backtest_period_invalid',
      '.from',
    ],
    ['from without to', { from: '2026-03-01' }, 'backtest_period_invalid', '.to'],
    ['neither a period nor a sample', {}, 'backtest_period_invalid', '.from'],
    ['a sample of 0', { sample: 0 }, 'backtest_sample_invalid', '.sample'],
    ['a sample too large', { sample: 100_001 }, 'backtest_sample_invalid', '.sample'],
    ['a sample that is not a number', { sample: '5' }, 'invalid_body', '.sample'],
  ])('refuses %s, naming the field', async (_what, body, code, property) => {
    const t = await buildTestApp();
    const answer = await backtest(t, ADMIN_TOKEN, body);
    expect(answer.error?.code).toBe(code);
    expect(answer.error?.fieldErrors[0].property).toBe(property);
  });

  it('words a refusal in Chinese for a Chinese caller', async () => {
    const t = await buildTestApp();
    const answer = await backtest(t, ADMIN_TOKEN, { sample: 0 }, 'zh-CN');
    expect(answer.status).toBe(422);
    expect(answer.error.message).toContain('样本');
  });

  it('is for administrators: staff are refused, another company is not found', async () => {
    const t = await buildTestApp();
    const staff = await t.userWith('demo', 'sales');
    expect((await backtest(t, staff, { sample: 5 })).status).toBe(403);
    await t.call('POST', '/api/companies', {
      token: ADMIN_TOKEN,
      body: { id: 'other', name: 'Other', template: 'starter' },
    });
    const otherAdmin = await t.userWith('other', 'admin');
    expect((await backtest(t, otherAdmin, { sample: 5 })).status).toBe(404);
  });

  it('replays imported cases from their import, the sent step included', async () => {
    const t = await buildTestApp();
    await companyFromCfpb(t, 'bureau');
    const imported = await post(t, 'bureau', {
      rows: GOOD,
      dryRun: false,
      sentTransition: 'sendToCompany',
    });
    expect(imported.body.imported).toBe(2);
    const period = { from: '2019-06-01', to: '2019-07-31' };
    const same = await backtest(t, ADMIN_TOKEN, period, 'en', 'bureau');
    const report = same.lines.at(-1)!.report as BacktestAnswer;
    expect(report.totals).toEqual({ replayed: 2, changed: 0, unchanged: 2, errors: 0 });
    // Only the row that was sent records the sent step: under a draft that gives the step to
    // supervisors alone, that one is refused.
    const draft = await t.call('GET', '/api/companies/bureau/policy/draft', { token: ADMIN_TOKEN });
    const document = structuredClone(draft.body.document);
    document.workflow.transitions[0].roles = ['supervisor'];
    const changed = await backtest(t, ADMIN_TOKEN, { ...period, document }, 'en', 'bureau');
    const { tables, affected } = changed.lines.at(-1)!.report as BacktestAnswer;
    // The record's categories are set again after the sent step, as the import set them.
    expect(affected[0]?.before).toMatchObject({
      state: 'sentToCompany',
      categories: { timelyResponse: { value: 'timely', source: 'staff:platform-admin' } },
    });
    expect(tables.refused).toEqual([
      { transition: 'sendToCompany', from: null, to: 'role_not_allowed', cases: 1 },
    ]);
  });

  it('stops between two cases when cancelled, and when the client goes away', async () => {
    const { t } = await seeded();
    const { audit } = t.deps.store;
    // The trails of a batch of cases are read together; cancelling while they are read stops
    // the run before its next case.
    const trails = audit.trailTexts.bind(audit);
    let reads = 0;
    let onRead = () => {};
    audit.trailTexts = async (company, ids) => {
      reads += 1;
      onRead();
      return trails(company, ids);
    };
    const platform = {
      userId: 'platform',
      name: 'p',
      roles: [],
      platformRole: 'platformAdmin' as const,
    };
    const abort = new AbortController();
    onRead = () => abort.abort();
    const run = await prepareBacktest(t.deps, { principal: platform, lang: 'en' }, 'demo', {
      sample: 3,
    });
    await expect(run({ signal: abort.signal })).rejects.toThrow();
    expect(reads).toBe(1);

    reads = 0;
    const client = new AbortController();
    onRead = () => client.abort();
    const response = await t.app.request(path, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ sample: 3 }),
      signal: client.signal,
    });
    expect(response.status).toBe(200);
    expect(await response.text()).not.toContain('"report"');
    expect(reads).toBe(1);
  });
});
