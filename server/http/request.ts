/** Reading requests: the JSON body (type, size, syntax, known fields), the principal, the language. */
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { authenticate } from '../app/access.ts';
import { sessionPrincipal } from '../app/accounts/sessions.ts';
import type { AppDeps, RequestContext } from '../app/ports/deps.ts';
import type { Lang } from '../domain/policy/format.ts';
import { missingFieldMessage, notObjectMessage } from './messages/body-field-messages.ts';
import { langOf } from './messages/lang-of.ts';
import { HttpError } from './http-error.ts';
import { assertStorableJson } from './json-limits.ts';

/** The studio's session cookie (see session-cookie.ts). */
export const SESSION_COOKIE = 'kesu_session';

export type Env = {
  Variables: { requestId: string; deps: AppDeps; maxBodyBytes: number; trustProxy: boolean };
};

/**
 * The JSON object body, refusing a missing or wrong Content-Type, an oversized or malformed body,
 * one nested too deep or holding a number beyond a double, and fields other than `allowed`.
 */
export async function readBody(
  c: Context<Env>,
  allowed: string[],
): Promise<Record<string, unknown>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type))
    throw new HttpError('unsupported_media_type', `Content-Type ${type || '(none)'}`);
  const limit = c.get('maxBodyBytes');
  if (Number(c.req.header('content-length') ?? 0) > limit)
    throw new HttpError('body_too_large', `over ${limit} bytes`);
  const text = await c.req.text();
  if (Buffer.byteLength(text) > limit) throw new HttpError('body_too_large', `over ${limit} bytes`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new HttpError('malformed_json', (error as Error).message);
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw new HttpError('malformed_json', 'The body must be a JSON object');
  assertStorableJson(body);
  const unknown = Object.keys(body).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) {
    throw new HttpError(
      'unknown_field',
      `Unknown fields: ${unknown.join(', ')}`,
      unknown.map((key) => ({ property: `.${key}`, message: 'unknown field' })),
    );
  }
  return body as Record<string, unknown>;
}

/**
 * The authenticated caller and their language: by the bearer token when the request has an
 * Authorization header (scripts, the CLI), else by the studio's session cookie.
 * @throws unauthorized
 */
export async function requestContext(c: Context<Env>): Promise<RequestContext> {
  const authorization = c.req.header('authorization');
  const secret = getCookie(c, SESSION_COOKIE);
  const principal =
    authorization === undefined && secret
      ? await sessionPrincipal(c.get('deps'), secret)
      : await authenticate(c.get('deps'), authorization);
  return { principal, lang: langOf(c.req.header('accept-language')) };
}

/** Reads an optional string field. @throws invalid_body when it is not a string */
export function optionalString(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string')
    throw new HttpError('invalid_body', `${key} must be a string`, [
      { property: `.${key}`, message: 'must be a string' },
    ]);
  return value;
}

/** Reads an optional whole-number field. @throws invalid_body when it is not one */
export function optionalInteger(body: Record<string, unknown>, key: string): number | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (!Number.isSafeInteger(value))
    throw new HttpError('invalid_body', `${key} must be an integer`, [
      { property: `.${key}`, message: 'must be an integer' },
    ]);
  return value as number;
}

/** Reads a required string field. */
export function requiredString(body: Record<string, unknown>, key: string): string {
  const value = optionalString(body, key);
  if (value === undefined || value === '')
    throw new HttpError('invalid_body', `${key} is required`, [
      { property: `.${key}`, message: 'required' },
    ]);
  return value;
}

/**
 * The body's object field `key`, in the caller's words when it is missing or not an object.
 * @throws HttpError body_field_missing (required and absent), invalid_body (not an object)
 */
export function objectField(
  body: Record<string, unknown>,
  key: string,
  required: boolean,
  lang: Lang,
): Record<string, unknown> | undefined {
  const value = body[key];
  if (value === undefined && !required) return undefined;
  if (value === undefined) {
    throw new HttpError('body_field_missing', `${key} is missing`, [
      { property: `.${key}`, message: missingFieldMessage(key, lang) },
    ]);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new HttpError('invalid_body', `${key} must be an object`, [
      { property: `.${key}`, message: notObjectMessage(key, lang) },
    ]);
  }
  return value as Record<string, unknown>;
}
