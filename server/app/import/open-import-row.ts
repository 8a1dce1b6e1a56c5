/**
 * One old record opened as a case, in memory: under the policy published as of its received time,
 * moved through each step it took at that step's original time (sent on, signed, replied, closed…),
 * with the categories it records.
 */
import { applyAction } from '../../domain/case/apply-action.ts';
import { setCategory } from '../../domain/case/apply-decisions.ts';
import type { Case, CaseEvent } from '../../domain/case/case.ts';
import { openCase, type CaseContext } from '../../domain/case/open-case.ts';
import { DomainError, isDomainError } from '../../domain/errors.ts';
import { followCategories } from '../../domain/clocks/settle-clocks.ts';
import { parseInstant } from '../../domain/time/time.ts';
import type { AppDeps, RequestContext } from '../ports/deps.ts';
import type { PublishedPolicy } from '../ports/ports.ts';
import type { ImportRowInput, ImportStepInput } from './import-cases.ts';
import { RowError } from './row-error.ts';

/** A row opened and checked, ready to be numbered and stored. */
export type PreparedRow = {
  input: ImportRowInput;
  version: PublishedPolicy;
  opened: Case;
  events: CaseEvent[];
  receivedMs: number;
};

/** What every row of a batch is opened against: the published versions, the sent step, now. */
export type RowBatch = {
  versions: PublishedPolicy[];
  sentTransition: string | undefined;
  nowMs: number;
};

/** The case so far and the events that made it. */
type Opened = { case: Case; events: CaseEvent[] };

type RowContext = {
  context: CaseContext;
  version: PublishedPolicy;
  user: string;
  input: ImportRowInput;
};

/** The time of the record's last step (its received time when it took none). */
export function lastTime(input: ImportRowInput): string {
  return input.steps?.at(-1)?.at ?? input.sentAt ?? input.receivedAt;
}

/** The version published at or before `ms`; records older than every version use the first. */
function versionAsOf(versions: PublishedPolicy[], ms: number): PublishedPolicy {
  let chosen = versions[0] as PublishedPolicy;
  for (const version of versions) if (parseInstant(version.publishedAt) <= ms) chosen = version;
  return chosen;
}

function instant(value: string, field: string): number {
  try {
    return parseInstant(value);
  } catch {
    throw new RowError('import_time_invalid', field, `"${value}" is not a time with an offset`);
  }
}

/** A step to replay and the field path its problems are named under. */
type Step = ImportStepInput & { field: string };

/** The row's steps: "sent" (by the batch's transition) first, then its own steps. */
function stepsOf(input: ImportRowInput, sentTransition: string | undefined): Step[] {
  const steps: Step[] = [];
  if (input.sentAt !== undefined) {
    if (!sentTransition)
      throw new RowError(
        'import_time_invalid',
        '.sentAt',
        'no sentTransition names how it is recorded',
      );
    steps.push({ transition: sentTransition, at: input.sentAt, field: '.sentAt' });
  }
  for (const [i, step] of (input.steps ?? []).entries())
    steps.push({ ...step, field: `.steps[${i}]` });
  return steps;
}

/** The field a step's time is named under: `.sentAt` itself, or `.steps[i].at`. */
const atField = (step: Step) => (step.field === '.sentAt' ? step.field : `${step.field}.at`);

/** A step's time, after the time before it and not in the future. @throws RowError */
function stepTime(step: Step, previous: { ms: number; what: string; at: string }, nowMs: number) {
  const ms = instant(step.at, atField(step));
  if (ms < previous.ms)
    throw new RowError(
      'import_time_invalid',
      atField(step),
      `${step.at} is before ${previous.what} ${previous.at}: one of the two is wrong`,
    );
  if (ms > nowMs)
    throw new RowError('import_time_invalid', atField(step), `${step.at} is in the future`);
  return ms;
}

/**
 * Replays each step the record took at its time, with the roles the policy gives that step; a
 * form error is named under the step (".steps[1].data.result").
 * @throws RowError for a bad or out-of-order time, DomainError for a step the case cannot take
 */
async function replaySteps(
  row: RowContext,
  opened: Opened,
  receivedMs: number,
  { sentTransition, nowMs }: RowBatch,
): Promise<Opened> {
  let current = opened;
  let previous = { ms: receivedMs, what: 'the received time', at: row.input.receivedAt };
  for (const step of stepsOf(row.input, sentTransition)) {
    const ms = stepTime(step, previous, nowMs);
    const transition = row.version.policy.workflow.transitions.find(
      (t) => t.id === step.transition,
    );
    try {
      const moved = await applyAction(row.context, current.case, {
        transition: step.transition,
        actor: { user: row.user, roles: transition?.roles ?? [] },
        at: step.at,
        data: step.data ?? {},
      });
      current = { case: moved.case, events: [...current.events, ...moved.events] };
    } catch (error) {
      throw namedUnder(error, step);
    }
    previous = { ms, what: `${step.transition} at`, at: step.at };
  }
  return current;
}

/** A domain error of a step, its fields named under the step and the step named in the message. */
function namedUnder(error: unknown, step: Step): unknown {
  if (!isDomainError(error)) return error;
  const prefix = step.field === '.sentAt' ? step.field : `${step.field}.data`;
  const fields = error.fieldErrors.map((f) => ({ ...f, property: `${prefix}${f.property}` }));
  if (fields.length === 0) fields.push({ property: atField(step), message: error.message });
  return new DomainError(error.code, `${step.transition}: ${error.message}`, error.details, fields);
}

/**
 * Sets the record's categories as a staff decision. @throws RowError for a value the policy lacks
 */
function applyCategories(row: RowContext, opened: Opened): Opened {
  const at = lastTime(row.input);
  let current = opened.case;
  const events = [...opened.events];
  for (const [dimension, value] of Object.entries(row.input.categories ?? {})) {
    if (!row.version.policy.categories[dimension]?.values[value]) {
      throw new RowError(
        'import_category_invalid',
        `.categories.${dimension}`,
        `"${value}" is not a value of ${dimension}`,
      );
    }
    const source = { kind: 'staff' as const, user: row.user, reason: 'import' };
    const applied = setCategory(current, dimension, value, source, at);
    current = applied.case;
    events.push(...applied.events);
  }
  // A running clock whose duration table reads one of them takes the row they choose.
  const followed = followCategories(row.version.policy, current, at);
  return { case: followed.case, events: [...events, ...followed.events] };
}

/**
 * Opens a record as a case under the version in force when it was received.
 * @throws RowError for a bad time or category, DomainError for an intake the form refuses
 */
export async function openImportRow(
  deps: AppDeps,
  request: RequestContext,
  input: ImportRowInput,
  batch: RowBatch,
): Promise<PreparedRow> {
  const { versions, nowMs } = batch;
  const receivedMs = instant(input.receivedAt, '.receivedAt');
  if (receivedMs > nowMs)
    throw new RowError('import_time_invalid', '.receivedAt', 'is in the future');
  const version = versionAsOf(versions, receivedMs);
  const context = { policy: version.policy, validator: deps.validator, lang: request.lang };
  const row: RowContext = { context, version, user: request.principal.userId, input };
  let opened: Opened = await openCase(context, {
    id: deps.newId(),
    number: '',
    receivedAt: input.receivedAt,
    intake: input.intake,
    actor: { user: row.user, roles: ['admin'] },
  });
  opened = await replaySteps(row, opened, receivedMs, batch);
  opened = applyCategories(row, opened);
  return { input, version, opened: opened.case, events: opened.events, receivedMs };
}
