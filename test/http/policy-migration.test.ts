/**
 * Publishing with open cases: the preview of what moving them would change, publishing with
 * openCases "move" (each move audited) or "keep" (the default), and the refusals.
 */
import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN } from '../support/test-app.ts';
import { DRAFT, NOW, PREVIEW, PUBLISH, withOpenCases } from './policy-migration-fixtures.ts';

const en = { 'accept-language': 'en' };
const zh = { 'accept-language': 'zh-CN' };
const REPLY_V1 = '2026-03-16T10:00:00+08:00';
const REPLY_V2 = '2026-03-14T10:00:00+08:00';
const caseUrl = (id: string) => `/api/companies/demo/cases/${id}`;

describe('the migration preview', () => {
  it('lists what moving each open case would change, and the case that cannot move and why', async () => {
    const { t, admin, ids } = await withOpenCases();
    const preview = await t.call('POST', PREVIEW, { token: admin, headers: en });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      toVersion: 2,
      open: 3,
      movable: 2,
      changed: 2,
      left: 1,
      truncated: false,
    });
    const byId = new Map(preview.body.cases.map((c: { caseId: string }) => [c.caseId, c]));
    expect(byId.get(ids.registering)).toEqual({
      caseId: ids.registering,
      number: '260301',
      state: 'registering',
      fromVersion: 1,
      movable: true,
      clocks: [{ clock: 'reply', before: REPLY_V1, after: REPLY_V2 }],
      reasons: [],
    });
    expect(byId.get(ids.approving)).toMatchObject({
      movable: true,
      approvers: { before: ['salesManager', 'deputyGM'], after: ['salesManager'] },
    });
    expect(byId.get(ids.pendingClosure)).toMatchObject({
      movable: false,
      reasons: [
        {
          code: 'state_missing',
          params: { state: 'pendingClosure' },
          message: 'the new workflow has no state pendingClosure',
        },
      ],
    });
    const inChinese = await t.call('POST', PREVIEW, { token: admin, headers: zh });
    const left = inChinese.body.cases.find((c: { movable: boolean }) => !c.movable);
    expect(left.reasons[0].message).toBe('新版本的流程没有状态 pendingClosure');
  });

  it('changes nothing', async () => {
    const { t, admin, ids } = await withOpenCases();
    await t.call('POST', PREVIEW, { token: admin });
    const read = await t.call('GET', caseUrl(ids.registering), { token: admin });
    expect(read.body).toMatchObject({ policyVersion: 1, version: 1 });
    const versions = await t.call('GET', '/api/companies/demo/policy/versions', { token: admin });
    expect(versions.body.items).toHaveLength(1);
  });
});

