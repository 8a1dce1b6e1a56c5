/**
 * The storage contract of durability: a store keeps copies of what it is given, and keeps it across
 * a reopen.
 */
import { expect, it } from 'vitest';
import {
  auditEntry,
  company,
  draftOf,
  expectStoreError,
  intake,
  version,
  type OpenStore,
} from './store-fixtures.ts';
import { allCases, allAudit } from '../../support/store-reads.ts';

/** Registers the copy and reopen tests against the stores `open` opens. */
export function durabilityContract(open: OpenStore): void {
  it('reports itself healthy while it can write', async () => {
    const { store } = await open();
    await store.companies.create(company('acme'));
    expect(await store.health()).toEqual({ ok: true });
  });

  it('keeps copies: changing what went in or came out changes nothing stored', async () => {
    const { store } = await open();
    const input = company('acme');
    await store.companies.create(input);
    input.name = 'changed';
    (await store.companies.get('acme'))!.name = 'changed';
    (await store.companies.list())[0]!.name = 'changed';
    expect((await store.companies.get('acme'))?.name).toBe('Company acme');

    const user = { id: 'li', name: '李', companyId: 'acme', roles: ['clerk'], createdAt: 'x' };
    await store.users.save(user);
    user.roles.push('admin');
    (await store.users.get('li'))!.roles.push('admin');
    expect((await store.users.get('li'))?.roles).toEqual(['clerk']);

    const token = { id: 't1', userId: 'li', hash: 'h1', createdAt: 'x' };
    await store.tokens.save(token);
    (await store.tokens.findByHash('h1'))!.revokedAt = 'now';
    expect(await store.tokens.findByHash('h1')).toEqual(token);

    const draft = draftOf('acme');
    const savedDraft = await store.policies.saveDraft(draft, 0);
    (draft.document as { v: string }).v = 'changed';
    (savedDraft.document as { v: string }).v = 'changed';
    expect((await store.policies.getDraft('acme'))?.document).toEqual({ v: 'a' });

    const published = version('acme', 1);
    await store.policies.publish(published);
    published.policy.id = 'changed';
    (await store.policies.getVersion('acme', 1))!.policy.id = 'changed';
    expect((await store.policies.latestVersion('acme'))?.policy.id).toBe('starter');

    const stored = await intake(store, 'acme', 'c1');
    stored.case.flags.push('changed');
    (await store.cases.get('acme', 'c1'))!.case.flags.push('changed');
    (await allCases(store, 'acme'))[0]!.case.flags.push('changed');
    expect((await store.cases.get('acme', 'c1'))?.case.flags).toEqual([]);

    const entry = auditEntry('acme', 'e1', 'c1');
    await store.audit.append([entry]);
    entry.action = 'changed';
    (await store.audit.forCase('acme', 'c1'))[1]!.action = 'changed';
    expect((await store.audit.forCase('acme', 'c1')).map((e) => e.action)).toEqual([
      'intake',
      'test',
    ]);
  });

  it('keeps everything across close and reopen, and numbers on from where it was', async () => {
    const { store, reopen } = await open();
    if (!reopen) return;
    await store.companies.create(company('acme'));
    await store.users.save({
      id: 'li',
      name: '李',
      companyId: 'acme',
      roles: [],
      createdAt: 'x',
    });
    await store.tokens.save({ id: 't1', userId: 'li', hash: 'h1', createdAt: 'x' });
    const draft = draftOf('acme');
    await store.policies.saveDraft(draft, 0);
    await store.policies.publish(version('acme', 1));
    await Promise.all(['c1', 'c2', 'c3'].map((id) => intake(store, 'acme', id)));
    const march = await intake(store, 'acme', 'm1', '2026-03', '2026-03-02T09:00:00+08:00');
    const c1 = (await store.cases.get('acme', 'c1'))!;
    await store.cases.save({ ...c1, updatedAt: 'later' }, 1, [auditEntry('acme', 'e9', 'c1')]);
    const before = {
      companies: await store.companies.list(),
      user: await store.users.get('li'),
      token: await store.tokens.findByHash('h1'),
      draft: await store.policies.getDraft('acme'),
      versions: await store.policies.listVersions('acme'),
      cases: await allCases(store, 'acme'),
      audit: await allAudit(store, 'acme'),
    };
    await store.close();

    const again = await reopen();
    expect({
      companies: await again.companies.list(),
      user: await again.users.get('li'),
      token: await again.tokens.findByHash('h1'),
      draft: await again.policies.getDraft('acme'),
      versions: await again.policies.listVersions('acme'),
      cases: await allCases(again, 'acme'),
      audit: await allAudit(again, 'acme'),
    }).toEqual(before);
    expect(await again.cases.get('acme', 'm1')).toEqual(march);
    expect(await again.policies.getVersion('acme', 1)).toEqual(version('acme', 1));
    expect((await intake(again, 'acme', 'c4')).serial).toBe(4);
    expect((await intake(again, 'acme', 'm2', '2026-03', '2026-03-03T09:00:00+08:00')).serial).toBe(
      2,
    );
    await expectStoreError(again.policies.saveDraft(draft, 0), 'stale_version');
    await expectStoreError(again.policies.publish(version('acme', 1)), 'stale_version');
    await expectStoreError(again.cases.save(c1, 1, []), 'stale_version');
  });
}
