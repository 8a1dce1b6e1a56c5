/** Notifications as the API answers them (never another user's, never the dedupe key). */
import type { NotificationList } from '../../app/notifications/notifications.ts';
import type { Delivery, UserNotification } from '../../app/ports/outbox.ts';
import type {
  DeliveryAnswer,
  NotificationAnswer,
  NotificationPageAnswer,
} from '../contract/notification.ts';

/** One of the caller's notifications. */
export function presentNotification(n: UserNotification): NotificationAnswer {
  return {
    id: n.id,
    caseId: n.caseId,
    caseNumber: n.caseNumber,
    kind: n.kind,
    role: n.role,
    ...(n.message !== undefined ? { message: n.message } : {}),
    reason: n.reason,
    at: n.at,
    ...(n.readAt !== undefined ? { readAt: n.readAt } : {}),
  };
}

/** A delivery as the case answers it (no recipients' addresses, no message body). */
export function presentDelivery(d: Delivery): DeliveryAnswer {
  return {
    id: d.id,
    key: d.key,
    kind: d.message.kind,
    channel: d.channel,
    channelKind: d.channelKind,
    status: d.status,
    attempts: d.attempts,
    nextAttemptAt: d.nextAttemptAt,
    createdAt: d.createdAt,
    ...(d.sentAt ? { sentAt: d.sentAt } : {}),
    ...(d.lastError ? { lastError: d.lastError } : {}),
  };
}

/** A page of the caller's notifications. */
export function presentNotificationPage(list: NotificationList): NotificationPageAnswer {
  return {
    items: list.items.map(presentNotification),
    total: list.total,
    unread: list.unread,
    page: list.page,
    pageSize: list.pageSize,
  };
}
