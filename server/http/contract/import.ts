/** What the API says of an import of old complaint records (POST /companies/:company/cases/import). */

/** A record mapped to the intake form, with its original times (ISO with offset). */
export type ImportRowBody = {
  /** The row of the file it came from, echoed in rejections. */
  row: number;
  externalKey: string;
  receivedAt: string;
  sentAt?: string;
  /** The steps it took after that, in order: each transition replayed at its time with its form. */
  steps?: { transition: string; at: string; data?: Record<string, unknown> }[];
  intake: Record<string, unknown>;
  categories?: Record<string, string>;
};

/** The body of the import route: one batch of rows, as a dry run or for real. */
export type ImportBody = {
  rows: ImportRowBody[];
  dryRun?: boolean;
  /** The workflow transition that records "sent to the company" (needed for rows with sentAt). */
  sentTransition?: string;
};

/** A row refused: its code, the field (rjsf path), and the code's message then the detail. */
export type ImportRejectionAnswer = {
  row: number;
  key: string;
  code: string;
  field?: string;
  message: string;
};

/** What an import did (or, in a dry run, would do). */
export type ImportAnswer = {
  dryRun: boolean;
  rows: number;
  /** Rows stored now (in a dry run: rows that would be). */
  imported: number;
  /** Rows whose key a case already has: skipped. */
  alreadyImported: number;
  rejected: ImportRejectionAnswer[];
  cases: { row: number; key: string; id: string; number: string }[];
};
