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

/** A notification sent (or being sent) over one of the company's channels. */
export type DeliveryAnswer = {
  id: string;
  /** The raised notification it sends ("<caseId>:n<index>" or "<caseId>:<clock>:<kind>:<level>"). */
  key: string;
  kind: NotificationKindAnswer;
  channel: string;
  channelKind: ChannelKindAnswer;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  nextAttemptAt: string;
  createdAt: string;
  sentAt?: string;
  lastError?: string;
};

/** Where notifications go besides the app. */
export type ChannelKindAnswer = 'email' | 'webhook' | 'dingtalk' | 'wecom' | 'feishu';

/** A delivery channel as its administrator reads it: never a password, secret or token. */
export type ChannelAnswer = {
  id: string;
  kind: ChannelKindAnswer;
  /** A name for people ("客服部钉钉群"). */
  name?: string;
  /** False when turned off: no new delivery is queued for it. */
  enabled: boolean;
  /** The address without its credentials. */
  url?: string;
  host?: string;
  port?: number;
  secure?: boolean;
  user?: string;
  from?: string;
  hasSecret?: boolean;
  hasPassword?: boolean;
};

/**
 * PUT /companies/:company/channels: the channels, replaced whole. A channel given again under its
 * id without `url`, `secret` or `password` keeps the stored one.
 */
export type ChannelsBody = { channels: Record<string, unknown>[] };

/** POST /companies/:company/channels/:id/test: for e-mail, the address to send to (else the caller's). */
export type ChannelTestBody = { to?: string };

/** The test message's outcome: sent, or the sender's error in its own words. */
export type ChannelTestAnswer = { sent: true; at: string } | { sent: false; error: string };

/** POST /companies/:company/notifications/read: the given ids, or all when `ids` is absent. */
export type MarkReadBody = { ids?: string[] };

/** How many changed, and how many stay unread. */
export type MarkReadAnswer = { changed: number; unread: number };
