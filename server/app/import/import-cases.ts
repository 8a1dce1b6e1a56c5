/**
 * Import of old complaint records: each row is opened as a case under the policy published as of
 * its original received time (clocks evaluated as of then), sent on at its original time if it
 * was, numbered in its own month, and audited as "import". A row's external key is kept on the
 * case, so importing a row again adds nothing; a dry run checks every row and writes nothing.
 */
import { applyAction } from '../../domain/case/apply-action.ts';
import { setCategory } from '../../domain/case/apply-decisions.ts';
import type { Case, CaseEvent } from '../../domain/case/case.ts';
import { isDomainError } from '../../domain/errors.ts';
import { formatCaseNumber, numberingPeriod } from '../../domain/numbering/numbering.ts';
import { openCase } from '../../domain/case/open-case.ts';
import { parseInstant } from '../../domain/time/time.ts';
import { companyAccess, requireRole } from '../access.ts';
import { AppError, type AppErrorCode } from '../app-error.ts';
import type { AppDeps, RequestContext } from '../ports/deps.ts';
import { StoreError, type PublishedPolicy } from '../ports/ports.ts';

/** A record mapped to the intake form, with its original times (ISO with offset). */
export type ImportRowInput = {
  /** The row of the file it came from, echoed in rejections. */
  row: number;
  externalKey: string;
  receivedAt: string;
  sentAt?: string;
  intake: Record<string, unknown>;
  categories?: Record<string, string>;
};

export type ImportRequest = {
  rows: ImportRowInput[];
  dryRun: boolean;
  /** The workflow transition that records "sent to the company" (needed for rows with sentAt). */
  sentTransition?: string;
};

/** A row refused: its code, the field (rjsf path) and what is wrong. */
export type ImportRejection = {
  row: number;
  key: string;
  code: string;
  field?: string;
  detail: string;
};

export type ImportResult = {
  dryRun: boolean;
  rows: number;
  /** Rows stored now (in a dry run: rows that would be). */
  imported: number;
  /** Rows whose key a case already has: skipped. */
  alreadyImported: number;
  rejected: ImportRejection[];
  cases: { row: number; key: string; id: string; number: string }[];
};

/** The most rows one request may carry. */
export const IMPORT_BATCH_LIMIT = 500;

type Prepared = {
  input: ImportRowInput;
  version: PublishedPolicy;
  opened: Case;
  events: CaseEvent[];
  receivedMs: number;
};

