/** Rule evaluation: the one door to json-rules-engine, and the decisions its runs yield. */
export * from './evaluate-rules.ts';
export * from './rules-engine.ts';
