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
  'approvals_pending',
  'no_approval_row',
  'unknown_category',
  'unknown_clock',
  'calendar_unknown',
  'calendar_no_working_time',
  'case_terminal',
  'override_invalid',
] as const;

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/** A validation problem in rjsf's shape: `property` is ".customer.phone". */
export type FieldError = { property: string; message: string };

/** An error the domain raises on purpose, with a stable code; everything else is a bug. */
export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly details: Record<string, unknown>;
  readonly fieldErrors: FieldError[];

  constructor(
    code: DomainErrorCode,
    message: string,
    details: Record<string, unknown> = {},
    fieldErrors: FieldError[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
    this.fieldErrors = fieldErrors;
  }
}

/** True for an error raised by the domain on purpose. */
export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
