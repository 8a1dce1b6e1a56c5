/**
 * The outbox of a case write: each notification the change raised, for each user who holds its
 * role (or the assignee), ready for the store to keep in the same durable step as the case.
 */
import type { RaisedNotification } from '../../domain/case/raised-notifications.ts';
import type { AppDeps } from '../ports/deps.ts';
import type { Outbox, UserNotification } from '../ports/outbox.ts';
import type { StoredCase, User } from '../ports/ports.ts';

/** Makes a stored case's outbox (a function: an intake's case number is given only when stored). */
export type OutboxMaker = (stored: StoredCase) => Outbox;

/** The company's users a raised notification is for. */
export function recipientsOf(raised: RaisedNotification, users: User[]): User[] {
  if (raised.user !== undefined) return users.filter((user) => user.id === raised.user);
  return users.filter((user) => user.roles.includes(raised.role));
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
  const users = await deps.store.users.list(companyId);
  return (stored) => {
    const notifications: UserNotification[] = raised.flatMap((r) =>
      recipientsOf(r, users).map((user) => ({
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
      })),
    );
    return { notifications, deliveries: [] };
  };
}
