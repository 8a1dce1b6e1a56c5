/** Case use cases: intake, actions, the inbox list and a case's explanation. */
export * from './cases.ts';
export * from './case-list.ts';
export * from './case-explanation.ts';
