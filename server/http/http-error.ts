/** Errors raised by the HTTP layer itself (body parsing, unknown fields), and the envelope. */
import type { FieldError } from '../domain/errors.ts';
import type { ErrorCode, HttpErrorCode } from './error-map.ts';

/** A request the HTTP layer refuses before any use case runs. */
export class HttpError extends Error {
  readonly code: HttpErrorCode;
  readonly fieldErrors: FieldError[];
  constructor(code: HttpErrorCode, message: string, fieldErrors: FieldError[] = []) {
    super(message);
    this.code = code;
    this.fieldErrors = fieldErrors;
  }
}

/** The one error envelope of the API. */
export type ErrorEnvelope = {
  error: {
    code: ErrorCode;
    message: string;
    fieldErrors: FieldError[];
    requestId: string;
    details?: Record<string, unknown>;
  };
};
