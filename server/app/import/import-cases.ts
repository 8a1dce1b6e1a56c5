/**
 * Import of old complaint records: each row is opened as a case under the policy published as of
 * its original received time (clocks evaluated as of then), moved through the steps it took, each
 * at its original time (so its clocks start and stop as they did), numbered in its own month, and audited as "import". A row's external key is kept on the
 * case, so importing a row again adds nothing; a dry run checks every row and writes nothing.
 */
import { parseInstant } from '../../domain/time/time.ts';
import { companyAccess, requireRole } from '../access.ts';
import { AppError } from '../app-error.ts';
import type { AppDeps, RequestContext } from '../ports/deps.ts';
import type { PublishedPolicy } from '../ports/ports.ts';
import { openImportRow, type PreparedRow, type RowBatch } from './open-import-row.ts';
import { rejectionOf, RowError } from './row-error.ts';
import { storeImportRow } from './store-import-row.ts';

/** A workflow step a record took: replayed at its original time, with its form's data. */
export type ImportStepInput = { transition: string; at: string; data?: Record<string, unknown> };

/** A record mapped to the intake form, with its original times (ISO with offset). */
export type ImportRowInput = {
  /** The row of the file it came from, echoed in rejections. */
  row: number;
  externalKey: string;
  receivedAt: string;
  /** When it was sent on by the request's `sentTransition` (replayed before `steps`). */
  sentAt?: string;
  /** The steps it took after that, in order, each at or after the one before. */
  steps?: ImportStepInput[];
  intake: Record<string, unknown>;
  categories?: Record<string, string>;
};

/** A batch of records to import, or with `dryRun` only to check. */
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

/** What a batch came to: counts, every rejection, and the cases stored (by row). */
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

/** Every published version of the company, oldest first. @throws no_published_policy */
async function publishedVersions(deps: AppDeps, companyId: string): Promise<PublishedPolicy[]> {
  const summaries = await deps.store.policies.listVersions(companyId);
  if (summaries.length === 0)
    throw new AppError('no_published_policy', 'The company has not published a policy yet');
  return Promise.all(
    summaries.map(
      async (s) => (await deps.store.policies.getVersion(companyId, s.number)) as PublishedPolicy,
    ),
  );
}

/**
 * Opens every new row in memory: a key twice in the batch is rejected, a key a case already has
 * is counted as imported before, a row that does not open is rejected.
 */
async function prepareRows(
  deps: AppDeps,
  request: RequestContext,
  rows: ImportRowInput[],
  batch: RowBatch & { companyId: string },
  result: ImportResult,
): Promise<PreparedRow[]> {
  const { companyId } = batch;
  const seen = new Set<string>();
  const prepared: PreparedRow[] = [];
  for (const input of rows) {
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
      prepared.push(await openImportRow(deps, request, input, batch));
    } catch (error) {
      result.rejected.push(rejectionOf(input, error));
    }
  }
  return prepared;
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
  const result: ImportResult = {
    dryRun: body.dryRun,
    rows: body.rows.length,
    imported: 0,
    alreadyImported: 0,
    rejected: [],
    cases: [],
  };
  const versions = await publishedVersions(deps, companyId);
  const now = deps.now();
  const { sentTransition } = body;
  const batch = { companyId, versions, sentTransition, nowMs: parseInstant(now) };
  const prepared = await prepareRows(deps, request, body.rows, batch, result);
  if (body.dryRun) {
    result.imported = prepared.length;
    return result;
  }
  // Queued together in row order: the store numbers them in that order and writes them in groups.
  await Promise.all(
    prepared.map((row) => storeImportRow(deps, request, companyId, row, now, result)),
  );
  result.cases.sort((a, b) => a.row - b.row);
  return result;
}
