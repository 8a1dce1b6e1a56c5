/** What the API says of a backtest: the draft tried on stored cases (POST …/draft/backtest). */
import type { BacktestSummary } from '../../domain/backtest/index.ts';

/** The body of POST …/draft/backtest: a period (dates received, inclusive) and/or a sample size. */
export type BacktestBody = {
  /** "YYYY-MM-DD", in the policy's time zone. */
  from?: string;
  to?: string;
  /** How many cases, spread over the period (1 … 100000). */
  sample?: number;
  /** A draft to compare instead of the stored one (a full policy or its extends form). */
  document?: unknown;
};

/** What the backtest found (the last line of the stream). */
export type BacktestAnswer = BacktestSummary;

/**
 * One line of the answer's NDJSON stream: progress lines, then the report, or an error that
 * stopped the run after it began.
 */
export type BacktestLine =
  | { type: 'progress'; done: number; total: number }
  | { type: 'report'; report: BacktestAnswer }
  | { type: 'error'; error: { code: string; message: string } };
