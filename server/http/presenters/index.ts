/** Presenters: each API answer built field by field from the use cases' values, typed by the contract. */
export * from './case-presenter.ts';
export * from './company-presenter.ts';
export * from './user-presenter.ts';
export * from './policy-presenter.ts';
export * from './report-presenter.ts';
export * from './import-presenter.ts';
export * from './error-details-presenter.ts';
export * from './migration-presenter.ts';
export * from './backtest-presenter.ts';
export * from './notification-presenter.ts';
