/** Case numbers from a policy's pattern (serials per period). */
export * from './numbering.ts';
export * from './numbering-change.ts';
