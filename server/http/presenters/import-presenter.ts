/** What an import of old complaint records did, as the API answers it. */
import type { ImportRejection, ImportResult } from '../../app/import/import-cases.ts';
import type { Lang } from '../../domain/policy/index.ts';
import { isErrorCode } from '../error-status.ts';
import { ERROR_MESSAGES } from '../messages/error-messages.ts';
import type { ImportAnswer, ImportRejectionAnswer } from '../contract/import.ts';

/** A refused row, with its code's message in the caller's language before the detail. */
export function presentImportRejection(
  rejection: ImportRejection,
  lang: Lang,
): ImportRejectionAnswer {
  // A refused row gets its code's sentence in the caller's language, then the detail.
  const words = isErrorCode(rejection.code) ? ERROR_MESSAGES[rejection.code][lang] : undefined;
  return {
    row: rejection.row,
    key: rejection.key,
    code: rejection.code,
    field: rejection.field,
    message: words ? `${words}: ${rejection.detail}` : rejection.detail,
  };
}

/** The import's counts, the rows refused and the cases opened. */
export function presentImport(result: ImportResult, lang: Lang): ImportAnswer {
  return {
    dryRun: result.dryRun,
    rows: result.rows,
    imported: result.imported,
    alreadyImported: result.alreadyImported,
    rejected: result.rejected.map((rejection) => presentImportRejection(rejection, lang)),
    cases: result.cases.map(({ row, key, id, number }) => ({ row, key, id, number })),
  };
}
