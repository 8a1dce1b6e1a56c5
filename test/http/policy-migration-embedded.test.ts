/**
 * Publishing with openCases "move" on the embedded store, read again after a restart: the version's
 * changes, the moved case's version and schedule, its audit entry, and the case index (a list by due
 * time) all come back as written.
 */
import { describe, expect, it } from 'vitest';
import { embeddedStores } from '../support/embedded-stores.ts';
import { PUBLISH, withOpenCases } from './policy-migration-fixtures.ts';

const stores = embeddedStores('kesu-migration-');

describe('moving open cases on the embedded store', () => {
  it('keeps what the move wrote across a restart', async () => {
    const dir = await stores.tempDir();
    const first = await stores.open(dir);
    const { t, admin, ids } = await withOpenCases(first);
    const published = await t.call('POST', PUBLISH, {
      token: admin,
      body: { note: 'v2', openCases: 'move' },
    });
    expect(published.body.migration).toMatchObject({ moved: 2, left: 1 });
    await first.close();

    const again = await stores.open(dir);
    const moved = await again.cases.get('demo', ids.registering);
    expect(moved).toMatchObject({ policyVersion: 2 });
    expect(moved?.case.clocks.reply?.schedule?.dueAt).toBe('2026-03-14T10:00:00+08:00');
    expect((await again.audit.forCase('demo', ids.registering)).at(-1)).toMatchObject({
      action: 'migratePolicy',
      fromPolicyVersion: 1,
      policyVersion: 2,
      note: 'v2',
    });
    expect((await again.cases.get('demo', ids.pendingClosure))?.policyVersion).toBe(1);
    const byDue = await again.cases.query('demo', { open: true }, 'due', { offset: 0, limit: 10 });
    expect(byDue.items.map((stored) => stored.policyVersion).sort()).toEqual([1, 2, 2]);
    const [, v2] = await again.policies.listVersions('demo');
    expect(v2?.changes?.map((change) => change.code)).toContain('clock_duration_changed');
  });
});
