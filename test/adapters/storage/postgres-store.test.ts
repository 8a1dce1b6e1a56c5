import { afterAll, beforeAll, describe } from 'vitest';
import { openPostgresStore } from '../../../server/adapters/storage/postgres/postgres-store.ts';
import {
  postgresSkipReason,
  startPostgres,
  type PostgresCluster,
} from '../../support/postgres-cluster.ts';
import { describeStoreContract } from './store.contract.ts';

const skipReason = postgresSkipReason();

describe.skipIf(skipReason !== undefined)(`PostgreSQL ${skipReason ?? ''}`.trim(), () => {
  let cluster: PostgresCluster;
  beforeAll(async () => {
    cluster = await startPostgres();
  }, 60_000);
  afterAll(() => cluster?.stop());

  describeStoreContract('postgres', async () => {
    const url = await cluster.newDatabase();
    return { store: await openPostgresStore(url), reopen: () => openPostgresStore(url) };
  });
});
