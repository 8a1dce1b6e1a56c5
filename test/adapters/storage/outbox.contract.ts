/**
 * The storage contract of the outbox: notifications and deliveries are stored with the case write
 * that raised them (not with a refused one), once per key, per company and user; read marks and
 * delivery outcomes are kept; a claimed delivery is not claimed again until its lease ends.
 */
import { expect, it } from 'vitest';
import type { Delivery, Outbox, UserNotification } from '../../../server/app/ports/outbox.ts';
import type { Store, StoredCase } from '../../../server/app/ports/ports.ts';
import { auditEntry, expectStoreError, newCase, type OpenStore } from './store-fixtures.ts';

function notification(
  stored: StoredCase,
  userId: string,
  key: string,
  at: string,
): UserNotification {
  return {
    id: `${stored.companyId}-${userId}-${key}`,
    companyId: stored.companyId,
    userId,
    key,
    caseId: stored.case.id,
    caseNumber: stored.case.number,
    kind: 'remind',
    role: 'clerk',
    reason: 'reply:warning:1',
    at,
  };
}

function delivery(stored: StoredCase, key: string, channel: string, at: string): Delivery {
  return {
    id: `${stored.companyId}-${key}-${channel}`,
    companyId: stored.companyId,
    caseId: stored.case.id,
    caseNumber: stored.case.number,
    key,
    channel,
    channelKind: 'webhook',
    status: 'pending',
    attempts: 0,
    nextAttemptAt: at,
    createdAt: at,
    message: { kind: 'remind', reason: 'reply:warning:1', recipients: [] },
  };
}

/** Inserts a case whose intake raised a notification for li and a delivery. */
function insertWithOutbox(store: Store, companyId: string, caseId: string): Promise<StoredCase> {
  return store.cases.insertNumbered(
    companyId,
    '2026-02',
    newCase(caseId),
    () => [{ ...auditEntry(companyId, `a-${caseId}`, caseId), action: 'intake' }],
    undefined,
    (stored): Outbox => ({
      notifications: [notification(stored, 'li', `${caseId}:n0`, '2026-02-10T09:00:00+08:00')],
      deliveries: [delivery(stored, `${caseId}:n0`, 'hook', '2026-02-10T09:00:00+08:00')],
    }),
  );
}

const page = { offset: 0, limit: 10 };

