/** Companies, their users and tokens, and the first start's bootstrap. */
export * from './companies.ts';
export * from './bootstrap.ts';
