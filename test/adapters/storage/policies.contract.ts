/** The storage contract of policies: the draft saved at a version, and the published versions. */
import { expect, it } from 'vitest';
import { draftOf, expectStoreError, version, type OpenStore } from './store-fixtures.ts';

/**
 * Registers the policy tests (drafts, published versions, template snapshots) against the stores
 * `open` opens.
 */
export function policiesContract(open: OpenStore): void {
  it('saves a draft at versions 0 then 1, and refuses a wrong version changing nothing', async () => {
    const { store } = await open();
    const draft = draftOf('acme');
    expect(await store.policies.getDraft('acme')).toBeUndefined();
    expect((await store.policies.saveDraft(draft, 0)).version).toBe(1);
    const second = await store.policies.saveDraft({ ...draft, document: { v: 'b' } }, 1);
    expect(second).toMatchObject({ version: 2, document: { v: 'b' } });
    await expectStoreError(
      store.policies.saveDraft({ ...draft, document: { v: 'c' } }, 1),
      'stale_version',
    );
    await expectStoreError(
      store.policies.saveDraft({ ...draft, document: { v: 'c' } }, 0),
      'stale_version',
    );
    expect(await store.policies.getDraft('acme')).toEqual(second);
  });

  it('publishes versions 1 and 2 and refuses a repeat or a gap', async () => {
    const { store } = await open();
    await store.policies.publish(version('acme', 1));
    await store.policies.publish(version('acme', 2));
    await expectStoreError(store.policies.publish(version('acme', 1)), 'stale_version');
    await expectStoreError(store.policies.publish(version('acme', 4)), 'stale_version');
    expect(await store.policies.getVersion('acme', 1)).toEqual(version('acme', 1));
    expect((await store.policies.latestVersion('acme'))?.number).toBe(2);
    expect(await store.policies.getVersion('acme', 3)).toBeUndefined();
    const listed = await store.policies.listVersions('acme');
    expect(listed.map((v) => v.number)).toEqual([1, 2]);
    expect(listed[0]).not.toHaveProperty('policy');
    expect(await store.policies.latestVersion('bolt')).toBeUndefined();
  });

  it('keeps a draft’s template snapshot and a version’s extends reference, also after reopening', async () => {
    const { store, reopen } = await open();
    const ref = { template: 'starter', version: 'h-1' };
    const draft = {
      companyId: 'acme',
      document: { extends: ref },
      base: { ...ref, policy: { id: 'starter' } },
      version: 0,
      updatedAt: 'x',
      updatedBy: 'li',
    };
    const saved = await store.policies.saveDraft(draft, 0);
    await store.policies.publish({ ...version('acme', 1), extends: ref });
    const again = reopen ? (await store.close(), await reopen()) : store;
    expect(await again.policies.getDraft('acme')).toEqual(saved);
    expect(saved.base).toEqual(draft.base);
    expect((await again.policies.getVersion('acme', 1))?.extends).toEqual(ref);
  });
}
