/**
 * Two runtimes on one PostgreSQL database, each with its own connection pool as two processes
 * would have: numbers stay consecutive and unique, and a case version is saved by one of them only.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../server/adapters/storage/postgres/postgres-store.ts';
import { StoreError, type Store, type StoredCase } from '../../server/app/ports/ports.ts';
import { sweepAll } from '../../server/app/sweep/sweep.ts';
import { auditEntry, buildCase } from '../adapters/storage/store-fixtures.ts';
import {
  postgresSkipReason,
  startPostgres,
  type PostgresCluster,
} from '../support/postgres-cluster.ts';
import { allAudit, allCases } from '../support/store-reads.ts';
import { ADMIN_TOKEN, buildTestApp, manufacturingIntake } from '../support/test-app.ts';

const skipReason = postgresSkipReason();

/** Registers a case numbered "P-<serial>" through `store`, with its intake audit entry. */
function intakeOn(store: Store, id: string): Promise<StoredCase> {
  return store.cases.insertNumbered(
    'acme',
    '2026-02',
    (serial) => ({
      case: { ...buildCase(id), number: `P-${serial}` },
      policyVersion: 1,
      month: '2026-02',
      updatedAt: 'now',
    }),
    () => [{ ...auditEntry('acme', `a-${id}`, id), action: 'intake' }],
  );
}

describe.skipIf(skipReason !== undefined)(`two runtimes ${skipReason ?? ''}`.trim(), () => {
  let cluster: PostgresCluster;
  const opened: Store[] = [];
  beforeAll(async () => {
    cluster = await startPostgres();
  }, 60_000);
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });
  afterAll(() => cluster?.stop(), 30_000);

  /** Two runtimes' stores on one fresh database, opened at once (both migrate it). */
  async function twoRuntimes(): Promise<[Store, Store]> {
    const url = await cluster.newDatabase();
    const [a, b] = await Promise.all([openPostgresStore(url), openPostgresStore(url)]);
    opened.push(a, b);
    return [a, b];
  }

  it('numbers 2,000 intakes sent to both at once 1..2,000, each exactly once', async () => {
    const [a, b] = await twoRuntimes();
    const ids = Array.from({ length: 2000 }, (_, index) => `c${index}`);
    const stored = await Promise.all(ids.map((id, i) => intakeOn(i % 2 ? b : a, id)));
    const serials = stored.map((s) => s.serial).sort((x, y) => x - y);
    expect(serials).toEqual(ids.map((_, i) => i + 1));
    expect(new Set(stored.map((s) => s.case.number)).size).toBe(2000);
    const listed = await allCases(a, 'acme');
    expect(listed).toHaveLength(2000);
    expect(new Set(listed.map((s) => s.case.number)).size).toBe(2000);
    expect(await allAudit(b, 'acme')).toHaveLength(2000);
    // The list's total (the company's kept count) and a filtered count agree with what is there.
    const page = { offset: 0, limit: 1 };
    expect((await b.cases.query('acme', {}, 'due', page)).total).toBe(2000);
    expect((await a.cases.query('acme', { month: '2026' }, 'due', page)).total).toBe(2000);
    // Both go on from where the other left off.
    expect((await intakeOn(b, 'next-b')).serial).toBe(2001);
    expect((await intakeOn(a, 'next-a')).serial).toBe(2002);
  }, 60_000);

  it('lets exactly one runtime save a case version both save at once', async () => {
    const [a, b] = await twoRuntimes();
    const cases = await Promise.all(Array.from({ length: 50 }, (_, i) => intakeOn(a, `c${i}`)));
    const outcomes = await Promise.all(
      cases.map((stored) =>
        Promise.allSettled(
          [a, b].map((store, runtime) =>
            store.cases.save(
              { ...stored, case: { ...stored.case, flags: [`runtime-${runtime}`] } },
              1,
              [auditEntry('acme', `w-${stored.case.id}-${runtime}`, stored.case.id)],
            ),
          ),
        ),
      ),
    );
    for (const [index, results] of outcomes.entries()) {
      const won = results.filter((result) => result.status === 'fulfilled');
      const lost = results.flatMap((result) => (result.status === 'rejected' ? [result] : []));
      expect(won, `case ${index}`).toHaveLength(1);
      expect(lost[0]?.reason).toBeInstanceOf(StoreError);
      expect((lost[0]?.reason as StoreError).code).toBe('stale_version');
    }
    for (const stored of cases) {
      const saved = await b.cases.get('acme', stored.case.id);
      const audit = await a.audit.forCase('acme', stored.case.id);
      // The winner's flag and the winner's audit entry, and nothing of the loser's.
      expect(saved?.version).toBe(2);
      expect(audit.map((entry) => entry.id)).toEqual([
        `a-${stored.case.id}`,
        `w-${stored.case.id}-${saved?.case.flags[0]?.slice(-1)}`,
      ]);
    }
  }, 30_000);

  it('raises each warning and escalation once when both runtimes sweep at once', async () => {
    const [a, b] = await twoRuntimes();
    const first = await buildTestApp('2026-03-02T02:00:00.000Z', a);
    const sales = await first.userWith('demo', 'sales');
    const intake = manufacturingIntake();
    const ids: string[] = [];
    for (let i = 0; i < 10; i += 1) {
      const made = await first.call('POST', '/api/companies/demo/cases', {
        token: sales,
        body: { intake },
      });
      expect(made.status).toBe(201);
      ids.push(made.body.case.id as string);
    }
    first.setNow('2026-04-30T02:00:00.000Z');
    let counter = 0;
    const second = { ...first.deps, store: b, newId: () => `runtime-b-${++counter}` };
    const results = await Promise.all([sweepAll(first.deps), sweepAll(second)]);
    // Each case saved by one runtime; the other lost the race (stale_version) or found it done.
    expect(results.reduce((sum, result) => sum + result.changed, 0)).toBe(ids.length);
    for (const id of ids) {
      const raised = (await a.audit.forCase('demo', id))
        .flatMap((entry) => entry.events ?? [])
        .filter((event) => event.type === 'clockEscalated' || event.type === 'clockWarning')
        .map((event) => JSON.stringify([event.type, event.data]));
      expect(raised.length, id).toBeGreaterThan(0);
      expect(new Set(raised).size, id).toBe(raised.length);
    }
    expect((await sweepAll(second)).changed).toBe(0);
  }, 30_000);

  it('starts two runtimes at once on one empty database: both come up, one demo company', async () => {
    const [a, b] = await twoRuntimes();
    const [first, second] = await Promise.all([
      buildTestApp(undefined, a),
      buildTestApp(undefined, b),
    ]);
    expect((await first.deps.store.companies.list()).map((c) => c.id)).toEqual(['demo']);
    const admins = (await second.deps.store.users.list('demo')).filter((u) =>
      u.roles.includes('admin'),
    );
    expect(admins).toHaveLength(1);
    const listed = await second.call('GET', '/api/companies/demo/cases', { token: ADMIN_TOKEN });
    expect(listed.status).toBe(200);
  }, 30_000);
});
