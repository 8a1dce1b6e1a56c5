import { describe, expect, it } from 'vitest';
import { sweepAll } from '../../server/app/sweep/sweep.ts';
import {
  ADMIN_TOKEN,
  buildTestApp,
  manufacturingIntake,
  type TestApp,
} from '../support/test-app.ts';

type Listed = { id: string; kind: string; reason: string; caseId: string; readAt?: string };

/** The demo company with a case registered by sales (its assignee), and people of other roles. */
async function caseWithPeople() {
  const t = await buildTestApp('2026-03-02T02:00:00.000Z');
  const sales = await t.userWith('demo', 'sales');
  const otherSales = await t.userWith('demo', 'sales');
  const office = await t.userWith('demo', 'gmOffice');
  const created = await t.call('POST', '/api/companies/demo/cases', {
    token: sales,
    body: { intake: manufacturingIntake() },
  });
  return { t, sales, otherSales, office, caseId: created.body.case.id as string };
}

const list = (t: TestApp, token: string, query = '') =>
  t.call('GET', `/api/companies/demo/notifications${query}`, { token });
const reasons = (items: Listed[]) => items.map((n) => `${n.kind} ${n.reason}`).sort();

describe('notifications of reminders, warnings and escalations', () => {
  it('reach the assignee and every user of the role once, also when sweeps run at once and again', async () => {
    const { t, sales, otherSales, office, caseId } = await caseWithPeople();
    expect((await list(t, sales)).body).toMatchObject({ items: [], total: 0, unread: 0 });
    t.setNow('2026-04-30T02:00:00.000Z');
    await Promise.all([sweepAll(t.deps), sweepAll(t.deps)]);
    await sweepAll(t.deps);
    const mine = (await list(t, sales)).body;
    // Sales registered the case, so it is theirs (首问负责制): the 催办 reminders of every overdue
    // clock and a level that notifies nobody go to them; the reply clock's warning to every sales user.
    expect(reasons(mine.items)).toEqual([
      'escalation closing:escalation:3',
      'remind closing:escalation:1',
      'remind investigation:escalation:1',
      'remind registration:escalation:1',
      'remind reply:escalation:1',
      'warning reply:warning:1',
    ]);
    expect(mine.items.every((n: Listed) => n.caseId === caseId)).toBe(true);
    expect(mine.unread).toBe(6);
    expect(reasons((await list(t, otherSales)).body.items)).toEqual(['warning reply:warning:1']);
    expect(reasons((await list(t, office)).body.items)).toEqual(['warning closing:warning:1']);
  });

  it('counts unread, marks read the caller’s own only, unread first', async () => {
    const { t, sales, office } = await caseWithPeople();
    t.setNow('2026-04-30T02:00:00.000Z');
    await sweepAll(t.deps);
    const items: Listed[] = (await list(t, sales)).body.items;
    const first = items[0]!;
    const byOther = await t.call('POST', '/api/companies/demo/notifications/read', {
      token: office,
      body: { ids: [first.id] },
    });
    expect(byOther.body).toEqual({ changed: 0, unread: 1 });
    const read = await t.call('POST', '/api/companies/demo/notifications/read', {
      token: sales,
      body: { ids: [first.id] },
    });
    expect(read.body).toEqual({ changed: 1, unread: items.length - 1 });
    const count = await t.call('GET', '/api/companies/demo/notifications/unread', { token: sales });
    expect(count.body).toEqual({ unread: items.length - 1 });
    const after: Listed[] = (await list(t, sales, '?pageSize=100')).body.items;
    expect(after.at(-1)).toMatchObject({ id: first.id, readAt: '2026-04-30T02:00:00.000Z' });
    const page2 = (await list(t, sales, '?page=2&pageSize=2')).body;
    expect(page2).toMatchObject({ page: 2, pageSize: 2, total: items.length });
    expect(page2.items.map((n: Listed) => n.id)).toEqual(after.slice(2, 4).map((n) => n.id));
    const all = await t.call('POST', '/api/companies/demo/notifications/read', {
      token: sales,
      body: {},
    });
    expect(all.body).toEqual({ changed: items.length - 1, unread: 0 });
  });

  it('are not another company’s to see', async () => {
    const { t, sales } = await caseWithPeople();
    t.setNow('2026-04-30T02:00:00.000Z');
    await sweepAll(t.deps);
    await t.call('POST', '/api/companies', {
      token: ADMIN_TOKEN,
      body: { id: 'other', name: 'Other', template: 'starter' },
    });
    const outsider = await t.userWith('other', 'admin', 'clerk');
    expect((await list(t, outsider)).status).toBe(404);
    const theirs = await t.call('GET', '/api/companies/other/notifications', { token: outsider });
    expect(theirs.body.total).toBe(0);
    const id = (await list(t, sales)).body.items[0].id;
    const marked = await t.call('POST', '/api/companies/other/notifications/read', {
      token: outsider,
      body: { ids: [id] },
    });
    expect(marked.body.changed).toBe(0);
    expect((await list(t, sales)).body.unread).toBe(6);
  });

  it.each([
    ['ids not a list', { body: { ids: 'all' } }, '.ids'],
    ['an empty id', { body: { ids: [''] } }, '.ids'],
    ['an unknown field', { body: { all: true } }, '.all'],
  ])('refuses marking read with %s, naming the field', async (_what, { body }, property) => {
    const { t, sales } = await caseWithPeople();
    const answer = await t.call('POST', '/api/companies/demo/notifications/read', {
      token: sales,
      body,
    });
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toContain(property);
  });

  it.each(['?page=0', '?pageSize=x', '?page=1.5'])('refuses the list query %s', async (query) => {
    const { t, sales } = await caseWithPeople();
    const answer = await list(t, sales, query);
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('invalid_query');
  });
});
