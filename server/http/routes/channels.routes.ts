/**
 * Routes of a company's delivery channels (its administrator's): read without secrets, replace,
 * send a test message.
 */
import { Hono } from 'hono';
import { readChannels, saveChannels } from '../../app/notifications/channels.ts';
import { testChannel } from '../../app/notifications/test-channel.ts';
import type { ChannelAnswer, ChannelTestAnswer } from '../contract/notification.ts';
import type { Items } from '../contract/common.ts';
import { optionalString, readBody, requestContext, type Env } from '../request.ts';

/** Mounted at /api/companies/:company/channels */
export function channelRoutes(): Hono<Env> {
  const routes = new Hono<Env>();
  routes.get('/', async (c) => {
    const request = await requestContext(c);
    const items = await readChannels(c.get('deps'), request, c.req.param('company') as string);
    return c.json({ items } satisfies Items<ChannelAnswer>);
  });
  routes.put('/', async (c) => {
    const request = await requestContext(c);
    const body = await readBody(c, ['channels']);
    const company = c.req.param('company') as string;
    const items = await saveChannels(c.get('deps'), request, company, body.channels);
    return c.json({ items } satisfies Items<ChannelAnswer>);
  });
  routes.post('/:id/test', async (c) => {
    const request = await requestContext(c);
    const body = await readBody(c, ['to']);
    // A "to" that is not text is refused for every kind, not only where an address is used.
    const to = optionalString(body, 'to');
    const company = c.req.param('company') as string;
    const result = await testChannel(c.get('deps'), request, company, c.req.param('id'), to);
    return c.json(result satisfies ChannelTestAnswer);
  });
  return routes;
}
