/**
 * The mapping of an old-records table to Kesu's import rows: which column is the record's external
 * key, which hold the received and sent-to-company times (with their format and time zone), which
 * fill the intake form's fields and which set category dimensions. Pure: it reads values, it does
 * no I/O.
 */
import type { ImportRowInput } from './import-cases.ts';

export { columnOf, mapRow } from './map-row.ts';
export { parseLocalTime } from './parse-local-time.ts';

/** A column holding a time, written in `format` (YYYY, MM/M, DD/D, HH/H, mm, ss) in `timeZone`. */
export type TimeColumn = { column: string; format: string; timeZone: string };

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
  externalKey: string;
  receivedAt: TimeColumn;
  /** When the complaint was sent on, and the workflow transition that records it. */
  sentAt?: TimeColumn & { transition: string };
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

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

type Check = (path: string, message: string) => void;

function checkTime(raw: unknown, path: string, columns: Set<string>, problem: Check): void {
  const time = raw as Partial<TimeColumn> | undefined;
  if (!time || typeof time !== 'object') return problem(path, 'must be an object');
  checkColumn(time.column, `${path}.column`, columns, problem);
  if (typeof time.format !== 'string' || !/YYYY/.test(time.format) || !/M/.test(time.format)) {
    problem(
      `${path}.format`,
      'must be a date format with YYYY, MM or M, DD or D (e.g. YYYY-MM-DD)',
    );
  }
  if (typeof time.timeZone !== 'string' || !isTimeZone(time.timeZone)) {
    problem(`${path}.timeZone`, `"${String(time.timeZone)}" is not an IANA time zone`);
  }
}

function checkColumn(column: unknown, path: string, columns: Set<string>, problem: Check): void {
  if (typeof column !== 'string') return problem(path, 'must name a column');
  if (!columns.has(column)) problem(path, `column "${column}" is not in the file`);
}

function checkValues(raw: unknown, path: string, columns: Set<string>, problem: Check): void {
  const value = raw as Partial<ValueColumn> | undefined;
  if (!value || typeof value !== 'object') return problem(path, 'must be an object');
  checkColumn(value.column, `${path}.column`, columns, problem);
  if (value.type && !['string', 'number', 'integer', 'boolean'].includes(value.type))
    problem(`${path}.type`, 'must be string, number, integer or boolean');
  if (value.values !== undefined && (typeof value.values !== 'object' || value.values === null))
    problem(`${path}.values`, 'must map cell text to values');
}

/**
 * Checks a mapping document against the file's columns.
 * @throws MappingError listing every problem (a missing column, a bad format or time zone)
 */
export function parseMapping(raw: unknown, columns: string[]): ImportMapping {
  const problems: { path: string; message: string }[] = [];
  const problem: Check = (path, message) => void problems.push({ path, message });
  const known = new Set(columns);
  const mapping = raw as Partial<ImportMapping> | null;
  if (!mapping || typeof mapping !== 'object')
    throw new MappingError([{ path: '', message: 'must be an object' }]);
  checkColumn(mapping.externalKey, 'externalKey', known, problem);
  checkTime(mapping.receivedAt, 'receivedAt', known, problem);
  if (mapping.sentAt !== undefined) {
    checkTime(mapping.sentAt, 'sentAt', known, problem);
    if (typeof mapping.sentAt?.transition !== 'string' || !mapping.sentAt.transition)
      problem('sentAt.transition', 'must name the workflow transition that sends the complaint on');
  }
  if (!mapping.fields || typeof mapping.fields !== 'object') problem('fields', 'must be an object');
  for (const [field, value] of Object.entries(mapping.fields ?? {}))
    checkValues(value, `fields.${field}`, known, problem);
  for (const [dimension, value] of Object.entries(mapping.categories ?? {}))
    checkValues(value, `categories.${dimension}`, known, problem);
  if (problems.length > 0) throw new MappingError(problems);
  return mapping as ImportMapping;
}
