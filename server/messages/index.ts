/** The sentences shown to people, made from the domain's codes and parameters in the reader's language. */
export * from './check-messages.ts';
export * from './merge-messages.ts';
export * from './diff-messages.ts';
export * from './example-messages.ts';
export * from './migration-messages.ts';
export * from './delivery-messages.ts';
