import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Pool } from 'pg';
import {
  migrateDatabase,
  migrationNames,
} from '../../server/adapters/storage/postgres/migrate-database.ts';
import { openLowdbStore } from '../../server/adapters/storage/lowdb-store.ts';
import { openPostgresStore } from '../../server/adapters/storage/postgres/postgres-store.ts';
import { main, type CliIo } from '../../server/cli/kesu.ts';
import { company, intake } from '../adapters/storage/store-fixtures.ts';
import {
  postgresSkipReason,
  startPostgres,
  type PostgresCluster,
} from '../support/postgres-cluster.ts';

const skipReason = postgresSkipReason();

/** Runs kesu with this environment and collects what it prints. */
async function kesu(argv: string[], env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (line) => out.push(line), err: (line) => err.push(line), env };
  const code = await main(argv, io);
  return { code, out, err };
}

describe.skipIf(skipReason !== undefined)(`kesu db ${skipReason ?? ''}`.trim(), () => {
  let cluster: PostgresCluster;
  beforeAll(async () => {
    cluster = await startPostgres();
  }, 60_000);
  afterAll(() => cluster?.stop(), 30_000);

  it('applies every migration once, in both languages, then finds nothing to do', async () => {
    const url = await cluster.newDatabase();
    const names = await migrationNames();
    expect(names[0]).toBe('001_initial.sql');
    const first = await kesu(['db', 'migrate'], { KESU_DATABASE_URL: url, KESU_LANG: 'en' });
    expect(first.code).toBe(0);
    expect(first.out).toEqual([
      ...names.map((name) => `Applied migration ${name}`),
      expect.stringContaining(`${names.length} migration(s) applied`),
    ]);
    const again = await kesu(['db', 'migrate', '--database-url', url, '--lang', 'zh-CN'], {});
    expect(again).toMatchObject({ code: 0, out: [expect.stringContaining('已是最新')] });
  });

  it('lets runtimes that start at once apply each migration exactly once', async () => {
    const url = await cluster.newDatabase();
    const pools = Array.from({ length: 4 }, () => new Pool({ connectionString: url, max: 1 }));
    const applied = await Promise.all(pools.map((pool) => migrateDatabase(pool)));
    await Promise.all(pools.map((pool) => pool.end()));
    expect(applied.flat().sort()).toEqual(await migrationNames());
  });

  it('copies the embedded store’s companies into the database, and leaves them the second time', async () => {
    const url = await cluster.newDatabase();
    const dataDir = mkdtempSync(join(tmpdir(), 'kesu-db-copy-'));
    try {
      const embedded = await openLowdbStore(dataDir);
      await embedded.companies.create(company('acme'));
      await intake(embedded, 'acme', 'c1');
      await intake(embedded, 'acme', 'c2');
      await embedded.close();
      const env = { KESU_DATABASE_URL: url, KESU_LANG: 'en' };
      const first = await kesu(['db', 'copy', '--data-dir', dataDir], env);
      expect(first).toMatchObject({
        code: 0,
        out: [expect.stringContaining('Copied company acme')],
      });
      expect(first.out[0]).toContain('2 case(s)');
      const again = await kesu(['db', 'copy', '--data-dir', dataDir], env);
      expect(again.out).toEqual(['Company acme is already in the database: left as it is']);
      const store = await openPostgresStore(url);
      expect((await store.cases.get('acme', 'c2'))?.case.number).toBe('2602002');
      await store.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('says what is missing or unreachable instead of failing with a stack', async () => {
    const none = await kesu(['db', 'migrate'], { KESU_LANG: 'en' });
    expect(none).toMatchObject({ code: 2, err: [expect.stringContaining('KESU_DATABASE_URL')] });
    const down = await kesu(['db', 'migrate'], {
      KESU_LANG: 'en',
      KESU_DATABASE_URL: 'postgres://kesu:secret@127.0.0.1:1/kesu',
    });
    expect(down.code).toBe(1);
    expect(down.err.join('\n')).toContain('Could not use database');
    expect(down.err.join('\n')).not.toContain('secret');
  });
});
