/** Time: zoned instants, business calendars (holidays, 调休) and durations counted on them. */
export * from './time.ts';
export * from './calendar.ts';
export * from './calendar-duration.ts';
