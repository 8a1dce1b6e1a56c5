/** createApp: the Hono application — the API under /api, one error envelope, a request id each. */
import { Hono, type MiddlewareHandler } from 'hono';
import type { AppDeps } from '../app/ports/deps.ts';
import type { HealthAnswer } from './contract/routes.ts';
import { errorResponse, toErrorResponse } from './error-response.ts';
import type { Env } from './request.ts';
import { csrfProtection } from './csrf.ts';
import { accountRoutes } from './routes/accounts.routes.ts';
import { caseRoutes } from './routes/cases.routes.ts';
import { notificationRoutes } from './routes/notifications.routes.ts';
import { channelRoutes } from './routes/channels.routes.ts';
import { companyRoutes } from './routes/companies.routes.ts';
import { openApiDocument } from './openapi.ts';
import { policyRoutes } from './routes/policy.routes.ts';
import { publicRoutes } from './routes/public.routes.ts';
import { reportRoutes } from './routes/reports.routes.ts';

const HOME_PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>Kesu 客诉</title></head>
<body style="font-family: sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.6">
<h1>Kesu 客诉</h1>
<p>客诉处理运行时正在运行。接口位于 <code>/api</code>, 使用 <code>Authorization: Bearer &lt;令牌&gt;</code>。</p>
<p>The Kesu complaint-handling runtime is running. The API is under <code>/api</code>; sign in with
<code>Authorization: Bearer &lt;token&gt;</code> (the first start printed the administrator's token and a one-time link to set a password).</p>
<ul>
<li><a href="/api/openapi.json">API description (OpenAPI 3.1) / 接口说明</a></li>
<li><a href="/api/health">Health / 健康检查</a></li>
</ul>
<p>The studio is not built: run <code>npm run build</code> (or <code>npm start</code>, which builds it) to serve it on this page.</p>
</body></html>`;

export type AppOptions = {
  maxBodyBytes?: number;
  /** Behind a reverse proxy: the client's address is the last one its X-Forwarded-For names. */
  trustProxy?: boolean;
  homePage?: string;
  /** Serves the studio's built files; every other non-API GET falls back to its index.html. */
  studio?: { assets: MiddlewareHandler<Env>; index: MiddlewareHandler<Env> };
};

/** The API application over the given dependencies. */
export function createApp(deps: AppDeps, options: AppOptions = {}): Hono<Env> {
  const app = new Hono<Env>();
  app.use('*', async (c, next) => {
    c.set('requestId', deps.newId());
    c.set('deps', deps);
    c.set('maxBodyBytes', options.maxBodyBytes ?? 1_000_000);
    c.set('trustProxy', options.trustProxy ?? false);
    await next();
    c.header('x-request-id', c.get('requestId'));
  });
  app.onError(toErrorResponse);
  app.notFound((c) => errorResponse(c, 'route_not_found'));
  app.get('/api/health', async (c) => {
    const health = await deps.store.health();
    if (health.ok) return c.json({ status: 'ok', time: deps.now() } satisfies HealthAnswer);
    // The failure itself was logged with the request it failed; the reason stays in the log.
    const answer: HealthAnswer = {
      status: 'failing',
      problem: `storage_${health.problem}`,
      time: deps.now(),
    };
    return c.json(answer, 503);
  });
  app.get('/api/openapi.json', (c) => c.json(openApiDocument()));
  app.use('/api/*', csrfProtection());
  app.route('/api', accountRoutes());
  app.route('/api', companyRoutes());
  app.route('/api/companies/:company/policy', policyRoutes());
  app.route('/api/companies/:company/cases', caseRoutes());
  app.route('/api/companies/:company/reports', reportRoutes());
  app.route('/api/companies/:company/notifications', notificationRoutes());
  app.route('/api/companies/:company/channels', channelRoutes());
  app.route('/api/public/:company', publicRoutes());
  const { studio } = options;
  if (studio) {
    app.get('*', async (c, next) =>
      c.req.path.startsWith('/api/') ? next() : studio.assets(c, next),
    );
    app.get('*', async (c, next) =>
      c.req.path.startsWith('/api/') || c.req.path.startsWith('/assets/')
        ? next()
        : studio.index(c, next),
    );
  } else app.get('/', (c) => c.html(options.homePage ?? HOME_PAGE));
  return app;
}
