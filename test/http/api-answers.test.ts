import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, buildTestApp, manufacturingIntake } from '../support/test-app.ts';

// What storage keeps for itself (numbering period and serial, the company id a record is scoped
// by, a draft's template snapshot, a token's hash) never reaches an answer.
const STORAGE_ONLY = ['period', 'serial', 'companyId', 'base', 'hash'];

async function demoWithCase() {
  const t = await buildTestApp('2026-03-02T02:00:00.000Z');
  const sales = await t.userWith('demo', 'sales');
  const created = await t.call('POST', '/api/companies/demo/cases', {
    token: sales,
    body: { intake: manufacturingIntake() },
  });
  return { t, sales, created, id: created.body.case.id as string };
}

const keys = (value: object) => Object.keys(value).sort();

describe('API answers carry what clients read, not what storage keeps', () => {
  it('answers a case without its numbering period, serial or company id', async () => {
    const { t, created, id } = await demoWithCase();
    const read = await t.call('GET', `/api/companies/demo/cases/${id}`, { token: ADMIN_TOKEN });
    const view = [
      'actions',
      'approverChain',
      'case',
      'clocks',
      'decisions',
      'policyVersion',
      'timeZone',
      'updatedAt',
      'version',
    ];
    expect(created.status).toBe(201);
    expect(keys(created.body)).toEqual(view);
    expect(keys(read.body)).toEqual(
      [...view, 'attachments', 'audit', 'deliveries', 'people'].sort(),
    );
    expect(read.body).toMatchObject({ policyVersion: 1, version: 1 });
    expect(created.body.case.number).toMatch(/\d/);
  });

  it('answers audit entries without the company and case the route already names', async () => {
    const { t, id } = await demoWithCase();
    const read = await t.call('GET', `/api/companies/demo/cases/${id}`, { token: ADMIN_TOKEN });
    expect(read.body.audit).toHaveLength(1);
    expect(keys(read.body.audit[0])).toEqual(
      ['action', 'after', 'at', 'atLocal', 'by', 'events', 'id', 'policyVersion'].sort(),
    );
  });

  it('gives audit times in company time too, with the policy’s zone named', async () => {
    const { t, id } = await demoWithCase();
    const read = await t.call('GET', `/api/companies/demo/cases/${id}`, { token: ADMIN_TOKEN });
    expect(read.body.timeZone).toBe('Asia/Shanghai');
    expect(read.body.audit[0]).toMatchObject({
      at: '2026-03-02T02:00:00.000Z',
      atLocal: '2026-03-02T10:00:00+08:00',
    });
  });

  it('answers the list with each case’s summary only', async () => {
    const { t } = await demoWithCase();
    const list = await t.call('GET', '/api/companies/demo/cases', { token: ADMIN_TOKEN });
    expect(keys(list.body)).toEqual(['items', 'page', 'pageSize', 'people', 'total']);
    expect(keys(list.body.items[0])).toEqual(
      [
        'assignee',
        'categories',
        'id',
        'intake',
        'nextDue',
        'number',
        'overdue',
        'receivedAt',
        'state',
        'version',
      ].sort(),
    );
  });

  it('answers the draft without its template snapshot or company id', async () => {
    const t = await buildTestApp();
    const draft = await t.call('GET', '/api/companies/demo/policy/draft', { token: ADMIN_TOKEN });
    expect(keys(draft.body)).toEqual(['document', 'updatedAt', 'updatedBy', 'version']);
    const saved = await t.call('PUT', '/api/companies/demo/policy/draft', {
      token: ADMIN_TOKEN,
      body: { document: draft.body.document, expectedVersion: draft.body.version },
    });
    expect(keys(saved.body)).toEqual(['document', 'updatedAt', 'updatedBy', 'version']);
  });

  it('answers published versions without the company id', async () => {
    const t = await buildTestApp();
    const list = await t.call('GET', '/api/companies/demo/policy/versions', { token: ADMIN_TOKEN });
    const summary = [
      'changes',
      'changesRecorded',
      'note',
      'number',
      'publishedAt',
      'publishedBy',
      'publishedByName',
    ];
    for (const item of list.body.items) expect(keys(item)).toEqual(summary);
    const latest = await t.call('GET', '/api/companies/demo/policy/versions/latest', {
      token: ADMIN_TOKEN,
    });
    expect(keys(latest.body)).toEqual([...summary, 'policy'].sort());
  });

  it.each<[string, string]>([
    ['the caller', '/api/me'],
    ['the companies', '/api/companies'],
    ['a company', '/api/companies/demo'],
    ['the users', '/api/companies/demo/users'],
    ['the templates', '/api/templates'],
    ['the draft', '/api/companies/demo/policy/draft'],
    ['the versions', '/api/companies/demo/policy/versions'],
  ])('answers %s without a storage-only field', async (_what, path) => {
    const t = await buildTestApp();
    const answer = await t.call('GET', path, { token: ADMIN_TOKEN });
    expect(answer.status).toBe(200);
    const found = new Set<string>();
    JSON.stringify(answer.body, (key, value: unknown) => {
      // Policies and cases inside the answers are domain values; the answer's own fields are checked.
      if (key === 'document' || key === 'policy') return undefined;
      found.add(key);
      return value;
    });
    const allowed = path === '/api/me' || path.endsWith('/users') ? ['companyId'] : [];
    expect(STORAGE_ONLY.filter((key) => found.has(key) && !allowed.includes(key))).toEqual([]);
  });

  it('answers a token list without the hash its secret is kept as', async () => {
    const { t } = await demoWithCase();
    const users = await t.call('GET', '/api/companies/demo/users', { token: ADMIN_TOKEN });
    const user = users.body.items[0].id as string;
    await t.call('POST', `/api/users/${user}/tokens`, { token: ADMIN_TOKEN, body: {} });
    const tokens = await t.call('GET', `/api/users/${user}/tokens`, { token: ADMIN_TOKEN });
    for (const token of tokens.body.items)
      expect(keys(token).filter((key) => !['label', 'revokedAt'].includes(key))).toEqual([
        'createdAt',
        'id',
        'userId',
      ]);
  });
});
