/**
 * The mapping of an old-records table to Kesu's import rows: which column (or columns, or the row
 * number) is the record's external key, which hold the received time and the times of the
 * workflow steps to replay (with their format and time zone), which fill the intake form's fields
 * and which set category dimensions. Pure: it reads values, it does no I/O.
 */
import type { ImportRowInput } from './import-cases.ts';

export { mapRow } from './map-row.ts';
export { columnOf, keyColumns, stepsOf, takenSteps } from './mapping-columns.ts';
export { parseLocalTime } from './parse-local-time.ts';
export { parseMapping } from './parse-mapping.ts';

/**
 * A column holding a time, written in `format` (YYYY, MM/M, DD/D, HH/H, hh/h with A, mm, ss) in
 * `timeZone`; with `timeColumn`, `column` holds the date and `timeColumn` the time of day (in
 * `timeFormat`, default HH:mm:ss).
 */
export type TimeColumn = {
  column: string;
  format: string;
  timeZone: string;
  timeColumn?: string;
  timeFormat?: string;
};

/**
 * A workflow step the record took, replayed at the time in its column (a row whose cell is empty
 * did not take it), with its form's fields read from columns.
 */
export type StepColumn = TimeColumn & { transition: string; data?: Record<string, ValueColumn> };

/**
 * The record's external key: one column, several columns joined with `separator` (default "|"),
 * or the file's row number after a `prefix` naming the file (then the file must not be re-sorted
 * between imports).
 */
export type KeySpec = string | { columns: string[]; separator?: string } | { rowNumber: string };

/** A column read into a form field or a category: as text, a number or a yes/no, or looked up. */
export type ValueColumn = {
  column: string;
  type?: 'string' | 'number' | 'integer' | 'boolean';
  /** Cell text → value; a cell not listed is refused unless `otherwise` gives its value. */
  values?: Record<string, string>;
  otherwise?: string;
};

/** How a table's columns become an import row: key, times, form fields and categories. */
export type ImportMapping = {
  externalKey: KeySpec;
  receivedAt: TimeColumn;
  /** When the complaint was sent on, and the workflow transition that records it (a first step). */
  sentAt?: StepColumn;
  /** Further steps, replayed in this order after `sentAt`, each at its own time. */
  steps?: StepColumn[];
  /** Intake field path (dotted, "customer.name") → column. */
  fields: Record<string, ValueColumn>;
  /** Category dimension → column. */
  categories?: Record<string, ValueColumn>;
};

/** A record mapped to what the import use case takes. */
export type ImportRow = ImportRowInput;

/** A record refused, by the mapping here or by the server: `field` names the column where known. */
export type RejectedRow = {
  row: number;
  key: string;
  code: string;
  message: string;
  field?: string;
};

/** A mapping that does not fit the file: every problem, each naming the column or key. */
export class MappingError extends Error {
  readonly problems: { path: string; message: string }[];
  constructor(problems: { path: string; message: string }[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('; '));
    this.name = 'MappingError';
    this.problems = problems;
  }
}
