/** The one map from every error code Kesu raises to the HTTP status it answers with. */
import type { AppErrorCode } from '../app/app-error.ts';
import type { StoreErrorCode } from '../app/ports/ports.ts';
import type { DomainErrorCode } from '../domain/errors.ts';
import type { HttpErrorCode } from './http-error.ts';

/** Every code of every layer: what the `code` of the API's error envelope can be. */
export type ErrorCode = DomainErrorCode | AppErrorCode | StoreErrorCode | HttpErrorCode;

/** The statuses an error answers with. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429 | 500 | 503;

/** The status of each code; a code without one, or one that no layer raises, fails the type check. */
export const ERROR_STATUS: Record<ErrorCode, ErrorStatus> = {
  // The domain.
  policy_invalid: 422,
  form_invalid: 422,
  unknown_transition: 400,
  wrong_state: 409,
  role_not_allowed: 403,
  guard_failed: 409,
  stage_form_missing: 422,
  stage_form_invalid: 422,
  remedy_missing: 422,
  approval_not_pending: 409,
  approval_beyond_authority: 403,
  approval_same_person: 403,
  approvals_pending: 409,
  no_approval_row: 422,
  unknown_category: 422,
  unknown_clock: 422,
  calendar_unknown: 422,
  calendar_no_working_time: 422,
  case_terminal: 409,
  override_invalid: 422,
  // The use cases (and the store: stale_version, not_found).
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  invalid_request: 400,
  stale_version: 409,
  already_exists: 409,
  policy_has_problems: 422,
  no_published_policy: 409,
  unknown_role: 422,
  unknown_template: 422,
  import_key_missing: 422,
  import_key_duplicate: 409,
  import_time_invalid: 422,
  import_value_unmapped: 422,
  import_value_invalid: 422,
  import_category_invalid: 422,
  template_version_unavailable: 409,
  not_extending: 409,
  idempotency_key_reused: 422,
  backtest_period_invalid: 422,
  backtest_sample_invalid: 422,
  invalid_credentials: 401,
  sign_in_delayed: 429,
  login_taken: 409,
  password_already_set: 409,
  no_login: 409,
  invitation_invalid: 410,
  password_too_short: 422,
  password_too_long: 422,
  password_same_as_login: 422,
  attachment_missing: 400,
  attachment_too_large: 413,
  attachment_type_not_allowed: 415,
  attachment_too_many: 409,
  stage_form_attachment_invalid: 422,
  submission_refused: 400,
  too_many_complaints: 429,
  public_upload_closed: 409,
  // The store: something stored meanwhile by another request.
  conflict: 409,
  // The store: an earlier write failed; it refuses every call until the server restarts.
  storage_unavailable: 503,
  // The HTTP layer.
  malformed_json: 400,
  unsupported_media_type: 415,
  body_too_large: 413,
  body_too_deep: 400,
  number_not_finite: 400,
  unknown_field: 400,
  invalid_body: 400,
  body_field_missing: 400,
  invalid_header: 400,
  invalid_query: 400,
  csrf_refused: 403,
  route_not_found: 404,
  internal_error: 500,
};

/** True for a code some layer raises (e.g. the code of a refused import row). */
export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_STATUS, code);
}
