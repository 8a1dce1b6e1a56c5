/** The domain's error codes, and the error it raises with them. */
import { CodedError } from './coded-error.ts';

export type { FieldError } from './coded-error.ts';

/** Stable, snake_case codes of every error the domain can raise. */
export const DOMAIN_ERROR_CODES = [
  'policy_invalid',
  'form_invalid',
  'unknown_transition',
  'wrong_state',
  'role_not_allowed',
  'guard_failed',
  'stage_form_missing',
  'stage_form_invalid',
  'remedy_missing',
  'approval_not_pending',
  'approval_beyond_authority',
  'approval_same_person',
  'approvals_pending',
  'no_approval_row',
  'unknown_category',
  'unknown_clock',
  'calendar_unknown',
  'calendar_no_working_time',
  'case_terminal',
  'override_invalid',
] as const;

/** One of the domain's error codes. */
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/** An error the domain raises on purpose, with one of the codes above; everything else is a bug. */
export class DomainError extends CodedError<DomainErrorCode> {}

/** True for an error raised by the domain on purpose. */
export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
