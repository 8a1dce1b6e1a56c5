/** What a backtest reports, as plain data: totals, a table per kind of difference, affected cases. */
import type { OutcomeDifference } from './compare-outcomes.ts';
import type { ReplayOutcome } from './replay-outcome.ts';

/** One affected case: the differences, and both outcomes with the rule or row behind each part. */
export type AffectedCase = {
  id: string;
  number: string;
  receivedAt: string;
  policyVersion: number;
  differences: OutcomeDifference[];
  before: ReplayOutcome;
  after: ReplayOutcome;
};

type Counted<T> = T & { cases: number };

/** Per kind of difference, how many cases changed how. */
export type BacktestTables = {
  categories: Counted<{ dimension: string; from: string | null; to: string | null }>[];
  /** A role a chain gains or loses, per matrix rows before → after, with the amounts seen. */
  approvers: Counted<{
    role: string;
    change: 'added' | 'removed';
    fromRow: string;
    toRow: string;
    minAmount: number;
    maxAmount: number;
  }>[];
  clocks: { clock: string; dueChanged: number; lateToOnTime: number; onTimeToLate: number }[];
  routing: Counted<{ from: string; to: string }>[];
  notifications: Counted<{ notification: string; change: 'added' | 'removed' }>[];
  refused: Counted<{ transition: string; from: string | null; to: string | null }>[];
  states: Counted<{ from: string; to: string }>[];
  intake: Counted<{ from: string | null; to: string | null }>[];
  assessment: {
    person: string;
    month: string;
    from: { count: number; rule: string | null; penaltyAmount: number | null };
    to: { count: number; rule: string | null; penaltyAmount: number | null };
  }[];
};

/** What a backtest found. */
export type BacktestReport = {
  totals: { replayed: number; changed: number; unchanged: number; errors: number };
  /** The published versions the replayed cases ran under. */
  versions: number[];
  tables: BacktestTables;
  /** The first affected cases (500 at most), in the order received; `totals.changed` counts all. */
  affected: AffectedCase[];
  /** The first cases that could not be replayed (a history without intake, an unexpected failure). */
  errors: { id: string; number: string; message: string }[];
};

/** A backtest's report and what it ran on. */
export type BacktestSummary = BacktestReport & {
  period: { from?: string; to?: string };
  sample?: number;
  /** "stored": the company's draft; "given": the document the request brought. */
  draft: 'stored' | 'given';
};