class RowError extends Error {
  constructor(
    readonly code: AppErrorCode,
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
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

async function prepare(
  deps: AppDeps,
  request: RequestContext,
  versions: PublishedPolicy[],
  input: ImportRowInput,
  sentTransition: string | undefined,
  nowMs: number,
): Promise<Prepared> {
  const receivedMs = instant(input.receivedAt, '.receivedAt');
  if (receivedMs > nowMs)
    throw new RowError('import_time_invalid', '.receivedAt', 'is in the future');
  const version = versionAsOf(versions, receivedMs);
  const context = { policy: version.policy, validator: deps.validator, lang: request.lang };
  const actor = { user: request.principal.userId, roles: ['admin'] };
  const opened = await openCase(context, {
    id: deps.newId(),
    number: '',
    receivedAt: input.receivedAt,
    intake: input.intake,
    actor,
  });
  let current = opened.case;
  const events = [...opened.events];
  if (input.sentAt !== undefined) {
    const sentMs = instant(input.sentAt, '.sentAt');
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
    const transition = version.policy.workflow.transitions.find((t) => t.id === sentTransition);
    // The record says it was sent: it is replayed with the roles the policy gives that step.
    const sent = await applyAction(context, current, {
      transition: sentTransition,
      actor: { user: actor.user, roles: transition?.roles ?? [] },
      at: input.sentAt,
      data: {},
    });
    current = sent.case;
    events.push(...sent.events);
  }
  const at = input.sentAt ?? input.receivedAt;
  for (const [dimension, value] of Object.entries(input.categories ?? {})) {
    if (!version.policy.categories[dimension]?.values[value]) {
      throw new RowError(
        'import_category_invalid',
        `.categories.${dimension}`,
        `"${value}" is not a value of ${dimension}`,
      );
    }
    const applied = setCategory(
      current,
      dimension,
      value,
      { kind: 'staff', user: actor.user, reason: 'import' },
      at,
    );
    current = applied.case;
    events.push(...applied.events);
  }
  return { input, version, opened: current, events, receivedMs };
}

function rejection(input: ImportRowInput, error: unknown): ImportRejection {
  const key = input.externalKey;
  if (error instanceof RowError)
    return { row: input.row, key, code: error.code, field: error.field, detail: error.message };
  if (isDomainError(error)) {
    const first = error.fieldErrors[0];
    return {
      row: input.row,
      key,
      code: error.code,
      ...(first ? { field: first.property } : {}),
      detail:
        error.fieldErrors.map((f) => `${f.property} ${f.message}`).join('; ') || error.message,
    };
  }
  throw error;
}

/**
 * Whether the caller may import into the company: its administrators (others outside it see 404).
 * @throws not_found, forbidden
 */
export async function assertImportAccess(
  deps: AppDeps,
  request: RequestContext,
  companyId: string,
): Promise<void> {
  const { roles } = await companyAccess(deps, request.principal, companyId);
  requireRole(roles, 'admin');
}

/**
 * Imports (or, dry, checks) a batch of old records for the company; company administrators only.
 * @throws forbidden, not_found, no_published_policy, invalid_request for more than 500 rows
 */
export async function importCases(
  deps: AppDeps,
  request: RequestContext,
  companyId: string,
  body: ImportRequest,
): Promise<ImportResult> {
  await assertImportAccess(deps, request, companyId);
  if (body.rows.length > IMPORT_BATCH_LIMIT)
    throw new AppError('invalid_request', `at most ${IMPORT_BATCH_LIMIT} rows a request`, {}, [
      { property: '.rows', message: `at most ${IMPORT_BATCH_LIMIT} rows` },
    ]);
  const summaries = await deps.store.policies.listVersions(companyId);
  if (summaries.length === 0)
    throw new AppError('no_published_policy', 'The company has not published a policy yet');
  const versions = await Promise.all(
    summaries.map(
      async (s) => (await deps.store.policies.getVersion(companyId, s.number)) as PublishedPolicy,
    ),
  );
  const now = deps.now();
  const nowMs = parseInstant(now);
  const result: ImportResult = {
    dryRun: body.dryRun,
    rows: body.rows.length,
    imported: 0,
    alreadyImported: 0,
    rejected: [],
    cases: [],
  };
  const seen = new Set<string>();
  const prepared: Prepared[] = [];
  for (const input of body.rows) {
    try {
      if (seen.has(input.externalKey))
        throw new RowError(
          'import_key_duplicate',
          '.externalKey',
          'the key appears twice in the batch',
        );
      seen.add(input.externalKey);
      if (await deps.store.cases.findByImportKey(companyId, input.externalKey)) {
        result.alreadyImported += 1;
        continue;
      }
      prepared.push(await prepare(deps, request, versions, input, body.sentTransition, nowMs));
    } catch (error) {
      result.rejected.push(rejection(input, error));
    }
  }
  if (body.dryRun) {
    result.imported = prepared.length;
    return result;
  }
  // Queued together in row order: the store numbers them in that order and writes them in groups.
  await Promise.all(prepared.map((row) => store(deps, request, companyId, row, now, result)));
  result.cases.sort((a, b) => a.row - b.row);
  return result;
}

async function store(
  deps: AppDeps,
  request: RequestContext,
  companyId: string,
  row: Prepared,
  now: string,
  result: ImportResult,
): Promise<void> {
  const { policy } = row.version;
  const period = numberingPeriod(policy.numbering, row.receivedMs, policy.timeZone);
  try {
    const stored = await deps.store.cases.insertNumbered(
      companyId,
      period,
      (serial) => ({
        case: {
          ...row.opened,
          number: formatCaseNumber(policy.numbering, row.receivedMs, policy.timeZone, serial),
        },
        policyVersion: row.version.number,
        importKey: row.input.externalKey,
        updatedAt: row.input.sentAt ?? row.input.receivedAt,
      }),
      (created) => [
        {
          id: deps.newId(),
          companyId,
          caseId: created.case.id,
          at: now,
          by: request.principal.userId,
          action: 'import',
          policyVersion: row.version.number,
          after: { ...created.case, importKey: row.input.externalKey },
          events: row.events,
        },
      ],
    );
    result.imported += 1;
    result.cases.push({
      row: row.input.row,
      key: row.input.externalKey,
      id: stored.case.id,
      number: stored.case.number,
    });
  } catch (error) {
    // Another import of the same key got there first: nothing is added twice.
    if (error instanceof StoreError && error.code === 'conflict') result.alreadyImported += 1;
    else throw error;
  }
}
