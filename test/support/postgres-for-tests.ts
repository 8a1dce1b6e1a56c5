/**
 * The throw-away cluster of a describe block's PostgreSQL tests, kept apart from the cluster itself
 * (which the benchmarks use too, without the test runner).
 */
import { afterAll, beforeAll } from 'vitest';
import { openPostgresStore } from '../../server/adapters/storage/postgres/postgres-store.ts';
import type { Store } from '../../server/app/ports/ports.ts';
import { startPostgres, type PostgresCluster } from './postgres-cluster.ts';

/**
 * A throw-away cluster for the tests of the describe block that calls this: started before them;
 * after them every store opened through `open` is closed and the cluster stopped.
 */
export function postgresForTests(): {
  newDatabase: () => Promise<string>;
  open: (url: string) => Promise<Store>;
} {
  let cluster: PostgresCluster | undefined;
  const stores: Store[] = [];
  beforeAll(async () => {
    cluster = await startPostgres();
  }, 60_000);
  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close()));
    await cluster?.stop();
  }, 30_000);
  return {
    newDatabase: () => cluster!.newDatabase(),
    open: async (url) => {
      const store = await openPostgresStore(url);
      stores.push(store);
      return store;
    },
  };
}
