/** Use cases by noun: load through ports, call the domain, save through ports. */
export * from './access.ts';
export * from './app-error.ts';
export * from './cases/index.ts';
export * from './policies/index.ts';
export * from './companies/index.ts';
export * from './import/index.ts';
export * from './reports/index.ts';
export * from './sweep/index.ts';
export * from './ports/index.ts';
export * from './public/index.ts';
