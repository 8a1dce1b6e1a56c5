/** The pure domain: no I/O, no clock, no randomness; each folder is one area of complaint handling. */
export * from './coded-error.ts';
export * from './canonical-json.ts';
export * from './errors.ts';
export * from './validator.ts';
export * from './policy/index.ts';
export * from './case/index.ts';
export * from './rules/index.ts';
export * from './approvals/index.ts';
export * from './time/index.ts';
export * from './clocks/index.ts';
export * from './numbering/index.ts';
export * from './examples/index.ts';
export * from './backtest/index.ts';
