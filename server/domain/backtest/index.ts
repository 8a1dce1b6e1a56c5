/** Backtests: recorded cases replayed through a policy, and two replays compared. */
export * from './replay-case.ts';
export * from './replay-outcome.ts';
export * from './compare-outcomes.ts';
export * from './backtest-summary.ts';
