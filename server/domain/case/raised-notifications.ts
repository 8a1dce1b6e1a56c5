/**
 * Which notifications a change of a case raised, and for whom: every `notify` a rule decided, every
 * 催办 reminder, and every clock warning or escalation (one whose level notifies nobody by itself
 * goes to the assignee). Each has a key that names it for good, so raising it again adds nothing.
 */
import type { Label } from '../policy/format.ts';
import type { Case, CaseEvent } from './case.ts';

/** What raised a notification: a rule's notify, a 催办 reminder, a clock warning or escalation. */
export type NotificationKind = 'notify' | 'remind' | 'warning' | 'escalation';

/** A notification a change raised, before it is fanned out to users. */
export type RaisedNotification = {
  /** "<caseId>:n<index in case.notifications>", or "<caseId>:<clock>:<warning|escalation>:<level>". */
  key: string;
  kind: NotificationKind;
  /** The role it is for: every user holding it gets it, unless `user` names the one. */
  role: string;
  /** The assigned user, for what goes to the assignee. */
  user?: string;
  message?: Label;
  reason: string;
  at: string;
};

const CLOCK_REASON = /:(warning|escalation):\d+$/;

function clockKind(reason: string): 'warning' | 'escalation' {
  return CLOCK_REASON.exec(reason)?.[1] === 'warning' ? 'warning' : 'escalation';
}

/** The notifications `after` holds that `before` (undefined for a new case) did not, and the rest. */
export function raisedNotifications(
  before: Case | undefined,
  after: Case,
  events: CaseEvent[],
): RaisedNotification[] {
  const assignee = after.assignee.user;
  const raised: RaisedNotification[] = [];
  const start = before?.notifications.length ?? 0;
  after.notifications.slice(start).forEach((n, offset) => {
    const isRemind = events.some(
      (e) =>
        e.type === 'notified' &&
        e.data.kind === 'remind' &&
        e.data.reason === n.reason &&
        e.data.role === n.role,
    );
    const kind = n.reason === 'rule' ? 'notify' : isRemind ? 'remind' : clockKind(n.reason);
    raised.push({
      key: `${after.id}:n${start + offset}`,
      kind,
      role: n.role,
      ...(kind === 'remind' && assignee ? { user: assignee } : {}),
      ...(n.message !== undefined ? { message: n.message } : {}),
      reason: n.reason,
      at: n.at,
    });
  });
  for (const event of events) {
    if (event.type !== 'clockWarning' && event.type !== 'clockEscalated') continue;
    const kind = event.type === 'clockWarning' ? 'warning' : 'escalation';
    const reason = `${String(event.data.clock)}:${kind}:${String(event.data.level)}`;
    if (raised.some((r) => r.reason === reason)) continue;
    raised.push({
      key: `${after.id}:${reason}`,
      kind,
      role: after.assignee.role ?? 'assignee',
      ...(assignee ? { user: assignee } : {}),
      reason,
      at: event.at,
    });
  }
  return raised;
}
