/** The clock sweep: raises warnings and escalations across companies. */
export * from './sweep.ts';
