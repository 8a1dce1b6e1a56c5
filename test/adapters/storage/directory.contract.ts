/**
 * The storage contract of the directory: companies, users and tokens, and the names a store refuses
 * because they cannot name a file.
 */
import { expect, it } from 'vitest';
import { company, expectStoreError, intake, type OpenStore } from './store-fixtures.ts';
import { allCases, allAudit } from '../../support/store-reads.ts';

/**
 * Registers the directory tests (companies, users, tokens, refused names) against the stores `open`
 * opens.
 */
export function directoryContract(open: OpenStore): void {
  it('creates, gets and lists companies, and refuses a second one with the same id', async () => {
    const { store } = await open();
    await store.companies.create(company('acme'));
    await store.companies.create(company('bolt'));
    expect(await store.companies.get('acme')).toEqual(company('acme'));
    expect(await store.companies.get('nobody')).toBeUndefined();
    expect((await store.companies.list()).map((c) => c.id).sort()).toEqual(['acme', 'bolt']);
    await expectStoreError(store.companies.create(company('acme')), 'conflict');
  });

  it.each([['../evil'], ['a/b'], ['..'], ['.hidden'], ['Acme'], ['']])(
    'refuses the company id %j for writes and finds nothing under it',
    async (id) => {
      const { store } = await open();
      await expect(store.companies.create(company(id))).rejects.toThrow(/not allowed/);
      await expect(intake(store, id, 'c1')).rejects.toThrow(/not allowed/);
      expect(await store.companies.list()).toEqual([]);
      expect(await store.cases.get(id, 'c1')).toBeUndefined();
      expect(await allCases(store, id)).toEqual([]);
      expect(await allAudit(store, id)).toEqual([]);
      expect(await store.policies.getDraft(id)).toBeUndefined();
    },
  );

  it('refuses a period that cannot name a file', async () => {
    const { store } = await open();
    await expect(intake(store, 'acme', 'c1', '../2026')).rejects.toThrow(/period/);
    expect(await allCases(store, 'acme')).toEqual([]);
  });

  it('saves, gets and lists users by company', async () => {
    const { store } = await open();
    const li = { id: 'li', name: '李', companyId: 'acme', roles: ['clerk'], createdAt: 'x' };
    await store.users.save(li);
    await store.users.save({ ...li, id: 'wang', companyId: 'bolt' });
    await store.users.save({ ...li, roles: ['clerk', 'admin'] });
    expect(await store.users.get('li')).toEqual({ ...li, roles: ['clerk', 'admin'] });
    expect((await store.users.list('acme')).map((user) => user.id)).toEqual(['li']);
    expect(await store.users.get('nobody')).toBeUndefined();
    const { companyId: _none, ...staff } = {
      ...li,
      id: 'zhou',
      platformRole: 'consultant' as const,
    };
    await store.users.save(staff);
    expect((await store.users.list(undefined)).map((user) => user.id)).toEqual(['zhou']);
  });

  it('finds tokens by hash and lists them by user', async () => {
    const { store } = await open();
    const token = { id: 't1', userId: 'li', hash: 'h1', createdAt: 'x' };
    await store.tokens.save(token);
    await store.tokens.save({ ...token, id: 't2', hash: 'h2' });
    await store.tokens.save({ ...token, revokedAt: 'y' });
    expect(await store.tokens.findByHash('h1')).toEqual({ ...token, revokedAt: 'y' });
    expect(await store.tokens.findByHash('nope')).toBeUndefined();
    expect((await store.tokens.listForUser('li')).map((t) => t.id).sort()).toEqual(['t1', 't2']);
  });
}
