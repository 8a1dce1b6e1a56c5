/** Notifications as the API answers them: the caller's in-app list, and a case's deliveries. */
import type { Label } from '../../domain/policy/format.ts';
import type { Page } from './common.ts';

/** What raised a notification: a rule's notify, a 催办 reminder, a clock warning or escalation. */
export type NotificationKindAnswer = 'notify' | 'remind' | 'warning' | 'escalation';

/** One of the caller's notifications, with the case it is about. */
export type NotificationAnswer = {
  id: string;
  caseId: string;
  caseNumber: string;
  kind: NotificationKindAnswer;
  role: string;
  message?: Label;
  /** The rule ("rule"), or the clock, kind and level ("reply:escalation:1"). */
  reason: string;
  at: string;
  /** Absent while unread. */
  readAt?: string;
};

/** GET /companies/:company/notifications: unread first, then newest first. */
export type NotificationPageAnswer = Page<NotificationAnswer> & { unread: number };

/** GET /companies/:company/notifications/unread */
export type UnreadAnswer = { unread: number };

/** POST /companies/:company/notifications/read: the given ids, or all when `ids` is absent. */
export type MarkReadBody = { ids?: string[] };

/** How many changed, and how many stay unread. */
export type MarkReadAnswer = { changed: number; unread: number };
