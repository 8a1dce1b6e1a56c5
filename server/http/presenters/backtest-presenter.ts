/** A backtest's report as the API answers it. */
import type { BacktestResult } from '../../app/policies/backtest.ts';
import type { BacktestAnswer } from '../contract/backtest.ts';

/** The report, field by field: totals, tables, affected cases and errors, what it ran on. */
export function presentBacktest(result: BacktestResult): BacktestAnswer {
  return {
    period: result.period,
    ...(result.sample !== undefined ? { sample: result.sample } : {}),
    draft: result.draft,
    totals: result.totals,
    versions: result.versions,
    tables: result.tables,
    affected: result.affected,
    errors: result.errors,
  };
}
