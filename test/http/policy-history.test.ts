/**
 * The policy's change history: each publish keeps who, when, the note and what changed (as data,
 * worded in the reader's language on read); versions stored without it get it worked out on read.
 */
import { describe, expect, it } from 'vitest';
import { NOW, PUBLISH, withOpenCases } from './policy-migration-fixtures.ts';

const VERSIONS = '/api/companies/demo/policy/versions';
const messages = (version: { changes: { message: string }[] }) =>
  version.changes.map((change) => change.message);

async function publishedV2() {
  const setup = await withOpenCases();
  const published = await setup.t.call('POST', PUBLISH, {
    token: setup.admin,
    body: { note: 'sales manager up to 2,000; reply in 5 days' },
  });
  expect(published.status).toBe(201);
  return setup;
}

describe('the policy history', () => {
  it('gives each version who published it, when, the note and the changes in words', async () => {
    const { t, admin } = await publishedV2();
    const me = await t.call('GET', '/api/me', { token: admin });
    const list = await t.call('GET', VERSIONS, {
      token: admin,
      headers: { 'accept-language': 'en' },
    });
    expect(list.status).toBe(200);
    const [v1, v2] = list.body.items;
    expect(v1).toMatchObject({ number: 1, changes: [], changesRecorded: true });
    expect(v2).toMatchObject({
      number: 2,
      note: 'sales manager up to 2,000; reply in 5 days',
      publishedAt: NOW,
      publishedBy: me.body.userId,
      publishedByName: 'admin',
      changesRecorded: true,
    });
    expect(messages(v2)).toEqual(
      expect.arrayContaining([
        'approval band 0–1,000: Sales manager → 0–2,000: Sales manager',
        'approval band 1,000–10,000: Sales manager, Deputy general manager → 2,000–10,000: Sales manager, Deputy general manager',
        'authority of Sales manager: 1,000 → 2,000',
        'clock Reply to the customer (a week from receipt): 7 days → 5 days',
        'state To be closed removed',
        'transition Close removed',
      ]),
    );
    expect(v2.changes.find((c: { code: string }) => c.code === 'clock_duration_changed')).toEqual(
      expect.objectContaining({
        path: '/clocks/reply/duration',
        params: {
          clock: 'reply',
          before: { amount: 7, unit: 'days' },
          after: { amount: 5, unit: 'days' },
        },
      }),
    );
    const zh = await t.call('GET', `${VERSIONS}/2`, {
      token: admin,
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(zh.body.policy.clocks.reply.duration).toEqual({ amount: 5, unit: 'days' });
    expect(messages(zh.body)).toEqual(
      expect.arrayContaining(['时限 答复客户（接到客诉起一周）: 7 天 → 5 天', '删除状态 待结案']),
    );
  });

  it('answers the publish with the changes it stored', async () => {
    const { t, admin } = await withOpenCases();
    const published = await t.call('POST', PUBLISH, {
      token: admin,
      headers: { 'accept-language': 'en' },
      body: { note: 'v2' },
    });
    expect(published.body).toMatchObject({ number: 2, note: 'v2', changesRecorded: true });
    expect(messages(published.body)).toContain(
      'clock Reply to the customer (a week from receipt): 7 days → 5 days',
    );
  });

  it('works out the changes of a version stored without them from the version before', async () => {
    const { t, admin } = await publishedV2();
    const v2 = (await t.deps.store.policies.getVersion('demo', 2))!;
    const { changes: _changes, ...older } = structuredClone(v2);
    older.policy.clocks.reply!.duration = { amount: 4, unit: 'days' };
    await t.deps.store.policies.publish({ ...older, number: 3, note: 'stored before history' });
    const read = await t.call('GET', `${VERSIONS}/3`, {
      token: admin,
      headers: { 'accept-language': 'en' },
    });
    expect(read.body).toMatchObject({ number: 3, changesRecorded: false });
    expect(messages(read.body)).toEqual([
      'clock Reply to the customer (a week from receipt): 5 days → 4 days',
    ]);
  });

  it('is readable by staff, like the versions', async () => {
    const { t } = await publishedV2();
    const staff = await t.userWith('demo', 'sales');
    const list = await t.call('GET', VERSIONS, { token: staff });
    expect(list.status).toBe(200);
    expect(list.body.items[1].changes.length).toBeGreaterThan(0);
  });
});
