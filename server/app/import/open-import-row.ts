/**
 * One old record opened as a case, in memory: under the policy published as of its received time,
 * sent on at its original time if it was, with the categories it records.
 */
import { applyAction } from '../../domain/case/apply-action.ts';
import { setCategory } from '../../domain/case/apply-decisions.ts';
import type { Case, CaseEvent } from '../../domain/case/case.ts';
import { openCase, type CaseContext } from '../../domain/case/open-case.ts';
import { followCategories } from '../../domain/clocks/settle-clocks.ts';
import { parseInstant } from '../../domain/time/time.ts';
import type { AppDeps, RequestContext } from '../ports/deps.ts';
import type { PublishedPolicy } from '../ports/ports.ts';
import type { ImportRowInput } from './import-cases.ts';
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

/** Replays "sent to the company" at the record's sent time. @throws RowError for a bad time */
async function replaySent(
  row: RowContext,
  opened: Opened,
  sentAt: string,
  receivedMs: number,
  { sentTransition, nowMs }: RowBatch,
): Promise<Opened> {
  const sentMs = instant(sentAt, '.sentAt');
  if (sentMs < receivedMs || sentMs > nowMs)
    throw new RowError(
      'import_time_invalid',
      '.sentAt',
      'is before the received time or in the future',
    );
  if (!sentTransition)
    throw new RowError(
      'import_time_invalid',
      '.sentAt',
      'no sentTransition names how it is recorded',
    );
  const transition = row.version.policy.workflow.transitions.find((t) => t.id === sentTransition);
  // The record says it was sent: it is replayed with the roles the policy gives that step.
  const sent = await applyAction(row.context, opened.case, {
    transition: sentTransition,
    actor: { user: row.user, roles: transition?.roles ?? [] },
    at: sentAt,
    data: {},
  });
  return { case: sent.case, events: [...opened.events, ...sent.events] };
}

/**
 * Sets the record's categories as a staff decision. @throws RowError for a value the policy lacks
 */
function applyCategories(row: RowContext, opened: Opened): Opened {
  const at = row.input.sentAt ?? row.input.receivedAt;
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
  if (input.sentAt !== undefined)
    opened = await replaySent(row, opened, input.sentAt, receivedMs, batch);
  opened = applyCategories(row, opened);
  return { input, version, opened: opened.case, events: opened.events, receivedMs };
}
