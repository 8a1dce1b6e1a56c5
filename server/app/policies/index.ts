/** Policy use cases: the draft, check, examples, simulation, inheritance and publishing. */
export * from './policy-lifecycle.ts';
export * from './policy-use-cases.ts';
export * from './policy-simulate.ts';
export * from './policy-examples-accept.ts';
export * from './policy-inheritance.ts';
export * from './draft-resolution.ts';
export * from './policy-problems.ts';
export * from './backtest.ts';
