/** The ceiling for the intake benchmark: a bare Hono route that reads a JSON body and answers small JSON. */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono();
app.post('/api/echo', async (c) => {
  const body = await c.req.json();
  return c.json({ ok: true, keys: Object.keys(body).length }, 201);
});
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' }, () =>
  console.log('Kesu is running (bare)'),
);
