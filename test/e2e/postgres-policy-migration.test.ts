/**
 * Publishing with openCases "move" on PostgreSQL: the moved case's policy version, re-timed clock
 * and audit entry are kept in the database, the case the new version cannot carry stays.
 */
import { describe, expect, it } from 'vitest';
import { postgresSkipReason } from '../support/postgres-cluster.ts';
import { postgresForTests } from '../support/postgres-for-tests.ts';
import { PUBLISH, withOpenCases } from '../http/policy-migration-fixtures.ts';

const skipReason = postgresSkipReason();

describe.skipIf(skipReason !== undefined)(
  `moving open cases on PostgreSQL ${skipReason ?? ''}`.trim(),
  () => {
    const cluster = postgresForTests();

    it('moves what the new version carries, audited, and leaves the rest', async () => {
      const url = await cluster.newDatabase();
      const store = await cluster.open(url);
      const { t, admin, ids } = await withOpenCases(store);
      const published = await t.call('POST', PUBLISH, {
        token: admin,
        body: { note: 'v2', openCases: 'move' },
      });
      expect(published.body.migration).toMatchObject({ moved: 2, left: 1, skipped: 0 });

      // Another runtime's store on the same database reads what this one wrote.
      const other = await cluster.open(url);
      const moved = await other.cases.get('demo', ids.registering);
      expect(moved?.policyVersion).toBe(2);
      expect(moved?.case.clocks.reply?.schedule?.dueAt).toBe('2026-03-14T10:00:00+08:00');
      const entry = (await other.audit.forCase('demo', ids.registering)).at(-1);
      expect(entry).toMatchObject({
        action: 'migratePolicy',
        policyVersion: 2,
        fromPolicyVersion: 1,
        note: 'v2',
      });
      expect((await other.cases.get('demo', ids.pendingClosure))?.policyVersion).toBe(1);
      const history = await other.policies.listVersions('demo');
      expect(history[1]?.changes?.map((change) => change.code)).toContain('clock_duration_changed');
    }, 60_000);
  },
);
