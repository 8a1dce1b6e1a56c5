/** Errors raised by the HTTP layer itself, before any use case runs (body parsing, unknown fields). */
import { CodedError, type FieldError } from '../domain/coded-error.ts';

/** Stable, snake_case codes of every error the HTTP layer raises. */
export const HTTP_ERROR_CODES = [
  'malformed_json',
  'unsupported_media_type',
  'body_too_large',
  'body_too_deep',
  'number_not_finite',
  'unknown_field',
  'invalid_body',
  'body_field_missing',
  'invalid_header',
  'invalid_query',
  // A cookie-signed-in write from another site's page (Origin not this server's).
  'csrf_refused',
  'route_not_found',
  'internal_error',
] as const;

/** One of the HTTP layer's error codes. */
export type HttpErrorCode = (typeof HTTP_ERROR_CODES)[number];

/** A request the HTTP layer refuses before any use case runs; field errors say which part. */
export class HttpError extends CodedError<HttpErrorCode> {
  constructor(
    code: HttpErrorCode,
    message: string,
    fieldErrors: FieldError[] = [],
    details: Record<string, unknown> = {},
  ) {
    super(code, message, details, fieldErrors);
  }
}
