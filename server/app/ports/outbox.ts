/**
 * The outbox of case writes: the in-app notifications (one per user) and the outgoing deliveries
 * (one per notification and channel) a write raised, stored by the store in the same durable step
 * as the case (nothing acknowledged is lost), each once by its key (a sweep that runs twice, or a
 * line replayed after a crash, adds nothing).
 */
import type { NotificationKind } from '../../domain/case/raised-notifications.ts';
import type { Label } from '../../domain/policy/format.ts';

export type { NotificationKind };

/** A notification as one user sees it in the app. */
export type UserNotification = {
  id: string;
  companyId: string;
  userId: string;
  /** The raised notification it belongs to ("<caseId>:n<index>"): one per user and key. */
  key: string;
  caseId: string;
  caseNumber: string;
  kind: NotificationKind;
  /** The role it was raised for (the assignee's for a reminder). */
  role: string;
  message?: Label;
  /** The rule, or the clock, kind and level ("reply:escalation:1"). */
  reason: string;
  at: string;
  readAt?: string;
};

/** Where a company's notifications are sent besides the app. */
export type ChannelKind = 'email' | 'webhook' | 'dingtalk' | 'wecom' | 'feishu';

/** Where a delivery stands: waiting (first try or retry), sent, or given up after its last attempt. */
export type DeliveryStatus = 'pending' | 'sent' | 'failed';

/** One raised notification sent over one channel: queued with the case write, sent by a worker. */
export type Delivery = {
  id: string;
  companyId: string;
  caseId: string;
  caseNumber: string;
  /** The raised notification's key: one delivery per key and channel. */
  key: string;
  /** The company's channel id. */
  channel: string;
  channelKind: ChannelKind;
  status: DeliveryStatus;
  attempts: number;
  /** When a worker may next try it (a claim moves it past the claim's lease). */
  nextAttemptAt: string;
  createdAt: string;
  sentAt?: string;
  lastError?: string;
  /** What is sent, worked out when raised. */
  message: DeliveryMessage;
};

/** What a delivery says (the sender words it) and to whom. */
export type DeliveryMessage = {
  kind: NotificationKind;
  /** The level's or rule's own message, if it has one. */
  label?: Label;
  /** The rule, or the clock, kind and level ("reply:escalation:1"). */
  reason: string;
  /** The studio's link to the case, when the runtime knows its public address. */
  link?: string;
  recipients: { userId: string; name: string; email?: string }[];
};

/** What one case write raised. */
export type Outbox = { notifications: UserNotification[]; deliveries: Delivery[] };

/** One page of a user's notifications (unread first, newest first), how many in all, how many unread. */
export type NotificationPage = { items: UserNotification[]; total: number; unread: number };

/** The notifications part of the Store port. */
export type NotificationStore = {
  /** The user's notifications in the company, unread first, then newest first. */
  list(
    companyId: string,
    userId: string,
    page: { offset: number; limit: number },
  ): Promise<NotificationPage>;
  /** Marks the user's notifications read (all of them when `ids` is undefined); returns how many changed. */
  markRead(
    companyId: string,
    userId: string,
    ids: string[] | undefined,
    at: string,
  ): Promise<number>;
};

/** The deliveries part of the Store port. */
export type DeliveryStore = {
  /** The case's deliveries, oldest first. */
  forCase(companyId: string, caseId: string): Promise<Delivery[]>;
  /**
   * Takes up to `limit` pending deliveries due at `now` (any company), moving their next attempt to
   * `leaseUntil` so no other worker takes them meanwhile (on PostgreSQL: FOR UPDATE SKIP LOCKED).
   */
  claim(now: string, leaseUntil: string, limit: number): Promise<Delivery[]>;
  /** Records an attempt's outcome: status, attempts, next attempt, error or sent time. */
  finish(delivery: Delivery): Promise<void>;
};

/** An empty outbox. */
export const NO_OUTBOX: Outbox = { notifications: [], deliveries: [] };

/**
 * Where a company's notifications go besides the app: SMTP e-mail to the recipients' addresses, a
 * generic JSON webhook signed with HMAC-SHA256, or a DingTalk, WeCom or Feishu group robot (signed
 * when the robot is set up with a secret). Secrets are kept to sign and log in with; the API never
 * answers them.
 */
export type Channel = ChannelNaming &
  (
    | {
        kind: 'email';
        host: string;
        port: number;
        /** TLS from the start (port 465); otherwise STARTTLS when the server offers it. */
        secure?: boolean;
        user?: string;
        password?: string;
        from: string;
      }
    | { kind: 'webhook'; url: string; secret: string }
    | { kind: 'dingtalk' | 'feishu'; url: string; secret?: string }
    | { kind: 'wecom'; url: string }
  );

/** What every channel has: its id, a name for people, and whether it is on (absent: on). */
export type ChannelNaming = { id: string; name?: string; enabled?: boolean };

/** Sends one delivery over its channel; throws when the receiver did not take it. */
export type SendDelivery = (delivery: Delivery, channel: Channel) => Promise<void>;

/** A company's delivery channels (a company setting, changed by its administrator). */
export type CompanyChannels = {
  companyId: string;
  channels: Channel[];
  updatedAt: string;
  updatedBy: string;
};

/** The channels part of the Store port. */
export type ChannelStore = {
  get(companyId: string): Promise<CompanyChannels | undefined>;
  save(settings: CompanyChannels): Promise<void>;
};
