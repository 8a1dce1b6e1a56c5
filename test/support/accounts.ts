/** Signing in by password in tests: invite a user, set the password, carry the session cookie. */
import type { TestApp } from './test-app.ts';
import { ADMIN_TOKEN } from './test-app.ts';

/** The studio's origin in tests (app.request answers for http://localhost). */
export const ORIGIN = 'http://localhost';

/** The session cookie a response sets ("kesu_session=…"), or undefined. */
export function sessionCookie(headers: Headers): string | undefined {
  return /(kesu_session=[^;]*)/.exec(headers.get('set-cookie') ?? '')?.[1];
}

/** Headers of a studio request signed in by cookie, from the studio's own page. */
export function fromStudio(cookie: string): Record<string, string> {
  return { cookie, origin: ORIGIN };
}

/**
 * Adds a user with roles to a company, invites them with `login` and sets `password` from the
 * link: their id and session cookie.
 */
export async function userWithPassword(
  t: TestApp,
  company: string,
  login: string,
  password: string,
  roles: string[] = ['admin'],
): Promise<{ id: string; cookie: string; secret: string }> {
  const user = await t.call('POST', `/api/companies/${company}/users`, {
    token: ADMIN_TOKEN,
    body: { name: login, roles },
  });
  const link = await t.call('POST', `/api/users/${user.body.id}/invitation`, {
    token: ADMIN_TOKEN,
    body: { login },
  });
  const secret = String(link.body.path).replace('/#/invitation/', '');
  const accepted = await t.call('POST', '/api/invitations/accept', {
    body: { secret, password },
    headers: { origin: ORIGIN },
  });
  const cookie = sessionCookie(accepted.headers);
  if (accepted.status !== 200 || !cookie)
    throw new Error(`accept failed: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  return { id: user.body.id, cookie, secret };
}
