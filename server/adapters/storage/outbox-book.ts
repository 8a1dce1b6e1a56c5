/**
 * One company's notifications and deliveries held in memory, keyed so that an outbox added twice
 * (a replayed journal line, a write retried) adds nothing: what the memory store keeps, and what
 * the embedded store keeps beside its journal (outbox.json).
 */
import type {
  Delivery,
  NotificationPage,
  Outbox,
  UserNotification,
} from '../../app/ports/outbox.ts';
import { copy } from './storage-names.ts';

/** The book as a file holds it. */
export type OutboxBookData = { notifications: UserNotification[]; deliveries: Delivery[] };

const notificationKey = (n: UserNotification) => `${n.userId}\n${n.key}`;
const deliveryKey = (d: Delivery) => `${d.key}\n${d.channel}`;

/** Unread first, then newest first, then by id (a stable order for paging). */
function byUnreadThenNewest(a: UserNotification, b: UserNotification): number {
  const unread = Number(a.readAt !== undefined) - Number(b.readAt !== undefined);
  if (unread !== 0) return unread;
  if (a.at !== b.at) return Date.parse(b.at) - Date.parse(a.at) || (a.at < b.at ? 1 : -1);
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A company's notifications and deliveries. */
export class OutboxBook {
  readonly #notifications = new Map<string, UserNotification>();
  readonly #deliveries = new Map<string, Delivery>();

  constructor(data?: OutboxBookData) {
    if (data) this.add(data);
  }

  /** Adds what is not stored yet (by user and key; by key and channel); returns whether any was. */
  add(outbox: Outbox): boolean {
    let added = false;
    for (const n of outbox.notifications) {
      if (this.#notifications.has(notificationKey(n))) continue;
      this.#notifications.set(notificationKey(n), copy(n));
      added = true;
    }
    for (const d of outbox.deliveries) {
      if (this.#deliveries.has(deliveryKey(d))) continue;
      this.#deliveries.set(deliveryKey(d), copy(d));
      added = true;
    }
    return added;
  }

  /** One page of the user's notifications. */
  list(userId: string, page: { offset: number; limit: number }): NotificationPage {
    const mine = [...this.#notifications.values()].filter((n) => n.userId === userId);
    mine.sort(byUnreadThenNewest);
    return {
      items: mine.slice(page.offset, page.offset + page.limit).map(copy),
      total: mine.length,
      unread: mine.filter((n) => n.readAt === undefined).length,
    };
  }

  /** Marks the user's unread notifications (those of `ids`, or all) read; returns how many. */
  markRead(userId: string, ids: string[] | undefined, at: string): number {
    const wanted = ids && new Set(ids);
    let changed = 0;
    for (const n of this.#notifications.values()) {
      if (n.userId !== userId || n.readAt !== undefined || (wanted && !wanted.has(n.id))) continue;
      n.readAt = at;
      changed += 1;
    }
    return changed;
  }

  /** The case's deliveries, oldest first. */
  deliveriesOf(caseId: string): Delivery[] {
    return [...this.#deliveries.values()].filter((d) => d.caseId === caseId).map(copy);
  }

  /** Pending deliveries due at `now`, their next attempt moved to `leaseUntil`. */
  claim(now: string, leaseUntil: string, limit: number): Delivery[] {
    const nowMs = Date.parse(now);
    const due = [...this.#deliveries.values()]
      .filter((d) => d.status === 'pending' && Date.parse(d.nextAttemptAt) <= nowMs)
      .sort((a, b) => Date.parse(a.nextAttemptAt) - Date.parse(b.nextAttemptAt))
      .slice(0, limit);
    for (const d of due) d.nextAttemptAt = leaseUntil;
    return due.map(copy);
  }

  /** Records a delivery's attempt; false when the book has no such delivery. */
  finish(delivery: Delivery): boolean {
    if (!this.#deliveries.has(deliveryKey(delivery))) return false;
    this.#deliveries.set(deliveryKey(delivery), copy(delivery));
    return true;
  }

  /** Everything, as the file keeps it. */
  toData(): OutboxBookData {
    return {
      notifications: [...this.#notifications.values()],
      deliveries: [...this.#deliveries.values()],
    };
  }
}
