/** The one error envelope of the API, and how any thrown error becomes one. */
import type { Context } from 'hono';
import { CodedError, type FieldError } from '../domain/coded-error.ts';
import { ERROR_STATUS, isErrorCode, type ErrorCode } from './error-status.ts';
import { langOf } from './messages/lang-of.ts';
import { errorSentence } from './messages/error-messages.ts';
import { fieldProblemIn } from './messages/field-problem-words.ts';
import { presentErrorDetails } from './presenters/error-details-presenter.ts';
import type { Env } from './request.ts';

/** The body of every error answer: the code's sentence in the caller's language, and where. */
export type ErrorEnvelope = {
  error: {
    code: ErrorCode;
    message: string;
    fieldErrors: FieldError[];
    requestId: string;
    details?: Record<string, unknown>;
  };
};

/** The envelope of a code, with its status; details are left out when there are none. */
export function errorResponse(
  c: Context<Env>,
  code: ErrorCode,
  error: { fieldErrors?: FieldError[]; details?: Record<string, unknown> } = {},
) {
  const lang = langOf(c.req.header('accept-language'));
  const body: ErrorEnvelope = {
    error: {
      code,
      message: errorSentence(code, error.details, lang),
      fieldErrors: (error.fieldErrors ?? []).map((field) => ({
        ...field,
        message: fieldProblemIn(field.message, lang),
      })),
      requestId: c.get('requestId') ?? '',
      ...(error.details && Object.keys(error.details).length
        ? { details: presentErrorDetails(code, error.details, lang) }
        : {}),
    },
  };
  // A refusal that says when to try again (sign-in after wrong passwords) says it in the header too.
  const retryAfter = error.details?.retryAfterSeconds;
  if (typeof retryAfter === 'number') c.header('retry-after', String(retryAfter));
  return c.json(body, ERROR_STATUS[code]);
}

/** Maps any thrown error to the envelope; unknown errors become a bare 500 with the request id. */
export function toErrorResponse(error: Error, c: Context<Env>) {
  if (error instanceof CodedError && isErrorCode(error.code))
    return errorResponse(c, error.code, error);
  console.error(`[${c.get('requestId')}]`, error);
  return errorResponse(c, 'internal_error');
}
