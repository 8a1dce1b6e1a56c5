/** Monthly and annual reports computed from a company's cases. */
export * from './reports.ts';
