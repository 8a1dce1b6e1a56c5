import { describe, expect, it } from 'vitest';
import { explainDecisions } from '../../server/app/cases/case-explanation.ts';
import type { Case, DecisionSource } from '../../server/domain/case/case.ts';
import type { CaseAnswer } from '../../server/http/contract/index.ts';
import { loadCheckedPolicy } from '../support/policies.ts';
import { buildTestApp, manufacturingIntake } from '../support/test-app.ts';

async function registered() {
  const t = await buildTestApp('2026-03-02T02:00:00.000Z');
  const sales = await t.userWith('demo', 'sales');
  const gmOffice = await t.userWith('demo', 'gmOffice');
  const quality = await t.userWith('demo', 'quality');
  const created = await t.call('POST', '/api/companies/demo/cases', {
    token: sales,
    body: { intake: manufacturingIntake() },
  });
  const id = created.body.case.id as string;
  const act = (token: string, transition: string, data: Record<string, unknown>) =>
    t.call('POST', `/api/companies/demo/cases/${id}/actions`, {
      token,
      body: { transition, data },
    });
  return { t, sales, gmOffice, quality, id, act, created };
}

describe('the case view explains the case', () => {
  it('gives each rule decision its condition trace as its why', async () => {
    const { created } = await registered();
    const decisions = created.body.decisions as {
      action: { type: string; params: Record<string, unknown> };
      source: { kind: string };
      why: string[];
    }[];
    expect(decisions.length).toBe(created.body.case.decisions.length);
    expect(decisions[0]).toMatchObject({
      action: { type: 'assign', params: { role: 'gmOffice' } },
      source: { kind: 'rule' },
      why: ['all → true', '  state ("registering") equal "registering" → true'],
    });
  });

  it.each<[string, DecisionSource, 'zh-CN' | 'en', string[]]>([
    [
      'a form field',
      { kind: 'form', field: 'channel' },
      'zh-CN',
      ['由表单字段 channel 的填写值决定'],
    ],
    [
      'a form field, in English',
      { kind: 'form', field: 'channel' },
      'en',
      ['Set by the form field channel'],
    ],
    [
      'a staff member with a reason',
      { kind: 'staff', user: 'u1', reason: '客户升级投诉' },
      'zh-CN',
      ['由工作人员 u1 设定', '客户升级投诉'],
    ],
    ['a default', { kind: 'default', dimension: 'severity' }, 'zh-CN', ['“严重程度”的默认值']],
    [
      'a row of the approval matrix, with its note',
      { kind: 'table', table: 'approvals', row: 'belowOneThousand' },
      'zh-CN',
      ['按表“approvals”第 belowOneThousand 行', '1,000元以下：业务部经理核决'],
    ],
  ])('describes a decision made by %s', (_, source, lang, why) => {
    const policy = loadCheckedPolicy('rulesets/manufacturing-quality');
    const decision = { action: { type: 'flag' as const, params: { flag: 'x' } }, source, at: '' };
    const current = { decisions: [decision] } as unknown as Case;
    expect(explainDecisions(policy, current, lang)[0]?.why).toEqual(why);
  });

  it('previews the chain the amount sought needs, then shows the proposed remedy’s chain with its approvals', async () => {
    const { t, sales, gmOffice, quality, id, act, created } = await registered();
    expect(created.body.approverChain).toMatchObject({
      amount: 1500,
      basis: 'preview',
      row: 'oneToTenThousand',
      chain: [
        { role: 'salesManager', status: 'pending' },
        { role: 'deputyGM', status: 'pending' },
      ],
    });
    expect((await act(gmOffice, 'register', { investigatingDepartment: 'quality' })).status).toBe(
      200,
    );
    const report = await act(quality, 'submitInvestigationReport', {
      cause: 'quality',
      validity: 'valid',
      responsibleDepartment: 'manufacturing',
      confirmedDefectiveQuantity: 10,
      findings: '焊点虚焊，抽检同批次不良率2%。',
      countermeasure: '调整炉温曲线。',
    });
    expect(report.status, JSON.stringify(report.body)).toBe(200);
    await act(sales, 'proposeRemedy', {
      type: 'creditNote',
      amount: 800,
      description: '拟以销货折让方式处理。',
    });
    const manager = await t.userWith('demo', 'salesManager');
    const approved = await act(manager, 'approve', { comment: '同意' });
    expect(approved.body.approverChain).toMatchObject({
      amount: 800,
      basis: 'remedy',
      row: 'belowOneThousand',
      chain: [{ role: 'salesManager', status: 'approved' }],
    });
    const read = await t.call('GET', `/api/companies/demo/cases/${id}`, { token: sales });
    const approver = read.body.case.remedy.chain[0].user as string;
    expect(read.body.people[approver]).toBe('salesManager');
    expect(Object.values(read.body.people)).toEqual(
      expect.arrayContaining(['sales', 'gmOffice', 'quality', 'salesManager']),
    );
  });

  it('lists the cases assigned to any of several roles (my cases)', async () => {
    const { t, sales } = await registered();
    const all = await t.call('GET', '/api/companies/demo/cases', { token: sales });
    const role = all.body.items[0].assignee.role as string;
    const mine = await t.call('GET', `/api/companies/demo/cases?assignee=nobody&assignee=${role}`, {
      token: sales,
    });
    expect(mine.body.total).toBe(1);
    const none = await t.call('GET', '/api/companies/demo/cases?assignee=nobody&assignee=x', {
      token: sales,
    });
    expect(none.body.total).toBe(0);
  });
});

describe('the case view says which actions the server would accept now', () => {
  it('refuses the approval to an approver whose step is done, in the caller’s language, as acting would', async () => {
    const { t, sales, gmOffice, quality, id, act } = await registered();
    const salesManager = await t.userWith('demo', 'salesManager');
    await act(gmOffice, 'register', { investigatingDepartment: 'quality' });
    await act(quality, 'submitInvestigationReport', {
      cause: 'quality',
      validity: 'valid',
      responsibleDepartment: 'manufacturing',
      confirmedDefectiveQuantity: 120,
      findings: '回流焊炉温曲线偏低导致焊点润湿不良。',
      countermeasure: '调整炉温曲线并加严首件检验。',
    });
    const proposed = await act(sales, 'proposeRemedy', {
      type: 'creditNote',
      amount: 1500,
      description: '拟以销货折让方式处理。',
    });
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(200);
    expect((await act(salesManager, 'approve', { comment: '同意' })).status).toBe(200);

    const read = (lang: string) =>
      t.call('GET', `/api/companies/demo/cases/${id}`, {
        token: salesManager,
        headers: { 'accept-language': lang },
      });
    const approve = (body: CaseAnswer) => body.actions.find((action) => action.id === 'approve');
    expect(approve((await read('zh-CN')).body)).toMatchObject({
      allowed: false,
      refusal: {
        code: 'approval_beyond_authority',
        message: '等待 副总经理 核决',
        waitingFor: ['deputyGM'],
      },
    });
    expect(approve((await read('en')).body)?.refusal?.message).toBe(
      'Waiting for approval by Deputy general manager',
    );
    // Acting anyway is refused with the same code.
    const refused = await act(salesManager, 'approve', { comment: '再次同意' });
    expect(refused.body.error.code).toBe('approval_beyond_authority');
  });
});
