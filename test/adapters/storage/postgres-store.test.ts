import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../../server/adapters/storage/postgres/postgres-store.ts';
import { StoreError, type Store } from '../../../server/app/ports/ports.ts';
import {
  postgresSkipReason,
  startPostgres,
  type PostgresCluster,
} from '../../support/postgres-cluster.ts';
import { allCases } from '../../support/store-reads.ts';
import { auditEntry, newCase } from './store-fixtures.ts';
import { describeStoreContract } from './store.contract.ts';

const skipReason = postgresSkipReason();

/** The error code of a rejected intake, or its message when it is not a StoreError. */
const failure = (result: PromiseSettledResult<unknown>) =>
  result.status === 'fulfilled'
    ? undefined
    : result.reason instanceof StoreError
      ? result.reason.code
      : (result.reason as Error).message;

describe.skipIf(skipReason !== undefined)(`PostgreSQL ${skipReason ?? ''}`.trim(), () => {
  let cluster: PostgresCluster;
  beforeAll(async () => {
    cluster = await startPostgres();
  }, 60_000);
  afterAll(() => cluster?.stop(), 30_000);

  describeStoreContract('postgres', async () => {
    const url = await cluster.newDatabase();
    return { store: await openPostgresStore(url), reopen: () => openPostgresStore(url) };
  });

  describe('intakes that arrive together (written in one statement)', () => {
    let store: Store;
    afterAll(() => store?.close());

    it('skips a serial whose number is taken, also when intakes arrive together', async () => {
      store = await openPostgresStore(await cluster.newDatabase());
      const taken = await store.cases.insertNumbered(
        'acme',
        '2026-02',
        (serial) => ({
          ...newCase('old')(serial),
          case: { ...newCase('old')(serial).case, number: '2602005' },
        }),
        () => [],
      );
      expect(taken.serial).toBe(1);
      const stored = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          store.cases.insertNumbered('acme', '2026-02', newCase(`c${i}`), () => []),
        ),
      );
      expect(stored.map((s) => s.serial).sort((a, b) => a - b)).toEqual([
        2, 3, 4, 6, 7, 8, 9, 10, 11, 12,
      ]);
      expect(new Set(stored.map((s) => s.case.number)).size).toBe(10);
      expect(stored.map((s) => s.case.number)).not.toContain('2602005');
      await store.close();
    });

    it('answers each intake of a failing batch on its own, and uses no serial for the failures', async () => {
      store = await openPostgresStore(await cluster.newDatabase());
      await store.cases.insertNumbered(
        'acme',
        '2026-02',
        (serial) => ({
          ...newCase('imported')(serial),
          importKey: 'K-1',
        }),
        () => [],
      );
      const intakes = Array.from({ length: 30 }, (_, i) =>
        store.cases.insertNumbered(
          'acme',
          '2026-02',
          (serial) => {
            if (i === 5) throw new Error('build failed');
            const built = newCase(`c${i}`)(serial);
            return { ...built, ...(i === 15 ? { importKey: 'K-1' } : {}) };
          },
          (stored) => [{ ...auditEntry('acme', `a-c${i}`, stored.case.id), action: 'intake' }],
          i === 10 || i === 11 ? { key: 'same', request: 'r' } : undefined,
        ),
      );
      const results = await Promise.allSettled(intakes);
      const failed = results.flatMap((result, i) =>
        failure(result) ? [[i, failure(result)]] : [],
      );
      expect(failed).toEqual([
        [5, 'build failed'],
        [11, 'conflict'],
        [15, 'conflict'],
      ]);
      const cases = await allCases(store, 'acme');
      expect(cases).toHaveLength(28);
      expect(cases.map((s) => s.serial).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 28 }, (_, i) => i + 1),
      );
      expect(new Set(cases.map((s) => s.case.number)).size).toBe(28);
      for (const stored of cases.slice(1))
        expect((await store.audit.forCase('acme', stored.case.id)).map((e) => e.id)).toEqual([
          `a-${stored.case.id}`,
        ]);
    });
  });
});
