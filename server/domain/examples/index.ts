/** A policy's runnable examples: running them, and accepting new results after a deliberate change. */
export * from './example-failure.ts';
export * from './run-examples.ts';
export * from './accept-examples.ts';
