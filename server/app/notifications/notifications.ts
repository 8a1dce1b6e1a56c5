/** The caller's notifications in a company: one page (unread first), the unread count, marking read. */
import { companyAccess } from '../access.ts';
import type { AppDeps, RequestContext } from '../ports/deps.ts';
import type { UserNotification } from '../ports/outbox.ts';

/** One page of the caller's notifications, how many in all and how many unread. */
export type NotificationList = {
  items: UserNotification[];
  total: number;
  unread: number;
  page: number;
  pageSize: number;
};

/**
 * The caller's notifications in the company, unread first then newest first; `page` from 1,
 * `pageSize` 1 to 200 (50 by default).
 * @throws not_found when the caller may not see the company
 */
export async function listNotifications(
  deps: AppDeps,
  request: RequestContext,
  companyId: string,
  paging: { page?: number; pageSize?: number } = {},
): Promise<NotificationList> {
  await companyAccess(deps, request.principal, companyId);
  const pageSize = Math.min(Math.max(paging.pageSize ?? 50, 1), 200);
  const page = Math.max(paging.page ?? 1, 1);
  const found = await deps.store.notifications.list(companyId, request.principal.userId, {
    offset: (page - 1) * pageSize,
    limit: pageSize,
  });
  return { ...found, page, pageSize };
}

/**
 * How many of the caller's notifications in the company are unread.
 * @throws not_found when the caller may not see the company
 */
export async function unreadNotifications(
  deps: AppDeps,
  request: RequestContext,
  companyId: string,
): Promise<number> {
  await companyAccess(deps, request.principal, companyId);
  const found = await deps.store.notifications.list(companyId, request.principal.userId, {
    offset: 0,
    limit: 0,
  });
  return found.unread;
}

/**
 * Marks the caller's notifications read: those of `ids` (others' ids change nothing), or all.
 * @throws not_found when the caller may not see the company
 */
export async function markNotificationsRead(
  deps: AppDeps,
  request: RequestContext,
  companyId: string,
  ids: string[] | undefined,
): Promise<{ changed: number; unread: number }> {
  await companyAccess(deps, request.principal, companyId);
  const { userId } = request.principal;
  const changed = await deps.store.notifications.markRead(companyId, userId, ids, deps.now());
  return { changed, unread: await unreadNotifications(deps, request, companyId) };
}
