/**
 * Moving a company from the embedded store to PostgreSQL with copyStore: everything arrives, case
 * numbers and audit trails unchanged, and intakes on PostgreSQL number on from the copied cases.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyStore } from '../../server/adapters/storage/copy-store.ts';
import { openLowdbStore } from '../../server/adapters/storage/lowdb-store.ts';
import { openPostgresStore } from '../../server/adapters/storage/postgres/postgres-store.ts';
import type { StoredCase } from '../../server/app/ports/ports.ts';
import {
  auditEntry,
  company,
  draftOf,
  intake,
  version,
} from '../adapters/storage/store-fixtures.ts';
import {
  postgresSkipReason,
  startPostgres,
  type PostgresCluster,
} from '../support/postgres-cluster.ts';
import { allAudit, allCases } from '../support/store-reads.ts';

const skipReason = postgresSkipReason();

/** A case without what the target store sets itself (its version and the time of the copy). */
const content = ({ version: _v, updatedAt: _u, ...rest }: StoredCase) => rest;

describe.skipIf(skipReason !== undefined)(
  `embedded to PostgreSQL ${skipReason ?? ''}`.trim(),
  () => {
    let cluster: PostgresCluster;
    const folder = mkdtempSync(join(tmpdir(), 'kesu-pg-copy-'));
    beforeAll(async () => {
      cluster = await startPostgres();
    }, 60_000);
    afterAll(async () => {
      await cluster?.stop();
      rmSync(folder, { recursive: true, force: true });
    }, 30_000);

    it('copies a company with its cases and audit, and numbers on from them', async () => {
      const from = await openLowdbStore(folder);
      await from.companies.create(company('acme'));
      await from.users.save({
        id: 'li',
        name: '李娜',
        companyId: 'acme',
        roles: [],
        createdAt: 'x',
      });
      await from.tokens.save({ id: 't1', userId: 'li', hash: 'h1', createdAt: 'x' });
      await from.policies.saveDraft(draftOf('acme'), 0);
      await from.policies.publish(version('acme', 1));
      for (let i = 1; i <= 30; i += 1) await intake(from, 'acme', `c${i}`);
      await intake(from, 'acme', 'm1', '2026-03', '2026-03-02T10:00:00+08:00');
      const first = (await from.cases.get('acme', 'c1'))!;
      await from.cases.save({ ...first, case: { ...first.case, state: 'investigating' } }, 1, [
        auditEntry('acme', 'e2', 'c1', '2026-02-11T09:00:00+08:00'),
      ]);

      const url = await cluster.newDatabase();
      const to = await openPostgresStore(url);
      try {
        const [copied] = await copyStore(from, to);
        expect(copied).toMatchObject({
          id: 'acme',
          copied: true,
          users: 1,
          versions: 1,
          cases: 31,
        });
        expect((await allCases(to, 'acme')).map(content)).toEqual(
          (await allCases(from, 'acme')).map(content),
        );
        // Each case's trail in its order (the copy writes them case by case).
        expect(await to.audit.forCase('acme', 'c1')).toEqual(
          await from.audit.forCase('acme', 'c1'),
        );
        const ids = async (store: typeof to) =>
          (await allAudit(store, 'acme')).map((e) => e.id).sort();
        expect(await ids(to)).toEqual(await ids(from));
        expect(await to.tokens.findByHash('h1')).toMatchObject({ userId: 'li' });
        expect((await to.policies.latestVersion('acme'))?.number).toBe(1);
        expect((await intake(to, 'acme', 'c31')).case.number).toBe('2602031');
        expect(
          (await intake(to, 'acme', 'm2', '2026-03', '2026-03-03T10:00:00+08:00')).case.number,
        ).toBe('2603002');
      } finally {
        await Promise.all([from.close(), to.close()]);
      }
    }, 30_000);
  },
);
