/** An opened import row numbered in its own month and stored with its "import" audit entry. */
import { formatCaseNumber, numberingPeriod } from '../../domain/numbering/numbering.ts';
import { zonedParts } from '../../domain/time/time.ts';
import type { AppDeps, RequestContext } from '../ports/deps.ts';
import { StoreError, type AuditEntry, type StoredCase } from '../ports/ports.ts';
import type { ImportResult } from './import-cases.ts';
import { lastTime, type PreparedRow } from './open-import-row.ts';

/** The "import" audit entry of the case a row became. */
function importAudit(
  deps: AppDeps,
  request: RequestContext,
  row: PreparedRow,
  created: StoredCase,
  now: string,
): AuditEntry {
  return {
    id: deps.newId(),
    companyId: created.companyId,
    caseId: created.case.id,
    at: now,
    by: request.principal.userId,
    action: 'import',
    policyVersion: row.version.number,
    after: { ...created.case, importKey: row.input.externalKey },
    events: row.events,
  };
}

/**
 * Stores one prepared row and counts it in `result`; a key another import stored first is skipped.
 */
export async function storeImportRow(
  deps: AppDeps,
  request: RequestContext,
  companyId: string,
  row: PreparedRow,
  now: string,
  result: ImportResult,
): Promise<void> {
  const { policy } = row.version;
  const period = numberingPeriod(policy.numbering, row.receivedMs, policy.timeZone);
  const numbered = (serial: number) => ({
    case: {
      ...row.opened,
      number: formatCaseNumber(policy.numbering, row.receivedMs, policy.timeZone, serial),
    },
    policyVersion: row.version.number,
    month: zonedParts(row.receivedMs, policy.timeZone).date.slice(0, 7),
    importKey: row.input.externalKey,
    updatedAt: lastTime(row.input),
  });
  try {
    const stored = await deps.store.cases.insertNumbered(companyId, period, numbered, (created) => [
      importAudit(deps, request, row, created, now),
    ]);
    result.imported += 1;
    const { id, number } = stored.case;
    result.cases.push({ row: row.input.row, key: row.input.externalKey, id, number });
  } catch (error) {
    // Another import of the same key got there first: nothing is added twice.
    if (error instanceof StoreError && error.code === 'conflict') result.alreadyImported += 1;
    else throw error;
  }
}
