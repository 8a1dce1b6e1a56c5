/** Importing past complaints from a table file: column mapping and idempotent rows. */
export * from './import-cases.ts';
export * from './import-mapping.ts';
