/** The import route: dry runs, rows opened at their original times, keys never imported twice. */
import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, buildTestApp } from '../support/test-app.ts';
import { row, GOOD, BAD, companyFromCfpb, cases, post } from './import-fixtures.ts';
import { allAudit } from '../support/store-reads.ts';

describe('POST /api/companies/:company/cases/import', () => {
  it('in a dry run checks every row, codes each refused one, and writes nothing', async () => {
    const t = await buildTestApp();
    await companyFromCfpb(t, 'bureau');
    const answer = await post(t, 'bureau', {
      rows: [...GOOD, ...BAD],
      dryRun: true,
      sentTransition: 'sendToCompany',
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      dryRun: true,
      rows: 7,
      imported: 2,
      alreadyImported: 0,
      cases: [],
    });
    expect(answer.body.rejected).toEqual([
      expect.objectContaining({ row: 4, key: '3200003', code: 'form_invalid', field: '.product' }),
      expect.objectContaining({
        row: 5,
        key: '3200004',
        code: 'import_time_invalid',
        field: '.sentAt',
      }),
      expect.objectContaining({
        row: 6,
        key: '3200005',
        code: 'import_category_invalid',
        field: '.categories.timelyResponse',
      }),
      expect.objectContaining({
        row: 7,
        key: '3200001',
        code: 'import_key_duplicate',
        field: '.externalKey',
      }),
      expect.objectContaining({
        row: 8,
        key: '3200006',
        code: 'import_time_invalid',
        field: '.receivedAt',
      }),
    ]);
    expect(answer.body.rejected[0].message).toMatch(/^The form has errors: \.product /);
    expect(answer.body.rejected[2].message).toBe(
      'The policy’s category has no such value: "late" is not a value of timelyResponse',
    );
    expect((await cases(t, 'bureau')).total).toBe(0);
    expect(await allAudit(t.deps.store, 'bureau')).toEqual([]);
  });

  it('opens each row at its original times, numbers it in its own month, audits it, and keeps its key', async () => {
    const t = await buildTestApp();
    await companyFromCfpb(t, 'bureau');
    const answer = await post(t, 'bureau', {
      rows: GOOD,
      dryRun: false,
      sentTransition: 'sendToCompany',
    });
    expect(answer.body).toMatchObject({ imported: 2, alreadyImported: 0, rejected: [] });
    expect(answer.body.cases.map((c: { number: string }) => c.number)).toEqual([
      '190600001',
      '190700001',
    ]);
    const sent = await t.call('GET', `/api/companies/bureau/cases/${answer.body.cases[0].id}`, {
      token: ADMIN_TOKEN,
    });
    expect(sent.body.case).toMatchObject({
      receivedAt: '2019-06-03T00:00:00-04:00',
      state: 'sentToCompany',
      categories: {
        product: 'debtCollection',
        companyResponse: 'closedWithExplanation',
        timelyResponse: 'timely',
      },
    });
    expect(sent.body.importKey).toBe('3200001');
    expect(sent.body.updatedAt).toBe('2019-06-05T00:00:00-04:00');
    // The bureau's clock: 15 days from sending, evaluated as of then.
    expect(sent.body.case.clocks.companyResponse).toMatchObject({
      startedAt: '2019-06-05T00:00:00-04:00',
    });
    expect(sent.body.case.clocks.companyResponse.schedule.dueAt).toBe('2019-06-20T00:00:00-04:00');
    expect(sent.body.audit).toEqual([
      expect.objectContaining({
        action: 'import',
        by: 'platform-admin',
        at: '2026-03-02T02:00:00.000Z',
      }),
    ]);
    const events = sent.body.audit[0].events.map(
      (e: { type: string; at: string }) => `${e.type}@${e.at}`,
    );
    expect(events).toContain('caseOpened@2019-06-03T00:00:00-04:00');
    expect(events).toContain('transition@2019-06-05T00:00:00-04:00');
    const notSent = await t.call('GET', `/api/companies/bureau/cases/${answer.body.cases[1].id}`, {
      token: ADMIN_TOKEN,
    });
    expect(notSent.body.case.state).toBe('received');
    expect(notSent.body.case.clocks.companyResponse).toBeUndefined();
  });

  it('adds nothing twice: a row whose key was imported is skipped', async () => {
    const t = await buildTestApp();
    await companyFromCfpb(t, 'bureau');
    await post(t, 'bureau', { rows: GOOD.slice(0, 1), sentTransition: 'sendToCompany' });
    const dry = await post(t, 'bureau', {
      rows: GOOD,
      dryRun: true,
      sentTransition: 'sendToCompany',
    });
    expect(dry.body).toMatchObject({ imported: 1, alreadyImported: 1 });
    const again = await post(t, 'bureau', { rows: GOOD, sentTransition: 'sendToCompany' });
    expect(again.body).toMatchObject({ imported: 1, alreadyImported: 1, rejected: [] });
    const third = await post(t, 'bureau', { rows: GOOD, sentTransition: 'sendToCompany' });
    expect(third.body).toMatchObject({ imported: 0, alreadyImported: 2 });
    expect((await cases(t, 'bureau')).total).toBe(2);
    expect(
      (await allAudit(t.deps.store, 'bureau')).filter((a) => a.action === 'import'),
    ).toHaveLength(2);
  });

  it('imports the same rows into two companies at once without either seeing the other', async () => {
    const t = await buildTestApp();
    await companyFromCfpb(t, 'bureau');
    await companyFromCfpb(t, 'other');
    const [a, b] = await Promise.all([
      post(t, 'bureau', { rows: GOOD, sentTransition: 'sendToCompany' }),
      post(t, 'other', { rows: GOOD, sentTransition: 'sendToCompany' }),
    ]);
    expect([a.body.imported, b.body.imported]).toEqual([2, 2]);
    expect((await cases(t, 'other')).total).toBe(2);
  });

  it('opens each row under the policy published as of its received time', async () => {
    const t = await buildTestApp();
    await companyFromCfpb(t, 'bureau');
    t.setNow('2026-06-01T00:00:00.000Z');
    const draft = await t.call('GET', '/api/companies/bureau/policy/draft', { token: ADMIN_TOKEN });
    await t.call('PUT', '/api/companies/bureau/policy/draft', {
      token: ADMIN_TOKEN,
      body: {
        document: { ...draft.body.document, description: { 'zh-CN': '第二版' } },
        expectedVersion: draft.body.version,
      },
    });
    const published = await t.call('POST', '/api/companies/bureau/policy/publish', {
      token: ADMIN_TOKEN,
      body: { note: 'v2' },
    });
    expect(published.body.number).toBe(2);
    t.setNow('2026-07-01T00:00:00.000Z');
    const answer = await post(t, 'bureau', {
      rows: [
        row(2, 'old', { sentAt: undefined }),
        row(3, 'between', { receivedAt: '2026-04-01T09:00:00-04:00', sentAt: undefined }),
        row(4, 'after', { receivedAt: '2026-06-15T09:00:00-04:00', sentAt: undefined }),
        row(5, 'future', { receivedAt: '2026-07-15T09:00:00-04:00', sentAt: undefined }),
      ],
    });
    expect(answer.body.rejected).toEqual([
      expect.objectContaining({ key: 'future', code: 'import_time_invalid', field: '.receivedAt' }),
    ]);
    const versions = await Promise.all(
      answer.body.cases.map(
        async (c: { id: string }) =>
          (await t.call('GET', `/api/companies/bureau/cases/${c.id}`, { token: ADMIN_TOKEN })).body
            .policyVersion,
      ),
    );
    expect(versions).toEqual([1, 1, 2]);
  });
});
