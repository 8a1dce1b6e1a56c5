/** What an import of old complaint records did, as the API answers it. */
import type { ImportRejection, ImportResult } from '../../app/import/import-cases.ts';
import type { Lang } from '../../domain/policy/index.ts';
import { ERROR_TABLE, type ErrorCode } from '../error-map.ts';
import type { ImportAnswer, ImportRejectionAnswer } from '../contract/import.ts';

/** A refused row, with its code's message in the caller's language before the detail. */
export function presentImportRejection(
  rejection: ImportRejection,
  lang: Lang,
): ImportRejectionAnswer {
  const entry = ERROR_TABLE[rejection.code as ErrorCode] as
    (typeof ERROR_TABLE)[ErrorCode] | undefined;
  return {
    row: rejection.row,
    key: rejection.key,
    code: rejection.code,
    field: rejection.field,
    message: entry ? `${entry[lang]}: ${rejection.detail}` : rejection.detail,
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
