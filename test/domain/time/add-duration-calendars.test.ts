/**
 * addDuration in calendar time, on a split shift, across Berlin's DST changes and into new working
 * hours.
 */
import { describe, it, expect } from 'vitest';
import { addDuration } from '../../../server/domain/time/calendar-duration.ts';
import { formatInstant } from '../../../server/domain/time/time.ts';
import { office, splitShift, berlin, changing, at, pause, d } from '../../support/calendars.ts';

describe('addDuration', () => {
  it.each([
    {
      description: 'in calendar days with a night pause',
      calendar: office,
      start: '2026-03-03T10:00:00+08:00',
      duration: d(2, 'days'),
      pauses: [pause('2026-03-04T00:00:00+08:00', '2026-03-04T06:00:00+08:00')],
      due: '2026-03-05T16:00:00+08:00',
    },
    {
      description: 'in calendar hours through a holiday',
      calendar: office,
      start: '2026-02-15T10:00:00+08:00',
      duration: d(24, 'hours'),
      pauses: [],
      due: '2026-02-16T10:00:00+08:00',
    },
    {
      description: 'in calendar minutes',
      calendar: office,
      start: '2026-03-03T23:00:00+08:00',
      duration: d(90, 'minutes'),
      pauses: [],
      due: '2026-03-04T00:30:00+08:00',
    },
    {
      description: 'of zero, even on a holiday',
      calendar: office,
      start: '2026-02-16T10:00:00+08:00',
      duration: d(0, 'workingDays'),
      pauses: [],
      due: '2026-02-16T10:00:00+08:00',
    },
    {
      description: 'on a split shift, into the evening',
      calendar: splitShift,
      start: '2026-03-07T13:00:00+08:00',
      duration: d(3, 'workingHours'),
      pauses: [],
      due: '2026-03-07T19:00:00+08:00',
    },
    {
      description: 'on a split shift, from the night',
      calendar: splitShift,
      start: '2026-03-07T23:00:00+08:00',
      duration: d(300, 'workingMinutes'),
      pauses: [],
      due: '2026-03-08T18:00:00+08:00',
    },
    {
      description: 'over the Berlin spring change',
      calendar: berlin,
      start: '2026-03-27T16:00:00+01:00',
      duration: d(2, 'workingHours'),
      pauses: [],
      due: '2026-03-30T10:00:00+02:00',
    },
    {
      description: 'in calendar days over the Berlin spring change (the same wall clock)',
      calendar: berlin,
      start: '2026-03-28T12:00:00+01:00',
      duration: d(1, 'days'),
      pauses: [],
      due: '2026-03-29T12:00:00+02:00',
    },
    {
      description: 'over the Berlin autumn change',
      calendar: berlin,
      start: '2026-10-23T16:30:00+02:00',
      duration: d(1, 'workingDays'),
      pauses: [],
      due: '2026-10-26T16:30:00+01:00',
    },
    {
      description: 'into new working hours',
      calendar: changing,
      start: '2026-06-30T17:00:00+08:00',
      duration: d(1, 'workingHours'),
      pauses: [],
      due: '2026-07-01T09:30:00+08:00',
    },
    {
      description: 'in working days of the new, shorter hours',
      calendar: changing,
      start: '2026-07-01T09:00:00+08:00',
      duration: d(1, 'workingDays'),
      pauses: [],
      due: '2026-07-01T17:00:00+08:00',
    },
    {
      description: 'in working days of the start date (960 min), counted through the new hours',
      calendar: changing,
      start: '2026-06-30T08:30:00+08:00',
      duration: d(2, 'workingDays'),
      pauses: [],
      due: '2026-07-02T10:00:00+08:00',
    },
  ])('counts $description', ({ calendar, start, duration, pauses, due }) => {
    const result = addDuration(calendar, at(start), duration, pauses);
    expect(formatInstant(result.dueMs, calendar.timeZone)).toBe(due);
    expect(result.explanation.due).toBe(due);
  });
});