/** Registers the outbox tests against the stores `open` opens. */
export function outboxContract(open: OpenStore): void {
  it('stores an intake’s notifications with its case, for that user and company only', async () => {
    const { store } = await open();
    const stored = await insertWithOutbox(store, 'acme', 'c1');
    const mine = await store.notifications.list('acme', 'li', page);
    expect(mine.total).toBe(1);
    expect(mine.unread).toBe(1);
    expect(mine.items[0]).toMatchObject({ caseNumber: stored.case.number, key: 'c1:n0' });
    expect((await store.notifications.list('acme', 'wang', page)).total).toBe(0);
    expect((await store.notifications.list('bolt', 'li', page)).total).toBe(0);
    expect((await store.deliveries.forCase('acme', 'c1')).map((d) => d.channel)).toEqual(['hook']);
    expect(await store.deliveries.forCase('bolt', 'c1')).toEqual([]);
  });

  it('keeps one notification per user and key, and one delivery per key and channel', async () => {
    const { store } = await open();
    const first = await insertWithOutbox(store, 'acme', 'c1');
    const at = '2026-02-11T09:00:00+08:00';
    const again: Outbox = {
      notifications: [
        { ...notification(first, 'li', 'c1:n0', at), id: 'other-id' },
        notification(first, 'li', 'c1:n1', at),
      ],
      deliveries: [{ ...delivery(first, 'c1:n0', 'hook', at), id: 'other-d' }],
    };
    const saved = await store.cases.save(
      first,
      1,
      [auditEntry('acme', 'e2', 'c1')],
      undefined,
      again,
    );
    await store.cases.save(saved, 2, [auditEntry('acme', 'e3', 'c1')], undefined, again);
    const list = await store.notifications.list('acme', 'li', page);
    expect(list.items.map((n) => n.key)).toEqual(['c1:n1', 'c1:n0']);
    expect((await store.deliveries.forCase('acme', 'c1')).map((d) => d.id)).toEqual([
      'acme-c1:n0-hook',
    ]);
  });

  it('stores nothing of a save refused as stale', async () => {
    const { store } = await open();
    const first = await insertWithOutbox(store, 'acme', 'c1');
    const outbox: Outbox = {
      notifications: [notification(first, 'li', 'c1:n1', '2026-02-11T09:00:00+08:00')],
      deliveries: [],
    };
    await expectStoreError(
      store.cases.save(first, 7, [auditEntry('acme', 'e2', 'c1')], undefined, outbox),
      'stale_version',
    );
    expect((await store.notifications.list('acme', 'li', page)).total).toBe(1);
  });

  it('lists unread first, newest first, and marks read only the user’s own', async () => {
    const { store, reopen } = await open();
    const first = await insertWithOutbox(store, 'acme', 'c1');
    const later = (key: string, day: number) =>
      notification(first, 'li', key, `2026-02-${day}T09:00:00+08:00`);
    const outbox = { notifications: [later('c1:n1', 12), later('c1:n2', 11)], deliveries: [] };
    await store.cases.save(first, 1, [auditEntry('acme', 'e2', 'c1')], undefined, outbox);
    expect((await store.notifications.list('acme', 'li', page)).items.map((n) => n.key)).toEqual([
      'c1:n1',
      'c1:n2',
      'c1:n0',
    ]);
    expect(
      await store.notifications.markRead('acme', 'wang', ['acme-li-c1:n1'], '2026-02-13T08:00:00Z'),
    ).toBe(0);
    expect(
      await store.notifications.markRead('bolt', 'li', undefined, '2026-02-13T08:00:00Z'),
    ).toBe(0);
    const readAt = '2026-02-13T09:00:00+08:00';
    expect(await store.notifications.markRead('acme', 'li', ['acme-li-c1:n1'], readAt)).toBe(1);
    const list = await store.notifications.list('acme', 'li', { offset: 1, limit: 5 });
    expect(list).toMatchObject({ total: 3, unread: 2 });
    expect(list.items.map((n) => n.key)).toEqual(['c1:n0', 'c1:n1']);
    expect(list.items[1]?.readAt).toBe(readAt);
    expect(await store.notifications.markRead('acme', 'li', undefined, readAt)).toBe(2);
    if (!reopen) return;
    await store.close();
    const again = await reopen();
    expect(await again.notifications.list('acme', 'li', page)).toMatchObject({
      total: 3,
      unread: 0,
    });
  });

  it('lends a due delivery to one claim at a time, and keeps its outcome', async () => {
    const { store, reopen } = await open();
    await insertWithOutbox(store, 'acme', 'c1');
    await insertWithOutbox(store, 'bolt', 'b1');
    expect(
      await store.deliveries.claim('2026-02-10T00:59:59Z', '2026-02-10T02:00:00Z', 10),
    ).toEqual([]);
    const now = '2026-02-10T01:00:00Z';
    const lease = '2026-02-10T01:05:00Z';
    const claimed = await store.deliveries.claim(now, lease, 10);
    expect(claimed.map((d) => d.companyId).sort()).toEqual(['acme', 'bolt']);
    expect(claimed[0]?.nextAttemptAt).toBe(lease);
    expect(await store.deliveries.claim(now, lease, 10)).toEqual([]);
    const sent = {
      ...claimed.find((d) => d.companyId === 'acme')!,
      status: 'sent' as const,
      attempts: 1,
      sentAt: now,
    };
    await store.deliveries.finish(sent);
    // After the lease, only the one not finished is due again.
    const retaken = await store.deliveries.claim(
      '2026-02-10T01:06:00Z',
      '2026-02-10T01:10:00Z',
      10,
    );
    expect(retaken.map((d) => d.companyId)).toEqual(['bolt']);
    if (!reopen) return;
    await store.close();
    const again = await reopen();
    expect((await again.deliveries.forCase('acme', 'c1'))[0]).toMatchObject({
      status: 'sent',
      attempts: 1,
    });
  });
}
