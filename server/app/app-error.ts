/** Errors the use cases raise on purpose, with stable codes (the HTTP layer maps them to statuses). */
import { CodedError } from '../domain/coded-error.ts';

/** Stable, snake_case codes of every error the use cases raise. */
export const APP_ERROR_CODES = [
  'unauthorized',
  'forbidden',
  'not_found',
  'invalid_request',
  'stale_version',
  'already_exists',
  'policy_has_problems',
  'no_published_policy',
  'unknown_role',
  'unknown_template',
  // Rows of an import, refused one by one (kesu import lists them; nothing else is refused).
  'import_key_missing',
  'import_key_duplicate',
  'import_time_invalid',
  'import_value_unmapped',
  'import_value_invalid',
  'import_category_invalid',
  'template_version_unavailable',
  'not_extending',
  // A retried write's Idempotency-Key that an earlier, different request already used.
  'idempotency_key_reused',
  // A backtest asked for a period or a sample it cannot run on.
  'backtest_period_invalid',
  'backtest_sample_invalid',
  // Accounts: password sign-in, invitations and resets.
  'invalid_credentials',
  'sign_in_delayed',
  'login_taken',
  'password_already_set',
  'no_login',
  'invitation_invalid',
  'password_too_short',
  'password_too_long',
  'password_same_as_login',
  // An attachment refused: no file, too large, a type the policy does not allow, one too many.
  'attachment_missing',
  'attachment_too_large',
  'attachment_type_not_allowed',
  'attachment_too_many',
  // A stage form's attachment field naming an id that is not a file of the case (or of a type it does not take).
  'stage_form_attachment_invalid',
  // The public complaint form: a bot's submission (honeypot), too many from one address, a file
  // sent after the window for files (or where the form takes none).
  'submission_refused',
  'too_many_complaints',
  'public_upload_closed',
] as const;

/** One of the use cases' error codes. */
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

/** A refused request: the code says why, details and field errors say where. */
export class AppError extends CodedError<AppErrorCode> {}

/** Not found — also what another company's data looks like (never 403, never the data). */
export function notFound(what: string): AppError {
  return new AppError('not_found', `${what} not found`, { what });
}
