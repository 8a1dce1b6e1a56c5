/** Case clocks (SLA): schedules, triggers that start and stop them, and the sweep that raises warnings and escalations. */
export * from './clocks.ts';
export * from './clock-moments.ts';
export * from './clock-schedule.ts';
export * from './clock-triggers.ts';
export * from './sweep-clocks.ts';
export * from './escalation-actions.ts';
export * from './settle-clocks.ts';
