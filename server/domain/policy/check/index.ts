/** The policy check: every problem in a document, with its JSON Pointer, code and parameters. */
export * from './check-policy.ts';
export * from './check-approvals.ts';
export * from './check-rules.ts';
export * from './check-time.ts';
export * from './check-workflow.ts';
export * from './check-sink.ts';
export * from './check-codes.ts';
