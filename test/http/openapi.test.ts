import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../server/http/openapi.ts';
import { buildTestApp } from '../support/test-app.ts';

describe('the API description', () => {
  it('describes every route the app serves, and nothing else', async () => {
    const t = await buildTestApp();
    const served = new Set(
      t.app.routes
        .filter((route) => route.method !== 'ALL' && route.path.startsWith('/api'))
        .map(
          (route) =>
            `${route.method.toLowerCase()} ${route.path.replace(/\/$/, '').replace(/:(\w+)/g, '{$1}')}`,
        ),
    );
    const described = new Set(ROUTES.map((route) => `${route.method} ${route.path}`));
    expect([...served].sort()).toEqual([...described].sort());
  });

  it('is served as OpenAPI 3.1 without a token', async () => {
    const t = await buildTestApp();
    const response = await t.call('GET', '/api/openapi.json');
    expect(response.status).toBe(200);
    expect(response.body.openapi).toBe('3.1.0');
    expect(Object.keys(response.body.paths).length).toBeGreaterThan(15);
  });

  it('is linked from the plain page at /', async () => {
    const t = await buildTestApp();
    const page = await t.app.request('/');
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('href="/api/openapi.json"');
    expect(html).toContain('Kesu');
  });
});
