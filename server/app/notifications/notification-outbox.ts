/**
 * The outbox of a case write: each notification the change raised, for each user who holds its
 * role (or the assignee), and one delivery per notification and company channel (e-mail only when
 * a recipient has an address), ready for the store to keep in the same durable step as the case.
 */
import type { RaisedNotification } from '../../domain/case/raised-notifications.ts';
import type { AppDeps } from '../ports/deps.ts';
import type { Channel, Delivery, Outbox, UserNotification } from '../ports/outbox.ts';
import type { StoredCase, User } from '../ports/ports.ts';

/** Makes a stored case's outbox (a function: an intake's case number is given only when stored). */
export type OutboxMaker = (stored: StoredCase) => Outbox;

/** The company's users a raised notification is for. */
export function recipientsOf(raised: RaisedNotification, users: User[]): User[] {
  if (raised.user !== undefined) return users.filter((user) => user.id === raised.user);
  return users.filter((user) => user.roles.includes(raised.role));
}

/** The deliveries of one raised notification over the company's channels. */
function deliveriesOf(
  deps: AppDeps,
  stored: StoredCase,
  raised: RaisedNotification,
  recipients: User[],
  channels: Channel[],
): Delivery[] {
  const { companyId, case: current } = stored;
  const link = deps.publicUrl
    ? `${deps.publicUrl.replace(/\/$/, '')}/#/c/${companyId}/cases/${current.id}`
    : undefined;
  const people = recipients.map((user) => ({
    userId: user.id,
    name: user.name,
    ...(user.email ? { email: user.email } : {}),
  }));
  const at = deps.now();
  return channels
    .filter((channel) => channel.enabled !== false)
    .filter((channel) => channel.kind !== 'email' || people.some((p) => p.email))
    .map((channel) => ({
      id: deps.newId(),
      companyId,
      caseId: current.id,
      caseNumber: current.number,
      key: raised.key,
      channel: channel.id,
      channelKind: channel.kind,
      status: 'pending' as const,
      attempts: 0,
      nextAttemptAt: at,
      createdAt: at,
      message: {
        kind: raised.kind,
        ...(raised.message ? { label: raised.message } : {}),
        reason: raised.reason,
        ...(link ? { link } : {}),
        recipients: people,
      },
    }));
}

/**
 * What a write that raised `raised` puts in its outbox; undefined when it raised nothing (the
 * write then reads nothing more).
 */
export async function prepareOutbox(
  deps: AppDeps,
  companyId: string,
  raised: RaisedNotification[],
): Promise<OutboxMaker | undefined> {
  if (raised.length === 0) return undefined;
  const [users, settings] = await Promise.all([
    deps.store.users.list(companyId),
    deps.store.channels.get(companyId),
  ]);
  const channels = settings?.channels ?? [];
  return (stored) => {
    const outbox: Outbox = { notifications: [], deliveries: [] };
    for (const r of raised) {
      const recipients = recipientsOf(r, users);
      for (const user of recipients) {
        const notification: UserNotification = {
          id: deps.newId(),
          companyId,
          userId: user.id,
          key: r.key,
          caseId: stored.case.id,
          caseNumber: stored.case.number,
          kind: r.kind,
          role: r.role,
          ...(r.message !== undefined ? { message: r.message } : {}),
          reason: r.reason,
          at: r.at,
        };
        outbox.notifications.push(notification);
      }
      outbox.deliveries.push(...deliveriesOf(deps, stored, r, recipients, channels));
    }
    return outbox;
  };
}
