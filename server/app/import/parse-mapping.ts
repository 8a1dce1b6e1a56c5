/** A mapping document checked against the columns of the file it is for. */
import {
  MappingError,
  type ImportMapping,
  type StepColumn,
  type TimeColumn,
  type ValueColumn,
} from './import-mapping.ts';

type Check = (path: string, message: string) => void;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function checkColumn(column: unknown, path: string, columns: Set<string>, problem: Check): void {
  if (typeof column !== 'string') return problem(path, 'must name a column');
  if (!columns.has(column)) problem(path, `column "${column}" is not in the file`);
}

/** `hh`/`h` (12-hour) without `A` cannot tell 3 in the morning from 3 in the afternoon. */
function checkHours(format: string, path: string, problem: Check): void {
  if (/h/.test(format) && !/A/.test(format))
    problem(path, 'hh (12-hour) needs A for AM/PM (e.g. hh:mm:ss A)');
}

function checkTime(raw: unknown, path: string, columns: Set<string>, problem: Check): void {
  const time = raw as Partial<TimeColumn> | undefined;
  if (!time || typeof time !== 'object') return problem(path, 'must be an object');
  checkColumn(time.column, `${path}.column`, columns, problem);
  if (typeof time.format !== 'string' || !/YYYY/.test(time.format) || !/M/.test(time.format)) {
    problem(
      `${path}.format`,
      'must be a date format with YYYY, MM or M, DD or D (e.g. YYYY-MM-DD)',
    );
  } else checkHours(time.format, `${path}.format`, problem);
  if (typeof time.timeZone !== 'string' || !isTimeZone(time.timeZone)) {
    problem(`${path}.timeZone`, `"${String(time.timeZone)}" is not an IANA time zone`);
  }
  if (time.timeColumn !== undefined)
    checkColumn(time.timeColumn, `${path}.timeColumn`, columns, problem);
  if (time.timeFormat !== undefined) {
    if (typeof time.timeFormat !== 'string' || !/[Hh]/.test(time.timeFormat))
      problem(`${path}.timeFormat`, 'must be a time format with HH or hh (e.g. HH:mm:ss)');
    else checkHours(time.timeFormat, `${path}.timeFormat`, problem);
    if (time.timeColumn === undefined)
      problem(`${path}.timeFormat`, 'is only read with a timeColumn');
  }
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

function checkStep(raw: unknown, path: string, columns: Set<string>, problem: Check): void {
  checkTime(raw, path, columns, problem);
  const step = raw as Partial<StepColumn> | undefined;
  if (!step || typeof step !== 'object') return;
  if (typeof step.transition !== 'string' || !step.transition)
    problem(`${path}.transition`, 'must name the workflow transition the record took');
  for (const [field, value] of Object.entries(step.data ?? {}))
    checkValues(value, `${path}.data.${field}`, columns, problem);
}

function checkKey(raw: unknown, columns: Set<string>, problem: Check): void {
  if (typeof raw === 'string') return checkColumn(raw, 'externalKey', columns, problem);
  const key = raw as { columns?: unknown; separator?: unknown; rowNumber?: unknown } | null;
  if (key && typeof key === 'object' && Array.isArray(key.columns) && key.columns.length > 0) {
    key.columns.forEach((c, i) => checkColumn(c, `externalKey.columns[${i}]`, columns, problem));
    if (key.separator !== undefined && typeof key.separator !== 'string')
      problem('externalKey.separator', 'must be text');
    return;
  }
  if (key && typeof key === 'object' && typeof key.rowNumber === 'string' && key.rowNumber) return;
  problem(
    'externalKey',
    'must name a column, list columns ({"columns": [...]}) or give {"rowNumber": "<prefix naming the file>"}',
  );
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
  if (!mapping || typeof mapping !== 'object' || Array.isArray(mapping))
    throw new MappingError([{ path: '', message: 'must be an object' }]);
  checkKey(mapping.externalKey, known, problem);
  checkTime(mapping.receivedAt, 'receivedAt', known, problem);
  if (mapping.sentAt !== undefined) checkStep(mapping.sentAt, 'sentAt', known, problem);
  if (mapping.steps !== undefined && !Array.isArray(mapping.steps))
    problem('steps', 'must be a list of steps');
  for (const [i, step] of (Array.isArray(mapping.steps) ? mapping.steps : []).entries())
    checkStep(step, `steps[${i}]`, known, problem);
  if (!mapping.fields || typeof mapping.fields !== 'object') problem('fields', 'must be an object');
  for (const [field, value] of Object.entries(mapping.fields ?? {}))
    checkValues(value, `fields.${field}`, known, problem);
  for (const [dimension, value] of Object.entries(mapping.categories ?? {}))
    checkValues(value, `categories.${dimension}`, known, problem);
  if (problems.length > 0) throw new MappingError(problems);
  return mapping as ImportMapping;
}
