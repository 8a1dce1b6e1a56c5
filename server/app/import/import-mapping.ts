/**
 * The mapping of an old-records table to Kesu's import rows: which column is the record's external
 * key, which hold the received and sent-to-company times (with their format and time zone), which
 * fill the intake form's fields and which set category dimensions. Pure: it reads values, it does
 * no I/O.
 */
import { formatInstant, zonedToInstant } from '../../domain/time/time.ts';
import type { ImportRowInput } from './import-cases.ts';

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

/** One record ready for the import route. */
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

const TOKEN = /YYYY|MM|M|DD|D|HH|H|mm|ss/g;

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

/** A refused cell: the code and message of the row's rejection. */
class CellError extends Error {
  constructor(
    readonly code: string,
    readonly column: string,
    message: string,
  ) {
    super(message);
  }
}

const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * The instant a cell's local time stands for, as ISO 8601 with the zone's offset. Cells in the
 * mapping's format are read, and so are ISO local dates (how spreadsheet date cells are read).
 */
export function parseLocalTime(text: string, time: TimeColumn): string | undefined {
  const parts: Record<string, number> = {};
  const names: string[] = [];
  const pattern = time.format.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(TOKEN, (token) => {
    names.push(token);
    return token.length === 4 ? '(\\d{4})' : token.length === 2 ? '(\\d{2})' : '(\\d{1,2})';
  });
  const match = new RegExp(`^${pattern}$`).exec(text.trim());
  const iso = match ? undefined : ISO_LOCAL.exec(text.trim());
  if (match) names.forEach((name, i) => (parts[name[0] as string] = Number(match[i + 1])));
  else if (iso) {
    const [Y, M, D, H, m, sec] = iso.slice(1).map((v) => Number(v ?? 0));
    Object.assign(parts, { Y, M, D, H, m, s: sec });
  } else return undefined;
  const { Y = 0, M = 0, D = 0, H = 0, m = 0, s = 0 } = parts;
  if (M < 1 || M > 12 || D < 1 || D > 31 || H > 23 || m > 59 || s > 59) return undefined;
  const date = `${String(Y).padStart(4, '0')}-${String(M).padStart(2, '0')}-${String(D).padStart(2, '0')}`;
  // 2019-02-30 rolls over to March: the written date must read back.
  if (new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) return undefined;
  const ms = zonedToInstant(date, H * 60 + m, time.timeZone) + s * 1000;
  return formatInstant(ms, time.timeZone);
}

function readTime(values: Record<string, string>, time: TimeColumn): string | undefined {
  const text = (values[time.column] ?? '').trim();
  if (text === '') return undefined;
  const parsed = parseLocalTime(text, time);
  if (!parsed) {
    throw new CellError(
      'import_time_invalid',
      time.column,
      `"${text}" is not a time in the format ${time.format}`,
    );
  }
  return parsed;
}

function readValue(values: Record<string, string>, spec: ValueColumn): unknown {
  const text = (values[spec.column] ?? '').trim();
  if (spec.values) {
    const mapped = Object.hasOwn(spec.values, text) ? spec.values[text] : spec.otherwise;
    if (mapped !== undefined) return mapped;
    if (text === '') return undefined;
    throw new CellError(
      'import_value_unmapped',
      spec.column,
      `"${text}" is not among the mapping's values`,
    );
  }
  if (text === '') return undefined;
  switch (spec.type ?? 'string') {
    case 'number':
    case 'integer': {
      const n = Number(text.replace(/,/g, ''));
      if (!Number.isFinite(n) || (spec.type === 'integer' && !Number.isInteger(n)))
        throw new CellError(
          'import_value_invalid',
          spec.column,
          `"${text}" is not a${spec.type === 'integer' ? 'n integer' : ' number'}`,
        );
      return n;
    }
    case 'boolean': {
      const yes = ['yes', 'y', 'true', '1', '是'].includes(text.toLowerCase());
      const no = ['no', 'n', 'false', '0', '否'].includes(text.toLowerCase());
      if (!yes && !no)
        throw new CellError('import_value_invalid', spec.column, `"${text}" is not yes or no`);
      return yes;
    }
    default:
      return values[spec.column];
  }
}

function writeField(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1] as string] = value;
}

/** One table row as an import row, or the reason it is refused (naming the column). */
export function mapRow(
  mapping: ImportMapping,
  row: { row: number; values: Record<string, string> },
): { ok: ImportRow } | { rejected: RejectedRow } {
  const key = (row.values[mapping.externalKey] ?? '').trim();
  try {
    if (!key)
      throw new CellError('import_key_missing', mapping.externalKey, 'the external key is empty');
    const receivedAt = readTime(row.values, mapping.receivedAt);
    if (!receivedAt)
      throw new CellError(
        'import_time_invalid',
        mapping.receivedAt.column,
        'the received time is empty',
      );
    const sentAt = mapping.sentAt ? readTime(row.values, mapping.sentAt) : undefined;
    const intake: Record<string, unknown> = {};
    for (const [path, spec] of Object.entries(mapping.fields)) {
      const value = readValue(row.values, spec);
      if (value !== undefined) writeField(intake, path, value);
    }
    const categories: Record<string, string> = {};
    for (const [dimension, spec] of Object.entries(mapping.categories ?? {})) {
      const value = readValue(row.values, spec);
      if (value !== undefined) categories[dimension] = String(value);
    }
    return {
      ok: {
        row: row.row,
        externalKey: key,
        receivedAt,
        ...(sentAt ? { sentAt } : {}),
        intake,
        ...(Object.keys(categories).length > 0 ? { categories } : {}),
      },
    };
  } catch (error) {
    if (!(error instanceof CellError)) throw error;
    return {
      rejected: {
        row: row.row,
        key,
        code: error.code,
        message: error.message,
        field: error.column,
      },
    };
  }
}

/**
 * The column behind a field path the server names (".product", ".customer.name", ".sentAt",
 * ".categories.issue"), for telling the user which cell to correct.
 */
export function columnOf(mapping: ImportMapping, property: string | undefined): string | undefined {
  if (!property) return undefined;
  const path = property.replace(/^\./, '').replace(/\[(\d+)\]/g, '.$1');
  if (path === 'receivedAt') return mapping.receivedAt.column;
  if (path === 'sentAt') return mapping.sentAt?.column;
  if (path === 'externalKey') return mapping.externalKey;
  if (path.startsWith('categories.')) return mapping.categories?.[path.slice(11)]?.column;
  for (const [field, spec] of Object.entries(mapping.fields)) {
    if (path === field || path.startsWith(`${field}.`)) return spec.column;
  }
  return undefined;
}
