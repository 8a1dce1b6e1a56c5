/** The policy format (the document a company writes) and what works on whole policies: check, diff, inheritance, overrides, merge. */
export * from './format.ts';
export * from './schema-fields.ts';
export * from './diff-policies.ts';
export * from './inheritance.ts';
export * from './overrides.ts';
export * from './merge-template.ts';
export * from './check/index.ts';
