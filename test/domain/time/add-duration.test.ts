/**
 * addDuration on the CN office calendar: holidays, 调休 days, lunch, nights, pauses; and its
 * refusals.
 */
import { describe, it, expect } from 'vitest';
import { addDuration } from '../../../server/domain/time/calendar-duration.ts';
import { formatInstant } from '../../../server/domain/time/time.ts';
import { buildCalendar, office, shortMakeUp, at, pause, d } from '../../support/calendars.ts';

describe('addDuration', () => {
  it.each([
    {
      description: 'over the 2026 Spring Festival, counting the 调休 Saturday',
      calendar: office,
      start: '2026-02-13T17:30:00+08:00',
      duration: d(3, 'workingDays'),
      pauses: [],
      due: '2026-02-25T17:30:00+08:00',
    },
    {
      description: 'into a 调休 Saturday',
      calendar: office,
      start: '2026-02-27T17:00:00+08:00',
      duration: d(60, 'workingMinutes'),
      pauses: [],
      due: '2026-02-28T09:00:00+08:00',
    },
    {
      description: 'on a 调休 Saturday with its own hours',
      calendar: shortMakeUp,
      start: '2026-02-27T17:00:00+08:00',
      duration: d(240, 'workingMinutes'),
      pauses: [],
      due: '2026-03-02T09:00:00+08:00',
    },
    {
      description: 'across the lunch break',
      calendar: office,
      start: '2026-03-03T11:00:00+08:00',
      duration: d(2, 'workingHours'),
      pauses: [],
      due: '2026-03-03T14:00:00+08:00',
    },
    {
      description: 'from inside the lunch break',
      calendar: office,
      start: '2026-03-03T12:15:00+08:00',
      duration: d(30, 'workingMinutes'),
      pauses: [],
      due: '2026-03-03T13:30:00+08:00',
    },
    {
      description: 'from the night',
      calendar: office,
      start: '2026-03-03T22:00:00+08:00',
      duration: d(1, 'workingHours'),
      pauses: [],
      due: '2026-03-04T09:30:00+08:00',
    },
    {
      description: 'from before opening',
      calendar: office,
      start: '2026-03-04T06:00:00+08:00',
      duration: d(1, 'workingHours'),
      pauses: [],
      due: '2026-03-04T09:30:00+08:00',
    },
    {
      description: 'to the end of the day, not the next morning',
      calendar: office,
      start: '2026-03-03T08:30:00+08:00',
      duration: d(1, 'workingDays'),
      pauses: [],
      due: '2026-03-03T17:30:00+08:00',
    },
    {
      description: 'to the start of lunch',
      calendar: office,
      start: '2026-03-03T08:30:00+08:00',
      duration: d(210, 'workingMinutes'),
      pauses: [],
      due: '2026-03-03T12:00:00+08:00',
    },
    {
      description: 'from a Saturday',
      calendar: office,
      start: '2026-03-07T10:00:00+08:00',
      duration: d(1, 'workingHours'),
      pauses: [],
      due: '2026-03-09T09:30:00+08:00',
    },
    {
      description: 'over a month end',
      calendar: office,
      start: '2026-03-31T17:00:00+08:00',
      duration: d(1, 'workingHours'),
      pauses: [],
      due: '2026-04-01T09:00:00+08:00',
    },
    {
      description: 'over the year end into the New Year 调休 Sunday',
      calendar: office,
      start: '2025-12-31T17:00:00+08:00',
      duration: d(1, 'workingDays'),
      pauses: [],
      due: '2026-01-04T17:00:00+08:00',
    },
    {
      description: 'with a pause across nights and the Spring Festival',
      calendar: office,
      start: '2026-02-12T16:00:00+08:00',
      duration: d(8, 'workingHours'),
      pauses: [pause('2026-02-12T17:00:00+08:00', '2026-02-24T10:00:00+08:00')],
      due: '2026-02-25T09:00:00+08:00',
    },
    {
      description: 'with a pause that ends before anything counts',
      calendar: office,
      start: '2026-03-03T08:30:00+08:00',
      duration: d(1, 'workingHours'),
      pauses: [pause('2026-03-02T08:00:00+08:00', '2026-03-03T08:00:00+08:00')],
      due: '2026-03-03T09:30:00+08:00',
    },
  ])('counts $description', ({ calendar, start, duration, pauses, due }) => {
    const result = addDuration(calendar, at(start), duration, pauses);
    expect(formatInstant(result.dueMs, calendar.timeZone)).toBe(due);
    expect(result.explanation.due).toBe(due);
  });

  it.each([
    { description: 'a negative amount', duration: d(-1, 'hours'), code: 'policy_invalid' },
    { description: 'an infinite amount', duration: d(Infinity, 'minutes'), code: 'policy_invalid' },
  ])('refuses $description', ({ duration, code }) => {
    expect(() => addDuration(office, at('2026-03-03T10:00:00+08:00'), duration)).toThrowError(
      expect.objectContaining({ code }),
    );
  });

  it.each([
    {
      description: 'a calendar without working hours',
      calendar: buildCalendar({ workingHours: [] }),
      pauses: [],
    },
    {
      description: 'a pause that never ends',
      calendar: office,
      pauses: [{ from: 0, to: Infinity }],
    },
  ])('gives up with calendar_no_working_time on $description', ({ calendar, pauses }) => {
    expect(() =>
      addDuration(calendar, at('2026-03-03T10:00:00+08:00'), d(1, 'workingHours'), pauses),
    ).toThrowError(expect.objectContaining({ code: 'calendar_no_working_time' }));
  });
});