describe('publishing with openCases', () => {
  it('"move" carries the movable cases to the new version, each in one audited step', async () => {
    const { t, admin, ids } = await withOpenCases();
    const published = await t.call('POST', PUBLISH, {
      token: admin,
      headers: en,
      body: { note: 'sales manager up to 2,000; reply in 5 days', openCases: 'move' },
    });
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    expect(published.body).toMatchObject({
      number: 2,
      migration: { openCases: 'move', moved: 2, left: 1, skipped: 0, truncated: false },
    });
    expect(published.body.migration.leftCases).toMatchObject([
      { caseId: ids.pendingClosure, reasons: [{ code: 'state_missing' }] },
    ]);

    const registering = await t.call('GET', caseUrl(ids.registering), { token: admin });
    expect(registering.body.policyVersion).toBe(2);
    expect(registering.body.case.clocks.reply.duration).toEqual({ amount: 5, unit: 'days' });
    expect(registering.body.case.clocks.reply.schedule.dueAt).toBe(REPLY_V2);
    const reading = registering.body.clocks.find((c: { id: string }) => c.id === 'reply');
    expect(reading.due).toBe(REPLY_V2);
    const entry = registering.body.audit.at(-1);
    expect(entry).toMatchObject({
      action: 'migratePolicy',
      at: NOW,
      policyVersion: 2,
      fromPolicyVersion: 1,
      note: 'sales manager up to 2,000; reply in 5 days',
    });
    const me = await t.call('GET', '/api/me', { token: admin });
    expect(entry.by).toBe(me.body.userId);
    expect(registering.body.people[entry.by]).toBe('admin');
    // The entry's changes turn the case before into the case after: the reply clock re-timed.
    expect(entry.before.clocks.reply.duration).toEqual({ amount: 7, unit: 'days' });
    expect(entry.after.clocks.reply).toMatchObject({
      duration: { amount: 5, unit: 'days' },
      schedule: { dueAt: REPLY_V2 },
    });
    expect(entry.after.state).toBe('registering');

    // The remedy now needs only the sales manager, and one approval completes it under version 2.
    const approving = await t.call('GET', caseUrl(ids.approving), { token: admin });
    expect(approving.body.policyVersion).toBe(2);
    expect(approving.body.case.remedy.chain).toEqual([{ role: 'salesManager', status: 'pending' }]);
    const approved = await t.call('POST', `${caseUrl(ids.approving)}/actions`, {
      token: await t.userWith('demo', 'salesManager'),
      body: { transition: 'approve', data: { comment: 'ok' } },
    });
    expect(approved.status).toBe(200);
    expect(approved.body.case.state).toBe('approved');

    const left = await t.call('GET', caseUrl(ids.pendingClosure), { token: admin });
    expect(left.body.policyVersion).toBe(1);
    expect(left.body.audit.map((e: { action: string }) => e.action)).not.toContain('migratePolicy');
  });

  it('starts a clock only the new version has as its trigger would have: from the receipt', async () => {
    const { t, admin, ids } = await withOpenCases();
    const draft = await t.call('GET', DRAFT, { token: admin });
    const document = draft.body.document;
    const reply = document.clocks.reply;
    document.clocks.closure = {
      label: { 'zh-CN': '结案时限', en: 'Closure deadline' },
      calendar: reply.calendar,
      duration: { amount: 30, unit: 'days' },
      start: [{ event: 'caseOpened' }],
      stop: [],
    };
    const saved = await t.call('PUT', DRAFT, {
      token: admin,
      body: { document, expectedVersion: draft.body.version },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const before = await t.call('GET', caseUrl(ids.registering), { token: admin });
    const receivedAt = before.body.case.receivedAt as string;
    const due = new Date(Date.parse(receivedAt) + 30 * 86_400_000).toISOString();

    const preview = await t.call('POST', PREVIEW, { token: admin, headers: en });
    const listed = preview.body.cases.find((c: { caseId: string }) => c.caseId === ids.registering);
    const closure = listed.clocks.find((c: { clock: string }) => c.clock === 'closure');
    expect(closure).toMatchObject({ before: null, started: { at: receivedAt, status: 'running' } });
    expect(Date.parse(closure.after)).toBe(Date.parse(due));

    const published = await t.call('POST', PUBLISH, {
      token: admin,
      body: { note: 'closure within 30 days', openCases: 'move' },
    });
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    const moved = await t.call('GET', caseUrl(ids.registering), { token: admin });
    expect(moved.body.case.clocks.closure).toMatchObject({
      status: 'running',
      startedAt: receivedAt,
    });
    expect(Date.parse(moved.body.case.clocks.closure.schedule.dueAt)).toBe(Date.parse(due));
    const entry = moved.body.audit.at(-1);
    expect(entry.action).toBe('migratePolicy');
    expect(entry.before.clocks.closure).toBeUndefined();
    expect(entry.after.clocks.closure.startedAt).toBe(receivedAt);
  });

  it('"keep" (the default) leaves every open case on the version it runs under', async () => {
    const { t, admin, ids } = await withOpenCases();
    const published = await t.call('POST', PUBLISH, { token: admin, body: { note: 'v2' } });
    expect(published.status).toBe(201);
    expect(published.body.migration).toMatchObject({ openCases: 'keep', moved: 0, left: 0 });
    for (const id of Object.values(ids)) {
      const read = await t.call('GET', caseUrl(id), { token: admin });
      expect(read.body.policyVersion).toBe(1);
      expect(read.body.case.clocks.reply?.duration ?? null).not.toEqual({
        amount: 5,
        unit: 'days',
      });
    }
  });

  it.each([
    { description: 'an unknown choice', openCases: 'all' },
    { description: 'a number', openCases: 2 },
  ])('refuses $description for openCases, naming the field, and changes nothing', async (row) => {
    const { t, admin, ids } = await withOpenCases();
    const refused = await t.call('POST', PUBLISH, {
      token: admin,
      headers: en,
      body: { note: 'v2', openCases: row.openCases },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'invalid_body' });
    expect(refused.body.error.fieldErrors).toEqual([
      expect.objectContaining({ property: '.openCases' }),
    ]);
    const inChinese = await t.call('POST', PUBLISH, {
      token: admin,
      headers: zh,
      body: { note: 'v2', openCases: row.openCases },
    });
    expect(inChinese.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    const versions = await t.call('GET', '/api/companies/demo/policy/versions', { token: admin });
    expect(versions.body.items).toHaveLength(1);
    const read = await t.call('GET', caseUrl(ids.registering), { token: admin });
    expect(read.body).toMatchObject({ policyVersion: 1, version: 1 });
  });
});

describe('a move racing another write', () => {
  // Another write saves the case just before each of the first `races` moves of it.
  async function racing(races: number) {
    const setup = await withOpenCases();
    const cases = setup.t.deps.store.cases;
    const save = cases.save.bind(cases);
    let left = races;
    cases.save = async (stored, expected, audit, claim) => {
      if (audit[0]?.action === 'migratePolicy' && stored.case.id === setup.ids.registering) {
        if (left-- > 0) {
          const current = (await cases.get('demo', stored.case.id))!;
          await save({ ...current, updatedAt: NOW }, current.version, []);
        }
      }
      return save(stored, expected, audit, claim);
    };
    const published = await setup.t.call('POST', PUBLISH, {
      token: setup.admin,
      body: { note: 'v2', openCases: 'move' },
    });
    const read = await setup.t.call('GET', caseUrl(setup.ids.registering), {
      token: setup.admin,
    });
    return { migration: published.body.migration, read: read.body };
  }

  it('is tried once more on the case as it now is', async () => {
    const { migration, read } = await racing(1);
    expect(migration).toMatchObject({ moved: 2, skipped: 0 });
    expect(read).toMatchObject({ policyVersion: 2, version: 3 });
  });

  it('is reported as skipped when it loses twice, the case left on its version', async () => {
    const { migration, read } = await racing(2);
    expect(migration).toMatchObject({ moved: 1, left: 1, skipped: 1 });
    expect(migration.skippedCases).toEqual([{ caseId: read.case.id, number: '260301' }]);
    expect(read.policyVersion).toBe(1);
  });
});

describe('who may preview and move', () => {
  it('refuses staff (403) and hides the company from another company’s administrator (404)', async () => {
    const { t } = await withOpenCases();
    const staff = await t.userWith('demo', 'sales', 'salesManager');
    await t.call('POST', '/api/companies', {
      token: ADMIN_TOKEN,
      body: { id: 'acme', name: 'Acme', template: 'starter' },
    });
    const outsider = await t.userWith('acme', 'admin');
    for (const [token, status] of [
      [staff, 403],
      [outsider, 404],
    ] as const) {
      expect((await t.call('POST', PREVIEW, { token })).status).toBe(status);
      const publish = await t.call('POST', PUBLISH, {
        token,
        body: { note: 'v2', openCases: 'move' },
      });
      expect(publish.status).toBe(status);
    }
    const versions = await t.call('GET', '/api/companies/demo/policy/versions', {
      token: ADMIN_TOKEN,
    });
    expect(versions.body.items).toHaveLength(1);
  });
});
