/**
 * CSRF protection for what the studio's cookie signs in. A browser sends the cookie with requests
 * another site's page makes, so a write that the cookie (not a bearer token) authenticates must
 * come from a page of this server: its Origin names this host, or, without an Origin, the browser
 * says Sec-Fetch-Site: same-origin. Hono's csrf middleware checks the same headers but only for
 * form content types; ours applies to every write the cookie authenticates, and to sign-in (login
 * CSRF) when the browser names another origin. Requests with a bearer token are not affected.
 */
import type { MiddlewareHandler } from 'hono';
import { HttpError } from './http-error.ts';
import type { Env } from './request.ts';
import { SESSION_COOKIE, sessionSecret } from './session-cookie.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether `origin` is this server (its host and port, as the request reached it). */
function isOwnOrigin(origin: string, requestUrl: string): boolean {
  try {
    return new URL(origin).host === new URL(requestUrl).host;
  } catch {
    return false;
  }
}

/** Refuses cross-site writes signed in by cookie. @throws HttpError csrf_refused */
export function csrfProtection(): MiddlewareHandler<Env> {
  return async (c, next) => {
    if (SAFE.has(c.req.method) || c.req.header('authorization')) return next();
    const origin = c.req.header('origin');
    const site = c.req.header('sec-fetch-site');
    const sameSite =
      origin !== undefined
        ? isOwnOrigin(origin, c.req.url)
        : site === undefined || site === 'same-origin';
    const cookie = sessionSecret(c) !== undefined;
    // With the cookie, a write must show it comes from our own page; without it (sign-in), a page
    // of another site is refused as well.
    if (!sameSite || (cookie && origin === undefined && site !== 'same-origin'))
      throw new HttpError('csrf_refused', `Cross-site write refused (${SESSION_COOKIE})`, [], {
        origin: origin ?? null,
      });
    return next();
  };
}
