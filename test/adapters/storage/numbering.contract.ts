/**
 * The storage contract of numbering: insertNumbered hands out each serial of a period exactly once.
 */
import { expect, it } from 'vitest';
import type { StoredCase } from '../../../server/app/ports/ports.ts';
import { auditEntry, expectStoreError, intake, newCase, type OpenStore } from './store-fixtures.ts';
import { allCases, allAudit } from '../../support/store-reads.ts';

/**
 * Registers the numbering tests (serials per period and company, build and audit, failed intakes)
 * against the stores `open` opens.
 */
export function numberingContract(open: OpenStore): void {
  it('numbers 200 intakes started at once 1..200, each serial exactly once', async () => {
    const { store } = await open();
    const ids = Array.from({ length: 200 }, (_, index) => `case-${index}`);
    const stored = await Promise.all(ids.map((id) => intake(store, 'acme', id)));
    expect(stored.map((s) => s.serial).sort((a, b) => a - b)).toEqual(ids.map((_, i) => i + 1));
    expect(stored.every((s) => s.version === 1 && s.period === '2026-02')).toBe(true);
    const listed = await allCases(store, 'acme');
    expect(new Set(listed.map((s) => s.case.number)).size).toBe(200);
    expect(await allAudit(store, 'acme')).toHaveLength(200);
  });

  it('restarts serials per period and numbers companies independently', async () => {
    const { store } = await open();
    const serial = async (companyId: string, id: string, period: string, at?: string) =>
      (await intake(store, companyId, id, period, at)).serial;
    expect(await serial('acme', 'a1', '2026-02')).toBe(1);
    expect(await serial('acme', 'a2', '2026-02')).toBe(2);
    expect(await serial('acme', 'a3', '2026-03', '2026-03-01T09:00:00+08:00')).toBe(1);
    expect(await serial('acme', 'a4', '2026-02')).toBe(3);
    expect(await serial('bolt', 'b1', '2026-02')).toBe(1);
  });

  it('tells the last serial of a period, 0 for a period or company without cases', async () => {
    const { store } = await open();
    expect(await store.cases.lastSerial('acme', '2026-02')).toBe(0);
    await intake(store, 'acme', 'a1', '2026-02');
    await intake(store, 'acme', 'a2', '2026-02');
    await intake(store, 'acme', 'a3', '2026-03', '2026-03-01T09:00:00+08:00');
    expect(await store.cases.lastSerial('acme', '2026-02')).toBe(2);
    expect(await store.cases.lastSerial('acme', '2026-03')).toBe(1);
    expect(await store.cases.lastSerial('acme', '2026-04')).toBe(0);
    expect(await store.cases.lastSerial('bolt', '2026-02')).toBe(0);
  });

  it('gives build the serial and audit the stored case, and stores both', async () => {
    const { store } = await open();
    let seen: StoredCase | undefined;
    const stored = await store.cases.insertNumbered('acme', '2026-02', newCase('c1'), (s) => {
      seen = s;
      return [auditEntry('acme', 'e1', 'c1')];
    });
    expect(stored).toMatchObject({ companyId: 'acme', period: '2026-02', serial: 1, version: 1 });
    expect(stored.case.number).toBe('2602001');
    expect(seen).toEqual(stored);
    expect(await store.cases.get('acme', 'c1')).toEqual(stored);
    expect(await store.audit.forCase('acme', 'c1')).toEqual([auditEntry('acme', 'e1', 'c1')]);
  });

  it('uses no serial for an intake that fails (a failing build, a case id already stored)', async () => {
    const { store } = await open();
    await intake(store, 'acme', 'c1');
    const failing = () => {
      throw new Error('build failed');
    };
    await expect(store.cases.insertNumbered('acme', '2026-02', failing, () => [])).rejects.toThrow(
      'build failed',
    );
    await expectStoreError(intake(store, 'acme', 'c1'), 'conflict');
    expect((await intake(store, 'acme', 'c2')).serial).toBe(2);
    expect(await allCases(store, 'acme')).toHaveLength(2);
  });
}
