/**
 * What a mapping reads where: the steps it replays, the row's key and the columns behind it, and
 * the column behind a field the server names, for telling the user which cell to correct.
 */
import { CellError } from './cell-error.ts';
import type { ImportMapping, StepColumn, TimeColumn, ValueColumn } from './import-mapping.ts';

/** A row of the table: its number in the file and its cells by column name. */
export type TableRow = { row: number; values: Record<string, string> };

/** Every step the mapping replays: `sentAt` first, then `steps`, in order. */
export function stepsOf(mapping: ImportMapping): StepColumn[] {
  return [...(mapping.sentAt ? [mapping.sentAt] : []), ...(mapping.steps ?? [])];
}

/** The steps a row took (its time cell is not empty), by their index in stepsOf. */
export function takenSteps(mapping: ImportMapping, values: Record<string, string>): number[] {
  return stepsOf(mapping).flatMap((step, i) =>
    (values[step.column] ?? '').trim() === '' ? [] : [i],
  );
}

/** The label of a time in messages: its column, or both columns. */
export function timeColumns(time: TimeColumn): string {
  return time.timeColumn ? `${time.column} + ${time.timeColumn}` : time.column;
}

/** The columns that make the key, for messages ("Date + Title"), or "row number". */
export function keyColumns(mapping: ImportMapping): string {
  const key = mapping.externalKey;
  if (typeof key === 'string') return key;
  return 'columns' in key ? key.columns.join(' + ') : 'row number';
}

/** The row's external key. @throws CellError naming the key column that is empty */
export function keyOf(mapping: ImportMapping, row: TableRow): string {
  const key = mapping.externalKey;
  if (typeof key !== 'string' && 'rowNumber' in key) return `${key.rowNumber}:${row.row}`;
  const columns = typeof key === 'string' ? [key] : key.columns;
  const parts = columns.map((column) => {
    const text = (row.values[column] ?? '').trim();
    if (!text) throw new CellError('import_key_missing', column, 'the external key is empty');
    return text;
  });
  return parts.join(typeof key === 'string' ? '' : (key.separator ?? '|'));
}

function fieldColumn(
  specs: Record<string, ValueColumn> | undefined,
  path: string,
): string | undefined {
  for (const [field, spec] of Object.entries(specs ?? {})) {
    if (path === field || path.startsWith(`${field}.`)) return spec.column;
  }
  return undefined;
}

/**
 * The column behind a field path the server names (".product", ".customer.name", ".sentAt",
 * ".categories.issue", ".steps[1].at", ".steps[1].data.result"), for telling the user which cell
 * to correct; `taken` is the row's takenSteps (the server numbers only the steps sent).
 */
export function columnOf(
  mapping: ImportMapping,
  property: string | undefined,
  taken: number[] = [],
): string | undefined {
  if (!property) return undefined;
  const path = property.replace(/^\./, '').replace(/\[(\d+)\]/g, '.$1');
  if (path === 'receivedAt') return timeColumns(mapping.receivedAt);
  if (path === 'sentAt') return mapping.sentAt?.column;
  if (path === 'externalKey') return keyColumns(mapping);
  if (path.startsWith('categories.')) return mapping.categories?.[path.slice(11)]?.column;
  const step = /^steps\.(\d+)(?:\.(at|data)(?:\.(.+))?)?$/.exec(path);
  if (step) {
    const spec = stepsOf(mapping)[taken[Number(step[1])] ?? -1];
    if (!spec) return undefined;
    return step[2] === 'data' ? fieldColumn(spec.data, step[3] ?? '') : timeColumns(spec);
  }
  return fieldColumn(mapping.fields, path);
}
