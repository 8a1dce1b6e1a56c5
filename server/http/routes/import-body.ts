/** Reading the body of the import route: a batch of mapped rows, checked for shape only. */
import type { ImportRequest, ImportRowInput } from '../../app/import/import-cases.ts';
import type { FieldError } from '../../domain/errors.ts';
import { HttpError } from '../http-error.ts';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function steps(value: unknown, problem: (field: string, message: string) => void) {
  if (value === undefined) return;
  if (!Array.isArray(value)) return problem('.steps', 'must be an array');
  value.forEach((step: unknown, i) => {
    const where = `.steps[${i}]`;
    if (!isObject(step)) return problem(where, 'must be an object');
    if (typeof step.transition !== 'string' || step.transition === '')
      problem(`${where}.transition`, 'required');
    if (typeof step.at !== 'string') problem(`${where}.at`, 'must be a string');
    if (step.data !== undefined && !isObject(step.data))
      problem(`${where}.data`, 'must be an object');
    for (const key of Object.keys(step).filter((k) => !['transition', 'at', 'data'].includes(k)))
      problem(`${where}.${key}`, 'unknown field');
  });
}

function row(value: unknown, at: string, problems: FieldError[]): ImportRowInput | undefined {
  const problem = (field: string, message: string) =>
    void problems.push({ property: `${at}${field}`, message });
  if (!isObject(value)) return void problem('', 'must be an object');
  const { row: number, externalKey, receivedAt, sentAt, intake, categories } = value;
  steps(value.steps, problem);
  if (!Number.isInteger(number)) problem('.row', 'must be an integer');
  if (typeof externalKey !== 'string' || externalKey === '') problem('.externalKey', 'required');
  if (typeof receivedAt !== 'string') problem('.receivedAt', 'must be a string');
  if (sentAt !== undefined && typeof sentAt !== 'string') problem('.sentAt', 'must be a string');
  if (!isObject(intake)) problem('.intake', 'must be an object');
  if (
    categories !== undefined &&
    (!isObject(categories) || Object.values(categories).some((v) => typeof v !== 'string'))
  )
    problem('.categories', 'must map dimensions to values');
  const unknown = Object.keys(value).filter(
    (key) =>
      !['row', 'externalKey', 'receivedAt', 'sentAt', 'steps', 'intake', 'categories'].includes(
        key,
      ),
  );
  for (const key of unknown) problem(`.${key}`, 'unknown field');
  return value as ImportRowInput;
}

/** The import request. @throws invalid_body naming every field of every row that is malformed */
export function importRequest(body: Record<string, unknown>): ImportRequest {
  const problems: FieldError[] = [];
  if (!Array.isArray(body.rows)) problems.push({ property: '.rows', message: 'must be an array' });
  if (body.dryRun !== undefined && typeof body.dryRun !== 'boolean')
    problems.push({ property: '.dryRun', message: 'must be a boolean' });
  if (body.sentTransition !== undefined && typeof body.sentTransition !== 'string')
    problems.push({ property: '.sentTransition', message: 'must be a string' });
  const rows = Array.isArray(body.rows)
    ? body.rows.map((value, i) => row(value, `.rows[${i}]`, problems))
    : [];
  if (problems.length > 0)
    throw new HttpError('invalid_body', problems[0]?.message ?? '', problems);
  return {
    rows: rows as ImportRowInput[],
    dryRun: body.dryRun === true,
    ...(typeof body.sentTransition === 'string' ? { sentTransition: body.sentTransition } : {}),
  };
}
