import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyStore } from '../../../server/adapters/storage/copy-store.ts';
import { openLowdbStore } from '../../../server/adapters/storage/lowdb-store.ts';
import { createMemoryStore } from '../../../server/adapters/storage/memory-store.ts';
import type { Store } from '../../../server/app/ports/ports.ts';
import { allAudit, allCases } from '../../support/store-reads.ts';
import { attachmentOf } from './attachments.contract.ts';
import { auditEntry, company, draftOf, intake, version } from './store-fixtures.ts';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A store with two companies: acme with people, a draft, two versions and worked cases. */
async function filled(store: Store): Promise<void> {
  for (const id of ['acme', 'bolt']) await store.companies.create(company(id));
  await store.users.save({
    id: 'li',
    name: '李娜',
    companyId: 'acme',
    roles: ['clerk'],
    createdAt: 'x',
  });
  await store.tokens.save({ id: 't1', userId: 'li', hash: 'h1', createdAt: 'x' });
  await store.credentials.save({ userId: 'li', login: 'li', passwordHash: 'p', updatedAt: 'x' });
  await store.users.save({
    id: 'zhou',
    name: '周顾问',
    roles: [],
    platformRole: 'consultant',
    companies: ['acme'],
    createdAt: 'x',
  });
  await store.tokens.save({ id: 't2', userId: 'zhou', hash: 'h2', createdAt: 'x' });
  await store.policies.saveDraft(draftOf('acme'), 0);
  await store.policies.publish(version('acme', 1));
  await store.policies.publish(version('acme', 2));
  const first = await intake(store, 'acme', 'c1');
  await intake(store, 'acme', 'c2', '2026-03', '2026-03-02T10:00:00+08:00');
  await intake(store, 'bolt', 'b1');
  const worked = { ...first, case: { ...first.case, state: 'investigating' } };
  const at = '2026-02-11T09:00:00+08:00';
  const raised = { companyId: 'acme', caseId: 'c1', caseNumber: first.case.number, key: 'c1:n0' };
  await store.cases.save(worked, 1, [auditEntry('acme', 'e2', 'c1', at)], undefined, {
    notifications: [
      {
        ...raised,
        id: 'n1',
        userId: 'li',
        kind: 'remind',
        role: 'clerk',
        reason: 'r:warning:1',
        at,
      },
    ],
    deliveries: [
      {
        ...raised,
        id: 'd1',
        channel: 'hook',
        channelKind: 'webhook',
        status: 'sent',
        attempts: 1,
        nextAttemptAt: at,
        createdAt: at,
        message: { kind: 'remind', reason: 'r:warning:1', recipients: [] },
      },
    ],
  });
  await store.notifications.markRead('acme', 'li', undefined, at);
  await store.channels.save({
    companyId: 'acme',
    channels: [{ id: 'hook', kind: 'webhook', url: 'https://example.com/h', secret: 's' }],
    updatedAt: at,
    updatedBy: 'admin',
  });
  await store.audit.append([auditEntry('acme', 'general')]);
  await store.attachments.put(attachmentOf('acme', 'c1', 'a1', 3), Uint8Array.from([1, 2, 3]));
}

describe('copying a store', () => {
  it('copies companies, people, tokens, drafts, versions, cases and audit, keeping numbers', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'kesu-copy-'));
    cleanups.push(() => rm(folder, { recursive: true, force: true }));
    const from = await openLowdbStore(folder);
    cleanups.push(() => from.close());
    await filled(from);
    const to = createMemoryStore();
    const progress: number[] = [];
    const results = await copyStore(from, to, { onProgress: (_id, n) => progress.push(n) });
    expect(results).toEqual([
      {
        id: 'acme',
        copied: true,
        users: 1,
        versions: 2,
        cases: 2,
        auditEntries: 4,
        attachments: 1,
      },
      {
        id: 'bolt',
        copied: true,
        users: 0,
        versions: 0,
        cases: 1,
        auditEntries: 1,
        attachments: 0,
      },
    ]);
    expect(progress).toEqual([2, 1]);
    expect(await to.users.get('li')).toMatchObject({ name: '李娜' });
    expect(await to.tokens.findByHash('h1')).toMatchObject({ userId: 'li' });
    expect(await to.credentials.findByLogin('li')).toMatchObject({ userId: 'li' });
    expect(await to.users.list(undefined)).toMatchObject([{ id: 'zhou', companies: ['acme'] }]);
    expect(await to.tokens.findByHash('h2')).toMatchObject({ userId: 'zhou' });
    expect((await to.policies.getDraft('acme'))?.document).toEqual({ v: 'a' });
    expect((await to.policies.listVersions('acme')).map((v) => v.number)).toEqual([1, 2]);
    const strip = (cases: Awaited<ReturnType<typeof allCases>>) =>
      cases.map(({ version: _v, updatedAt: _u, ...rest }) => rest);
    expect(strip(await allCases(to, 'acme'))).toEqual(strip(await allCases(from, 'acme')));
    expect(await to.audit.forCase('acme', 'c1')).toEqual(await from.audit.forCase('acme', 'c1'));
    expect(await to.attachments.get('acme', 'c1', 'a1')).toEqual(
      await from.attachments.get('acme', 'c1', 'a1'),
    );
    expect((await allAudit(to, 'acme')).map((e) => e.id).sort()).toEqual(
      (await allAudit(from, 'acme')).map((e) => e.id).sort(),
    );
    // Notifications with their read marks, deliveries and channels come along.
    const page = { offset: 0, limit: 10 };
    expect(await to.notifications.list('acme', 'li', page)).toEqual(
      await from.notifications.list('acme', 'li', page),
    );
    expect((await to.notifications.list('acme', 'li', page)).unread).toBe(0);
    expect(await to.deliveries.forCase('acme', 'c1')).toEqual(
      await from.deliveries.forCase('acme', 'c1'),
    );
    expect(await to.channels.get('acme')).toEqual(await from.channels.get('acme'));
    // The next intake in the copy goes on from the copied numbers.
    expect((await intake(to, 'acme', 'c3')).case.number).toBe('2602002');
  });

  it('leaves a company the target already has as it is, and copies only the ones asked for', async () => {
    const from = createMemoryStore();
    await filled(from);
    const to = createMemoryStore();
    await to.companies.create(company('acme'));
    expect(await copyStore(from, to, { only: ['acme'] })).toEqual([
      {
        id: 'acme',
        copied: false,
        users: 0,
        versions: 0,
        cases: 0,
        auditEntries: 0,
        attachments: 0,
      },
    ]);
    expect(await allCases(to, 'acme')).toEqual([]);
    expect(await to.companies.get('bolt')).toBeUndefined();
  });
});
