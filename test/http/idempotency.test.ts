import { describe, expect, it } from 'vitest';
import { buildTestApp, manufacturingIntake, type TestApp } from '../support/test-app.ts';
import { allCases, allAudit } from '../support/store-reads.ts';

const english = { 'accept-language': 'en' };
const registerBody = {
  transition: 'register',
  data: { investigatingDepartment: 'quality', onSiteInspection: false },
};

/** A POST with a token and, if given, an Idempotency-Key; the answer with its replay header. */
async function post(t: TestApp, path: string, token: string, body: unknown, key?: string) {
  const response = await t.app.request(path, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      ...english,
      ...(key === undefined ? {} : { 'idempotency-key': key }),
    },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    body: JSON.parse(await response.text()),
    replayed: response.headers.get('idempotent-replayed'),
  };
}

const intakePath = '/api/companies/demo/cases';

async function setUp() {
  const t = await buildTestApp();
  const sales = await t.userWith('demo', 'sales');
  return { t, sales, intake: manufacturingIntake() };
}

describe('an Idempotency-Key on intake', () => {
  it('answers a retry with the first case, same number and status, storing one case and one audit entry', async () => {
    const { t, sales, intake } = await setUp();
    const first = await post(t, intakePath, sales, { intake }, 'retry-1');
    expect(first.status).toBe(201);
    expect(first.replayed).toBeNull();
    const retry = await post(t, intakePath, sales, { intake }, 'retry-1');
    expect(retry.status).toBe(201);
    expect(retry.replayed).toBe('true');
    expect(retry.body.case.id).toBe(first.body.case.id);
    expect(retry.body.case.number).toBe(first.body.case.number);
    expect(retry.body.version).toBe(1);
    expect(await allCases(t.deps.store, 'demo')).toHaveLength(1);
    expect(await allAudit(t.deps.store, 'demo')).toHaveLength(1);
  });

  it('refuses the same key with a different body with idempotency_key_reused, changing nothing', async () => {
    const { t, sales, intake } = await setUp();
    const first = await post(t, intakePath, sales, { intake }, 'retry-1');
    const other = { ...intake, customer: { ...intake.customer, contact: '张先生' } };
    const refused = await post(t, intakePath, sales, { intake: other }, 'retry-1');
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('idempotency_key_reused');
    expect(refused.body.error.message).toBe(
      'This Idempotency-Key was already used for a different request',
    );
    const cases = await allCases(t.deps.store, 'demo');
    expect(cases.map((stored) => stored.case.id)).toEqual([first.body.case.id]);
    expect(await allAudit(t.deps.store, 'demo')).toHaveLength(1);
  });

  it('lets only one of concurrent intakes with one new key create a case; the others replay it', async () => {
    const { t, sales, intake } = await setUp();
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => post(t, intakePath, sales, { intake }, 'race-1')),
    );
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(answers.map((answer) => answer.body.case.id)).size).toBe(1);
    expect(answers.filter((answer) => answer.replayed === 'true')).toHaveLength(4);
    expect(await allCases(t.deps.store, 'demo')).toHaveLength(1);
    expect(await allAudit(t.deps.store, 'demo')).toHaveLength(1);
  });

  it('gives another user’s same key a case of its own', async () => {
    const { t, sales, intake } = await setUp();
    const colleague = await t.userWith('demo', 'sales');
    const mine = await post(t, intakePath, sales, { intake }, 'shared-key');
    const theirs = await post(t, intakePath, colleague, { intake }, 'shared-key');
    expect(theirs.status).toBe(201);
    expect(theirs.replayed).toBeNull();
    expect(theirs.body.case.id).not.toBe(mine.body.case.id);
    expect(await allCases(t.deps.store, 'demo')).toHaveLength(2);
  });

  it.each([
    ['an empty key', ''],
    ['a key of 201 characters', 'k'.repeat(201)],
    ['a key with a control character', 'bad\tkey'],
  ])('refuses %s with invalid_header naming the header', async (_description, key) => {
    const { t, sales, intake } = await setUp();
    const refused = await post(t, intakePath, sales, { intake }, key);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('invalid_header');
    expect(refused.body.error.details).toEqual({ header: 'Idempotency-Key' });
    expect(refused.body.error.fieldErrors[0].property).toBe('Idempotency-Key');
    expect(await allCases(t.deps.store, 'demo')).toHaveLength(0);
  });

  it('accepts a key of 200 printable characters', async () => {
    const { t, sales, intake } = await setUp();
    const created = await post(t, intakePath, sales, { intake }, '~'.repeat(200));
    expect(created.status).toBe(201);
  });
});

describe('an Idempotency-Key on a case action', () => {
  it('answers a retry with the case as the first action left it, applying the action once', async () => {
    const { t, sales, intake } = await setUp();
    const gmOffice = await t.userWith('demo', 'gmOffice');
    const created = await post(t, intakePath, sales, { intake });
    const path = `${intakePath}/${created.body.case.id}/actions`;
    const first = await post(t, path, gmOffice, registerBody, 'act-1');
    expect(first.status).toBe(200);
    const retry = await post(t, path, gmOffice, registerBody, 'act-1');
    expect(retry.status).toBe(200);
    expect(retry.replayed).toBe('true');
    expect(retry.body.version).toBe(first.body.version);
    expect(retry.body.case.state).toBe(first.body.case.state);
    const audit = await t.deps.store.audit.forCase('demo', created.body.case.id);
    expect(audit.map((entry) => entry.action)).toEqual(['intake', 'register']);
    // The same key on another request (here: another transition) is refused.
    const reused = await post(t, path, gmOffice, { transition: 'close' }, 'act-1');
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('idempotency_key_reused');
  });

  it('answers concurrent retries of one action with one write', async () => {
    const { t, sales, intake } = await setUp();
    const gmOffice = await t.userWith('demo', 'gmOffice');
    const created = await post(t, intakePath, sales, { intake });
    const path = `${intakePath}/${created.body.case.id}/actions`;
    const answers = await Promise.all([
      post(t, path, gmOffice, registerBody, 'act-race'),
      post(t, path, gmOffice, registerBody, 'act-race'),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    expect(answers.map((answer) => answer.body.version)).toEqual([2, 2]);
    const audit = await t.deps.store.audit.forCase('demo', created.body.case.id);
    expect(audit.map((entry) => entry.action)).toEqual(['intake', 'register']);
  });
});
