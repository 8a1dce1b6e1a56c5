/** Why an import row is refused, in the shape the import result lists it. */
import { isDomainError } from '../../domain/errors.ts';
import type { AppErrorCode } from '../app-error.ts';
import type { ImportRejection, ImportRowInput } from './import-cases.ts';

/** A row refused by the import itself (a bad time, an unknown category, a repeated key). */
export class RowError extends Error {
  constructor(
    readonly code: AppErrorCode,
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The rejection for a row that failed with a RowError or a domain error; anything else is rethrown.
 */
export function rejectionOf(input: ImportRowInput, error: unknown): ImportRejection {
  const key = input.externalKey;
  if (error instanceof RowError)
    return { row: input.row, key, code: error.code, field: error.field, detail: error.message };
  if (isDomainError(error)) {
    const first = error.fieldErrors[0];
    return {
      row: input.row,
      key,
      code: error.code,
      ...(first ? { field: first.property } : {}),
      detail:
        error.fieldErrors.map((f) => `${f.property} ${f.message}`).join('; ') || error.message,
    };
  }
  throw error;
}
