/**
 * The studio's session cookie and what a request says of its sender: HttpOnly (no script reads
 * it), SameSite=Lax, Secure when the studio is reached over https, for the whole site, ending with
 * the session's absolute end.
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';
import { SESSION_COOKIE, type Env } from './request.ts';

export { SESSION_COOKIE };

/** Whether the request reached us over https (directly, or as a proxy in front says). */
export function isHttps(c: Context<Env>): boolean {
  const forwarded = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return new URL(c.req.url).protocol === 'https:' || forwarded === 'https';
}

/** The session cookie's secret, if the request carries one. */
export function sessionSecret(c: Context<Env>): string | undefined {
  return getCookie(c, SESSION_COOKIE) || undefined;
}

/** Sets the session cookie to last until `expiresAt`. */
export function setSessionCookie(c: Context<Env>, secret: string, expiresAt: string): void {
  setCookie(c, SESSION_COOKIE, secret, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(c),
    path: '/',
    maxAge: Math.max(
      0,
      Math.floor((Date.parse(expiresAt) - Date.parse(c.get('deps').now())) / 1000),
    ),
  });
}

/** Tells the browser to forget the session cookie. */
export function clearSessionCookie(c: Context<Env>): void {
  deleteCookie(c, SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(c),
  });
}

/**
 * The client’s address, for counting wrong passwords and public complaints: the connection’s peer, or behind a trusted
 * proxy (KESU_TRUST_PROXY) the last address its X-Forwarded-For names.
 */
export function clientAddress(c: Context<Env>): string {
  if (c.get('trustProxy')) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // No connection (a request made in-process, as the tests do).
    return 'unknown';
  }
}
