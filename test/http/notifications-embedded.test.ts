import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openLowdbStore } from '../../server/adapters/storage/lowdb-store.ts';
import { sweepAll } from '../../server/app/sweep/sweep.ts';
import { buildTestApp, manufacturingIntake } from '../support/test-app.ts';

type Listed = { id: string; reason: string; readAt?: string };

// The embedded store keeps notifications on the case's journal line and in outbox.json.
describe('notifications in the embedded store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kesu-notify-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('survive a restart with their read marks, and come back from the journal alone', async () => {
    const data = join(dir, 'data');
    const t = await buildTestApp('2026-03-02T02:00:00.000Z', await openLowdbStore(data));
    const sales = await t.userWith('demo', 'sales');
    await t.call('POST', '/api/companies/demo/cases', {
      token: sales,
      body: { intake: manufacturingIntake() },
    });
    t.setNow('2026-04-30T02:00:00.000Z');
    await Promise.all([sweepAll(t.deps), sweepAll(t.deps)]);
    const list = async (app: typeof t) =>
      (await app.call('GET', '/api/companies/demo/notifications', { token: sales })).body;
    const before = await list(t);
    expect(before.total).toBe(6);
    const first = (before.items as Listed[])[0]!;
    await t.call('POST', '/api/companies/demo/notifications/read', {
      token: sales,
      body: { ids: [first.id] },
    });
    await t.deps.store.close();

    const again = await buildTestApp('2026-04-30T03:00:00.000Z', await openLowdbStore(data));
    const after = await list(again);
    expect(after).toMatchObject({ total: 6, unread: 5 });
    expect((after.items as Listed[]).find((n) => n.id === first.id)?.readAt).toBeDefined();
    await sweepAll(again.deps);
    expect((await list(again)).total).toBe(6);
    await again.deps.store.close();

    // Without the book and the index snapshot, the journal's lines bring every notification back.
    rmSync(join(data, 'companies', 'demo', 'outbox.json'));
    rmSync(join(data, 'companies', 'demo', 'journal', 'snapshot.json'));
    const replayed = await buildTestApp('2026-04-30T03:00:00.000Z', await openLowdbStore(data));
    const rebuilt = await list(replayed);
    expect(rebuilt.total).toBe(6);
    expect(reasons(rebuilt.items)).toEqual(reasons(before.items));
    await replayed.deps.store.close();
  });
});

const reasons = (items: Listed[]) => items.map((n) => n.reason).sort();
