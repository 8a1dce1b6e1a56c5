/** One table row read through the mapping into an import row, or refused naming its column. */
import type {
  ImportMapping,
  ImportRow,
  RejectedRow,
  ValueColumn,
  TimeColumn,
} from './import-mapping.ts';
import { parseLocalTime } from './parse-local-time.ts';

/** A row of the table: its number in the file and its cells by column name. */
type TableRow = { row: number; values: Record<string, string> };

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

function readNumber(text: string, spec: ValueColumn): number {
  const n = Number(text.replace(/,/g, ''));
  if (!Number.isFinite(n) || (spec.type === 'integer' && !Number.isInteger(n)))
    throw new CellError(
      'import_value_invalid',
      spec.column,
      `"${text}" is not a${spec.type === 'integer' ? 'n integer' : ' number'}`,
    );
  return n;
}

function readBoolean(text: string, spec: ValueColumn): boolean {
  const yes = ['yes', 'y', 'true', '1', '是'].includes(text.toLowerCase());
  const no = ['no', 'n', 'false', '0', '否'].includes(text.toLowerCase());
  if (!yes && !no)
    throw new CellError('import_value_invalid', spec.column, `"${text}" is not yes or no`);
  return yes;
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
    case 'integer':
      return readNumber(text, spec);
    case 'boolean':
      return readBoolean(text, spec);
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

/** The row's cells read through the mapping. @throws CellError naming the first bad cell */
function readRow(mapping: ImportMapping, row: TableRow, key: string): ImportRow {
  const { values } = row;
  if (!key)
    throw new CellError('import_key_missing', mapping.externalKey, 'the external key is empty');
  const receivedAt = readTime(values, mapping.receivedAt);
  if (!receivedAt)
    throw new CellError(
      'import_time_invalid',
      mapping.receivedAt.column,
      'the received time is empty',
    );
  const sentAt = mapping.sentAt ? readTime(values, mapping.sentAt) : undefined;
  const intake: Record<string, unknown> = {};
  for (const [path, spec] of Object.entries(mapping.fields)) {
    const value = readValue(values, spec);
    if (value !== undefined) writeField(intake, path, value);
  }
  const categories: Record<string, string> = {};
  for (const [dimension, spec] of Object.entries(mapping.categories ?? {})) {
    const value = readValue(values, spec);
    if (value !== undefined) categories[dimension] = String(value);
  }
  return {
    row: row.row,
    externalKey: key,
    receivedAt,
    ...(sentAt ? { sentAt } : {}),
    intake,
    ...(Object.keys(categories).length > 0 ? { categories } : {}),
  };
}

/** One table row as an import row, or the reason it is refused (naming the column). */
export function mapRow(
  mapping: ImportMapping,
  row: TableRow,
): { ok: ImportRow } | { rejected: RejectedRow } {
  const key = (row.values[mapping.externalKey] ?? '').trim();
  try {
    return { ok: readRow(mapping, row, key) };
  } catch (error) {
    if (!(error instanceof CellError)) throw error;
    const { code, message, column } = error;
    return { rejected: { row: row.row, key, code, message, field: column } };
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
