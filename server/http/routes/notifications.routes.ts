/** Routes of the caller's notifications in a company: list, unread count, mark read. */
import { Hono } from 'hono';
import {
  listNotifications,
  markNotificationsRead,
  unreadNotifications,
} from '../../app/notifications/notifications.ts';
import type { MarkReadAnswer, UnreadAnswer } from '../contract/notification.ts';
import { HttpError } from '../http-error.ts';
import { presentNotificationPage } from '../presenters/index.ts';
import { readBody, requestContext, type Env } from '../request.ts';

/** At most this many ids in one mark-read request. */
const MAX_IDS = 500;

/** A positive whole-number query parameter, if given. @throws HttpError invalid_query */
function positive(params: URLSearchParams, key: string): number | undefined {
  const raw = params.get(key);
  if (raw === null || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new HttpError('invalid_query', `${key} must be a whole number from 1`, [
      { property: key, message: 'must be a whole number from 1' },
    ]);
  return value;
}

/** The ids to mark read (undefined: all). @throws HttpError invalid_body naming `.ids` */
function readIds(body: Record<string, unknown>): string[] | undefined {
  const { ids } = body;
  if (ids === undefined) return undefined;
  const valid =
    Array.isArray(ids) &&
    ids.length <= MAX_IDS &&
    ids.every((id) => typeof id === 'string' && id !== '');
  if (!valid)
    throw new HttpError('invalid_body', `ids must be a list of at most ${MAX_IDS} ids`, [
      { property: '.ids', message: `must be a list of at most ${MAX_IDS} ids` },
    ]);
  return ids as string[];
}

/** Mounted at /api/companies/:company/notifications */
export function notificationRoutes(): Hono<Env> {
  const routes = new Hono<Env>();
  routes.get('/', async (c) => {
    const params = new URL(c.req.url).searchParams;
    const paging = { page: positive(params, 'page'), pageSize: positive(params, 'pageSize') };
    const request = await requestContext(c);
    const company = c.req.param('company') as string;
    const list = await listNotifications(c.get('deps'), request, company, {
      ...(paging.page ? { page: paging.page } : {}),
      ...(paging.pageSize ? { pageSize: paging.pageSize } : {}),
    });
    return c.json(presentNotificationPage(list));
  });
  routes.get('/unread', async (c) => {
    const request = await requestContext(c);
    const company = c.req.param('company') as string;
    const unread = await unreadNotifications(c.get('deps'), request, company);
    return c.json({ unread } satisfies UnreadAnswer);
  });
  routes.post('/read', async (c) => {
    const request = await requestContext(c);
    const ids = readIds(await readBody(c, ['ids']));
    const company = c.req.param('company') as string;
    const answer = await markNotificationsRead(c.get('deps'), request, company, ids);
    return c.json(answer satisfies MarkReadAnswer);
  });
  return routes;
}
