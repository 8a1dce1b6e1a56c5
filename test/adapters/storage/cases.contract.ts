/**
 * The storage contract of cases and audit: saves at a version, per-company isolation, import keys.
 */
import { expect, it } from 'vitest';
import {
  auditEntry,
  buildCase,
  expectStoreError,
  intake,
  newCase,
  type OpenStore,
} from './store-fixtures.ts';
import { allCases, allAudit } from '../../support/store-reads.ts';

/** Registers the case and audit tests against the stores `open` opens. */
export function casesContract(open: OpenStore): void {
  it('saves a case at its version and refuses a stale one changing nothing', async () => {
    const { store } = await open();
    const first = await intake(store, 'acme', 'c1');
    const moved = { ...first, case: { ...first.case, state: 'approving' }, updatedAt: 'later' };
    const saved = await store.cases.save(moved, 1, [auditEntry('acme', 'e2', 'c1')]);
    expect(saved).toMatchObject({ version: 2, serial: 1, period: '2026-02' });
    expect(saved.case.state).toBe('approving');
    const late = { ...first, case: { ...first.case, state: 'closed' } };
    await expectStoreError(
      store.cases.save(late, 1, [auditEntry('acme', 'e3', 'c1')]),
      'stale_version',
    );
    expect(await store.cases.get('acme', 'c1')).toEqual(saved);
    expect((await store.audit.forCase('acme', 'c1')).map((e) => e.id)).toEqual(['a-c1', 'e2']);
    const missing = { ...first, case: buildCase('nope') };
    await expectStoreError(store.cases.save(missing, 1, []), 'not_found');
  });

  it("never shows one company another's case or audit", async () => {
    const { store } = await open();
    const acme = await intake(store, 'acme', 'c1');
    await intake(store, 'bolt', 'b1');
    expect(await store.cases.get('bolt', 'c1')).toBeUndefined();
    expect((await allCases(store, 'bolt')).map((s) => s.case.id)).toEqual(['b1']);
    expect((await allAudit(store, 'bolt')).map((e) => e.caseId)).toEqual(['b1']);
    expect(await store.audit.forCase('bolt', 'c1')).toEqual([]);
    await expectStoreError(store.cases.save({ ...acme, companyId: 'bolt' }, 1, []), 'not_found');
    expect(await store.cases.get('acme', 'c1')).toEqual(acme);
  });

  it('appends audit entries and lists them by company and by case, in order', async () => {
    const { store } = await open();
    await store.audit.append([auditEntry('acme', 'e1', 'c1'), auditEntry('acme', 'e2')]);
    await store.audit.append([auditEntry('acme', 'e3', 'c1'), auditEntry('bolt', 'e4', 'c1')]);
    expect((await allAudit(store, 'acme')).map((e) => e.id)).toEqual(['e1', 'e2', 'e3']);
    expect((await store.audit.forCase('acme', 'c1')).map((e) => e.id)).toEqual(['e1', 'e3']);
    expect((await allAudit(store, 'bolt')).map((e) => e.id)).toEqual(['e4']);
  });

  it('finds a case by its import key, per company, and refuses a second case with that key', async () => {
    const { store, reopen } = await open();
    const imported = (id: string, key: string) => (serial: number) => ({
      ...newCase(id)(serial),
      importKey: key,
    });
    const first = await store.cases.insertNumbered(
      'acme',
      '2026-02',
      imported('c1', 'K-1'),
      () => [],
    );
    await store.cases.insertNumbered('other', '2026-02', imported('o1', 'K-1'), () => []);
    expect(first.importKey).toBe('K-1');
    expect((await store.cases.findByImportKey('acme', 'K-1'))?.case.id).toBe('c1');
    expect((await store.cases.findByImportKey('other', 'K-1'))?.case.id).toBe('o1');
    expect(await store.cases.findByImportKey('acme', 'K-2')).toBeUndefined();
    expect(await store.cases.findByImportKey('nobody', 'K-1')).toBeUndefined();
    await expectStoreError(
      store.cases.insertNumbered('acme', '2026-02', imported('c2', 'K-1'), () => []),
      'conflict',
    );
    expect((await allCases(store, 'acme')).map((c) => c.case.id)).toEqual(['c1']);
    // The refused insert used no serial.
    expect((await intake(store, 'acme', 'c3')).serial).toBe(2);
    if (!reopen) return;
    await store.close();
    const again = await reopen();
    expect((await again.cases.findByImportKey('acme', 'K-1'))?.case.id).toBe('c1');
    await expectStoreError(
      again.cases.insertNumbered('acme', '2026-02', imported('c4', 'K-1'), () => []),
      'conflict',
    );
  });
}
