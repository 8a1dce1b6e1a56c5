/** The one shape of every error Kesu raises on purpose; each layer fixes it to its own codes. */

/** A validation problem in rjsf's shape: `property` is ".customer.phone". */
export type FieldError = { property: string; message: string };

/**
 * An error raised on purpose: a stable snake_case `code` (the edges turn it into a status and into
 * words in the caller's language), `details` and `fieldErrors` that say where, and a `message` for
 * developers and logs. Only the subclasses of a layer (DomainError, AppError, StoreError, HttpError)
 * are thrown, so each throw site is checked against the codes its layer declares.
 */
export abstract class CodedError<C extends string = string> extends Error {
  readonly code: C;
  readonly details: Record<string, unknown>;
  readonly fieldErrors: FieldError[];

  constructor(
    code: C,
    message: string,
    details: Record<string, unknown> = {},
    fieldErrors: FieldError[] = [],
  ) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.details = details;
    this.fieldErrors = fieldErrors;
  }
}

/** True for an error raised on purpose by any layer; anything else is a bug. */
export function isCodedError(error: unknown): error is CodedError {
  return error instanceof CodedError;
}
