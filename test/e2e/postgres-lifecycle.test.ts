/**
 * A complaint from intake to close on PostgreSQL: through the HTTP app in process (the use cases
 * over the PostgreSQL store), and the README walk-through against the real server started with
 * KESU_DATABASE_URL.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../server/adapters/storage/postgres/postgres-store.ts';
import type { Store } from '../../server/app/ports/ports.ts';
import { ROOT } from '../support/policies.ts';
import {
  postgresSkipReason,
  startPostgres,
  type PostgresCluster,
} from '../support/postgres-cluster.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { ADMIN_TOKEN, buildTestApp } from '../support/test-app.ts';
import { happy, walkHappyPath } from '../support/happy-path.ts';

const skipReason = postgresSkipReason();

describe.skipIf(skipReason !== undefined)(`intake to close ${skipReason ?? ''}`.trim(), () => {
  let cluster: PostgresCluster;
  const stores: Store[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'kesu-pg-walk-'));
  let server: RunningServer | undefined;
  beforeAll(async () => {
    cluster = await startPostgres();
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await Promise.all(stores.map((store) => store.close()));
    await cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  it('carries a complaint through the whole workflow, kept in the database', async () => {
    const url = await cluster.newDatabase();
    const store = await openPostgresStore(url);
    stores.push(store);
    const t = await buildTestApp('2026-03-02T02:00:00.000Z', store);
    const { id, created } = await walkHappyPath(t);
    expect(created.case.number).toBe('260301');

    // Another runtime's store on the same database reads what this one wrote.
    const other = await openPostgresStore(url);
    stores.push(other);
    const stored = await other.cases.get('demo', id);
    expect(stored).toMatchObject({ version: (happy.steps?.length ?? 0) + 1, month: '2026-03' });
    expect(stored?.case.state).toBe('closed');
    expect((await other.audit.forCase('demo', id)).map((entry) => entry.action)).toEqual([
      'intake',
      ...(happy.steps ?? []).map((step) => step.transition),
    ]);
    const closed = await other.cases.query('demo', { open: false }, 'received', {
      offset: 0,
      limit: 10,
    });
    expect(closed).toMatchObject({ total: 1, items: [{ case: { id } }] });

    const read = await t.call('GET', `/api/companies/demo/cases/${id}`, { token: ADMIN_TOKEN });
    expect(read.body.case).toMatchObject({ state: 'closed', satisfaction: 4 });
    const report = await t.call('GET', '/api/companies/demo/reports/2026-03', {
      token: ADMIN_TOKEN,
    });
    expect(report.body).toMatchObject({ total: 1, closed: 1, closureRate: 1 });
    expect(report.body.clocks.investigation).toMatchObject({ counted: 1, timely: 1 });
  }, 30_000);

  it('runs the README walk-through unchanged on a server started with KESU_DATABASE_URL', async () => {
    const url = await cluster.newDatabase();
    server = await startServer(join(dir, 'unused-data'), { KESU_DATABASE_URL: url });
    expect(server.output()).toContain('First start');
    expect(server.output()).toMatch(/Kesu is running .*database 127\.0\.0\.1:\d+\/kesu_test_/);
    const run = spawnSync('bash', [join(ROOT, 'docs/walkthrough.sh')], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, KESU: server.url, KESU_ADMIN_TOKEN: server.adminToken ?? '' },
      timeout: 60_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe('acme');
    expect(lines).toContain('approvals_pending');
    expect(lines.slice(-1)[0]).toBe('1 case(s), 1 closed');
    // Nothing went to the data directory: the database holds it all.
    const store = await openPostgresStore(url);
    stores.push(store);
    expect((await store.companies.list()).map((company) => company.id).sort()).toEqual([
      'acme',
      'demo',
    ]);
    expect(
      (await store.cases.query('acme', { open: false }, 'received', { offset: 0, limit: 5 })).total,
    ).toBe(1);
  }, 90_000);
});
