/**
 * The storage contract of idempotency keys: a key is stored in the same write as the case it
 * produced, per company, refused a second time (also by concurrent writes) and kept over a reopen.
 */
import { expect, it } from 'vitest';
import type { IdempotencyClaim, Store } from '../../../server/app/ports/ports.ts';
import { auditEntry, expectStoreError, newCase, type OpenStore } from './store-fixtures.ts';
import { allCases, allAudit } from '../../support/store-reads.ts';

const claim = (key: string, request = '{"intake":{}}'): IdempotencyClaim => ({ key, request });

/** Inserts a case with an intake audit entry, claiming the key if given. */
function insert(store: Store, companyId: string, caseId: string, idempotency?: IdempotencyClaim) {
  return store.cases.insertNumbered(
    companyId,
    '2026-02',
    newCase(caseId),
    () => [{ ...auditEntry(companyId, `a-${caseId}`, caseId), action: 'intake' }],
    idempotency,
  );
}

/** Registers the idempotency-key tests against the stores `open` opens. */
export function idempotencyContract(open: OpenStore): void {
  it('stores an intake’s key with its case, per company, and refuses the key a second time', async () => {
    const { store } = await open();
    await insert(store, 'acme', 'c1', claim('["li","K-1"]'));
    expect(await store.idempotency.get('acme', '["li","K-1"]')).toEqual({
      caseId: 'c1',
      version: 1,
      request: '{"intake":{}}',
    });
    expect(await store.idempotency.get('acme', '["wang","K-1"]')).toBeUndefined();
    expect(await store.idempotency.get('bolt', '["li","K-1"]')).toBeUndefined();
    expect(await store.idempotency.get('nobody', '["li","K-1"]')).toBeUndefined();
    await expectStoreError(insert(store, 'acme', 'c2', claim('["li","K-1"]')), 'conflict');
    expect((await allCases(store, 'acme')).map((c) => c.case.id)).toEqual(['c1']);
    expect((await allAudit(store, 'acme')).map((e) => e.id)).toEqual(['a-c1']);
    // The refused insert used no serial; another company may use the same key.
    expect((await insert(store, 'acme', 'c3')).serial).toBe(2);
    expect((await insert(store, 'bolt', 'b1', claim('["li","K-1"]'))).serial).toBe(1);
    expect((await store.idempotency.get('bolt', '["li","K-1"]'))?.caseId).toBe('b1');
  });

  it('stores a save’s key with the version it produced and keeps earlier keys', async () => {
    const { store } = await open();
    const first = await insert(store, 'acme', 'c1', claim('K-1'));
    const moved = { ...first, case: { ...first.case, state: 'approving' } };
    const saved = await store.cases.save(moved, 1, [auditEntry('acme', 'e2', 'c1')], {
      key: 'K-2',
      request: 'act',
    });
    expect(saved.version).toBe(2);
    expect(await store.idempotency.get('acme', 'K-2')).toEqual({
      caseId: 'c1',
      version: 2,
      request: 'act',
    });
    // A save without a key, even of a copy that dropped the keys, keeps them.
    const { idempotency: _dropped, ...bare } = saved;
    await store.cases.save({ ...bare, updatedAt: 'later' }, 2, []);
    expect((await store.idempotency.get('acme', 'K-1'))?.version).toBe(1);
    expect((await store.idempotency.get('acme', 'K-2'))?.version).toBe(2);
    // A claimed key is refused before the version is looked at, and nothing changes.
    const again = { ...saved, case: { ...saved.case, state: 'closed' } };
    await expectStoreError(
      store.cases.save(again, 3, [auditEntry('acme', 'e4', 'c1')], claim('K-2')),
      'conflict',
    );
    expect((await store.cases.get('acme', 'c1'))?.case.state).toBe('approving');
    expect((await store.audit.forCase('acme', 'c1')).map((e) => e.id)).toEqual(['a-c1', 'e2']);
  });

  it('lets only one of two concurrent writes with a new key store it', async () => {
    const { store } = await open();
    const results = await Promise.allSettled([
      insert(store, 'acme', 'c1', claim('K-1')),
      insert(store, 'acme', 'c2', claim('K-1')),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await allCases(store, 'acme')).toHaveLength(1);
    expect(await allAudit(store, 'acme')).toHaveLength(1);
  });

  it('keeps the keys over a reopen', async () => {
    const { store, reopen } = await open();
    if (!reopen) return;
    const first = await insert(store, 'acme', 'c1', claim('K-1'));
    await store.cases.save(first, 1, [], claim('K-2', 'act'));
    await store.close();
    const again = await reopen();
    expect(await again.idempotency.get('acme', 'K-1')).toEqual({
      caseId: 'c1',
      version: 1,
      request: '{"intake":{}}',
    });
    expect((await again.idempotency.get('acme', 'K-2'))?.version).toBe(2);
    await expectStoreError(insert(again, 'acme', 'c2', claim('K-1')), 'conflict');
    expect(await allCases(again, 'acme')).toHaveLength(1);
  });
}
