import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PolicyExample } from '../../server/domain/policy/format.ts';
import { ROOT } from '../support/policies.ts';
import { ADMIN_TOKEN, buildTestApp } from '../support/test-app.ts';
import { happy, walkHappyPath } from '../support/happy-path.ts';

const examples = (file: string) =>
  JSON.parse(
    readFileSync(join(ROOT, 'rulesets/manufacturing-quality/examples', file), 'utf8'),
  ) as PolicyExample[];

describe('a complaint through the manufacturing template’s whole workflow, over HTTP', () => {
  it('registers, investigates, approves, replies, follows up and closes, with an audit entry per step', async () => {
    const t = await buildTestApp();
    const { id, created } = await walkHappyPath(t);
    expect(created.case.number).toBe('260301');
    expect(created.clocks.map((c: { id: string; due: string }) => [c.id, c.due])).toContainEqual([
      'investigation',
      happy.expect.due!.investigation,
    ]);
    const read = await t.call('GET', `/api/companies/demo/cases/${id}`, { token: ADMIN_TOKEN });
    expect(read.body.case.state).toBe('closed');
    expect(read.body.case.categories).toMatchObject(happy.expect.categories!);
    expect(read.body.case.satisfaction).toBe(4);
    expect(read.body.policyVersion).toBe(1);
    expect(read.body.audit.map((a: { action: string }) => a.action)).toEqual([
      'intake',
      ...(happy.steps ?? []).map((s) => s.transition),
    ]);
    expect(read.body.audit[1]).toMatchObject({
      before: { state: 'registering' },
      after: { state: expect.any(String) },
      policyVersion: 1,
    });
    // Each entry's case before is the one after the entry before it, and the last is the case.
    const audit = read.body.audit as { before?: unknown; after?: unknown }[];
    for (let i = 1; i < audit.length; i += 1) expect(audit[i]!.before).toEqual(audit[i - 1]!.after);
    expect(audit.at(-1)!.after).toEqual(read.body.case);
    // Stored, an action's entry keeps what changed, not two copies of the case.
    const stored = await t.deps.store.audit.forCase('demo', id);
    expect(stored[1]).not.toHaveProperty('before');
    expect(stored[1]).not.toHaveProperty('after');
    expect(JSON.stringify(stored[1]).length).toBeLessThan(JSON.stringify(stored[0]).length / 2);
    const report = await t.call('GET', '/api/companies/demo/reports/2026-03', {
      token: ADMIN_TOKEN,
    });
    expect(report.body).toMatchObject({
      total: 1,
      closed: 1,
      closureRate: 1,
      satisfaction: { responses: 1, average: 4 },
      remedies: { count: 1, approvedAmount: 800 },
    });
    expect(report.body.byCategory.cause).toEqual({ quality: 1 });
    expect(report.body.clocks.investigation).toMatchObject({ counted: 1, timely: 1 });
    const annual = await t.call('GET', '/api/companies/demo/reports/2026', { token: ADMIN_TOKEN });
    expect(annual.body.total).toBe(1);
    const csv = await t.app.request('/api/companies/demo/reports/2026-03.csv', {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toContain(
      '分类：异常原因,质量异常,1,category:cause,quality',
    );
  });

  it('refuses the reply until the higher approver has approved, then accepts it', async () => {
    const t = await buildTestApp();
    const band = examples('02-approval-bands.json').find((e) => e.id === 'band1500SpringFestival')!;
    const [gmOffice, quality, sales, salesManager, deputyGM] = await Promise.all(
      ['gmOffice', 'quality', 'sales', 'salesManager', 'deputyGM'].map((role) =>
        t.userWith('demo', role),
      ),
    );
    const id = (
      await t.call('POST', '/api/companies/demo/cases', {
        token: sales,
        body: { intake: band.intake },
      })
    ).body.case.id;
    const act = (token: string | undefined, transition: string, data?: unknown) =>
      t.call('POST', `/api/companies/demo/cases/${id}/actions`, {
        token,
        body: { transition, ...(data ? { data } : {}) },
      });
    const [register, report, propose] = band.steps!;
    expect((await act(gmOffice, 'register', register!.data)).status).toBe(200);
    expect((await act(quality, 'submitInvestigationReport', report!.data)).status).toBe(200);
    expect(
      (await act(sales, 'proposeRemedy', propose!.data)).body.case.remedy.chain.map(
        (s: { role: string }) => s.role,
      ),
    ).toEqual(['salesManager', 'deputyGM']);
    expect((await act(salesManager, 'approve', { comment: '同意' })).status).toBe(200);
    const reply = { method: 'phone', contactPerson: '李明', content: '同意折让 1500 元' };
    const refused = await act(sales, 'reply', reply);
    expect(refused).toMatchObject({
      status: 409,
      body: { error: { code: 'approvals_pending', message: '审批尚未完成, 不能答复客户' } },
    });
    expect((await act(salesManager, 'approve', { comment: '再次' })).body.error.code).toBe(
      'approval_beyond_authority',
    );
    expect((await act(deputyGM, 'approve', { comment: '同意' })).status).toBe(200);
    expect((await act(sales, 'reply', reply)).status).toBe(200);
  });

  it('keeps one person holding both approver roles from approving the second step (four eyes)', async () => {
    const t = await buildTestApp();
    const band = examples('02-approval-bands.json').find((e) => e.id === 'band1500SpringFestival')!;
    const [gmOffice, quality, sales, both, deputyGM] = await Promise.all([
      t.userWith('demo', 'gmOffice'),
      t.userWith('demo', 'quality'),
      t.userWith('demo', 'sales'),
      t.userWith('demo', 'salesManager', 'deputyGM'),
      t.userWith('demo', 'deputyGM'),
    ]);
    const id = (
      await t.call('POST', '/api/companies/demo/cases', {
        token: sales,
        body: { intake: band.intake },
      })
    ).body.case.id;
    const act = (token: string, transition: string, data?: unknown, lang = 'zh-CN') =>
      t.call('POST', `/api/companies/demo/cases/${id}/actions`, {
        token,
        headers: { 'accept-language': lang },
        body: { transition, ...(data ? { data } : {}) },
      });
    const [register, report, propose] = band.steps!;
    await act(gmOffice, 'register', register!.data);
    await act(quality, 'submitInvestigationReport', report!.data);
    await act(sales, 'proposeRemedy', propose!.data);
    const first = await act(both, 'approve', { comment: '同意' });
    expect(first.status).toBe(200);
    // Offered to no one who signed before: the action is listed as refused, with why.
    const approveIn = (body: { actions: { id: string }[] }) =>
      body.actions.find((a) => a.id === 'approve');
    expect(approveIn(first.body)).toMatchObject({
      allowed: false,
      refusal: { code: 'approval_same_person' },
    });
    const read = (token: string) => t.call('GET', `/api/companies/demo/cases/${id}`, { token });
    expect(approveIn((await read(both)).body)).toMatchObject({ allowed: false });
    expect(approveIn((await read(deputyGM)).body)).toMatchObject({ allowed: true });
    expect(await act(both, 'approve', { comment: '再次' })).toMatchObject({
      status: 403,
      body: {
        error: { code: 'approval_same_person', message: expect.stringContaining('四眼原则') },
      },
    });
    const english = await act(both, 'approve', { comment: 'again' }, 'en');
    expect(english.body.error.message).toContain('another person must approve');
    expect((await act(deputyGM, 'approve', { comment: '同意' })).status).toBe(200);
  });
});
