/**
 * The real server's first start: it prints the administrator's one-time sign-in link, which sets a
 * password and signs in over a real socket; KESU_ADMIN_TOKEN given before the first start stays an
 * API token; wrong passwords are counted by the connection's address.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../support/server-process.ts';

describe('the first sign-in on a real server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kesu-first-'));
  let server: RunningServer | undefined;
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints a one-time link that sets the administrator’s password; the chosen token still works', async () => {
    server = await startServer(join(dir, 'data'), { KESU_ADMIN_TOKEN: 'kesu_chosen_for_scripts' });
    const link = /^(http:\/\/\S+\/#\/invitation\/(\S+))$/m.exec(server.output());
    expect(link, server.output()).not.toBeNull();
    const url = server.url;
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${url}/api${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: url, ...headers },
        body: JSON.stringify(body),
      });
    const accepted = await post('/invitations/accept', {
      secret: link![2],
      password: 'a long first password',
    });
    expect(accepted.status).toBe(200);
    const setCookie = accepted.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly; SameSite=Lax$/);
    const cookie = setCookie.split(';')[0]!;
    const me = await fetch(`${url}/api/me`, { headers: { cookie } });
    expect(await me.json()).toMatchObject({ platformRole: 'platformAdmin' });
    const byToken = await fetch(`${url}/api/me`, {
      headers: { authorization: 'Bearer kesu_chosen_for_scripts' },
    });
    expect(byToken.status).toBe(200);

    for (let i = 0; i < 20; i++) await post('/session', { login: `guess${i}`, password: 'x' });
    const refused = await post('/session', { login: 'admin', password: 'a long first password' });
    expect(refused.status).toBe(429);
  }, 60_000);
});
