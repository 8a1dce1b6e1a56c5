/** One table row read through the mapping into an import row, or refused naming its column. */
import { parseInstant } from '../../domain/time/time.ts';
import type { ImportStepInput } from './import-cases.ts';
import type {
  ImportMapping,
  ImportRow,
  RejectedRow,
  StepColumn,
  TimeColumn,
  ValueColumn,
} from './import-mapping.ts';
import { CellError } from './cell-error.ts';
import { keyOf, stepsOf, takenSteps, timeColumns, type TableRow } from './mapping-columns.ts';
import { parseLocalTime } from './parse-local-time.ts';

/** The cell text of a time, both cells ("date time") when the date and time are in two columns. */
function timeText(values: Record<string, string>, time: TimeColumn): string {
  const date = (values[time.column] ?? '').trim();
  if (!time.timeColumn) return date;
  const clock = (values[time.timeColumn] ?? '').trim();
  return clock === '' ? date : `${date} ${clock}`;
}

function readTime(values: Record<string, string>, time: TimeColumn): string | undefined {
  const text = (values[time.column] ?? '').trim();
  if (text === '') return undefined;
  const clock = time.timeColumn ? (values[time.timeColumn] ?? '').trim() : undefined;
  if (clock === '')
    throw new CellError('import_time_invalid', time.timeColumn as string, 'the time is empty');
  const parsed = parseLocalTime(text, time, clock);
  if (!parsed) {
    const format = time.timeColumn
      ? `${time.format} ${time.timeFormat ?? 'HH:mm:ss'}`
      : time.format;
    const column = time.timeColumn ? `${time.column} + ${time.timeColumn}` : time.column;
    throw new CellError(
      'import_time_invalid',
      column,
      `"${timeText(values, time)}" is not a time in the format ${format}`,
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

function readFields(
  values: Record<string, string>,
  specs: Record<string, ValueColumn>,
): Record<string, unknown> {
  const target: Record<string, unknown> = {};
  for (const [path, spec] of Object.entries(specs)) {
    const value = readValue(values, spec);
    if (value !== undefined) writeField(target, path, value);
  }
  return target;
}

/**
 * The steps the row took, each at its time and with its form. A step before the received time or
 * before the step replayed ahead of it is refused naming both times and columns, so the user sees
 * which cell to check. @throws CellError
 */
function readSteps(mapping: ImportMapping, values: Record<string, string>, receivedAt: string) {
  const steps: ImportStepInput[] = [];
  const all = stepsOf(mapping);
  let previous = { at: receivedAt, what: `the received time (${timeColumns(mapping.receivedAt)})` };
  for (const index of takenSteps(mapping, values)) {
    const spec = all[index] as StepColumn;
    const at = readTime(values, spec) as string;
    if (parseInstant(at) < parseInstant(previous.at))
      throw new CellError(
        'import_time_invalid',
        timeColumns(spec),
        `${spec.transition} at ${at} is before ${previous.what} ${previous.at}: one of the two is wrong`,
      );
    const data = spec.data ? readFields(values, spec.data) : undefined;
    steps.push({ transition: spec.transition, at, ...(data ? { data } : {}) });
    previous = { at, what: `${spec.transition} (${timeColumns(spec)})` };
  }
  return steps;
}

/** The row's cells read through the mapping. @throws CellError naming the first bad cell */
function readRow(mapping: ImportMapping, row: TableRow, key: string): ImportRow {
  const { values } = row;
  const receivedAt = readTime(values, mapping.receivedAt);
  if (!receivedAt)
    throw new CellError(
      'import_time_invalid',
      mapping.receivedAt.column,
      'the received time is empty',
    );
  const steps = readSteps(mapping, values, receivedAt);
  const intake = readFields(values, mapping.fields);
  const categories: Record<string, string> = {};
  for (const [dimension, spec] of Object.entries(mapping.categories ?? {})) {
    const value = readValue(values, spec);
    if (value !== undefined) categories[dimension] = String(value);
  }
  return {
    row: row.row,
    externalKey: key,
    receivedAt,
    ...(steps.length > 0 ? { steps } : {}),
    intake,
    ...(Object.keys(categories).length > 0 ? { categories } : {}),
  };
}

/** One table row as an import row, or the reason it is refused (naming the column). */
export function mapRow(
  mapping: ImportMapping,
  row: TableRow,
): { ok: ImportRow } | { rejected: RejectedRow } {
  let key = '';
  try {
    key = keyOf(mapping, row);
    return { ok: readRow(mapping, row, key) };
  } catch (error) {
    if (!(error instanceof CellError)) throw error;
    const { code, message, column } = error;
    return { rejected: { row: row.row, key, code, message, field: column } };
  }
}
