/**
 * "By the close of the Nth working day" (closeOfWorkingDay): due at the end of working hours of the
 * Nth working day after the day of receipt, beside workingDays (N standard days from receipt).
 */
import { describe, expect, it } from 'vitest';
import { addDuration, elapsedMinutes } from '../../../server/domain/time/calendar-duration.ts';
import { formatInstant } from '../../../server/domain/time/time.ts';
import {
  at,
  buildCalendar,
  d,
  office,
  pause,
  shortMakeUp,
  splitShift,
  weekdays,
} from '../../support/calendars.ts';

const due = (
  calendar = office,
  start: string,
  n: number,
  pauses = [] as ReturnType<typeof pause>[],
) =>
  formatInstant(
    addDuration(calendar, at(start), d(n, 'closeOfWorkingDay'), pauses).dueMs,
    calendar.timeZone,
  );

describe('closeOfWorkingDay', () => {
  it.each([
    {
      description: 'received in the morning: the close of the next working day',
      start: '2026-03-03T10:00:00+08:00',
      n: 1,
      due: '2026-03-04T17:30:00+08:00',
    },
    {
      description: 'received before opening: the day of receipt still does not count',
      start: '2026-03-03T06:00:00+08:00',
      n: 1,
      due: '2026-03-04T17:30:00+08:00',
    },
    {
      description: 'received on Friday evening: Monday',
      start: '2026-03-06T20:00:00+08:00',
      n: 1,
      due: '2026-03-09T17:30:00+08:00',
    },
    {
      description: 'received on a Saturday: the first working day after it',
      start: '2026-03-07T10:00:00+08:00',
      n: 1,
      due: '2026-03-09T17:30:00+08:00',
    },
    {
      description: 'five working days over a weekend',
      start: '2026-03-04T16:00:00+08:00',
      n: 5,
      due: '2026-03-11T17:30:00+08:00',
    },
    {
      description: 'over the 2026 Spring Festival, counting the 调休 Saturday',
      start: '2026-02-13T09:00:00+08:00',
      n: 3,
      due: '2026-02-25T17:30:00+08:00',
    },
    {
      description: 'over National Day 2026',
      start: '2026-09-30T11:00:00+08:00',
      n: 1,
      due: '2026-10-08T17:30:00+08:00',
    },
  ])('$description', ({ start, n, due: expected }) => {
    expect(due(office, start, n)).toBe(expected);
  });

  it('closes a 调休 Saturday at the end of its own shorter hours', () => {
    expect(due(shortMakeUp, '2026-02-13T15:00:00+08:00', 1)).toBe('2026-02-14T12:00:00+08:00');
  });

  it('closes a split shift at the end of its last range', () => {
    expect(due(splitShift, '2026-03-03T11:00:00+08:00', 1)).toBe('2026-03-04T22:00:00+08:00');
  });

  it('is not N standard working days from receipt', () => {
    const start = at('2026-03-03T10:00:00+08:00');
    const standard = addDuration(office, start, d(2, 'workingDays')).explanation.due;
    const close = addDuration(office, start, d(2, 'closeOfWorkingDay')).explanation.due;
    expect(standard).toBe('2026-03-05T10:00:00+08:00');
    expect(close).toBe('2026-03-05T17:30:00+08:00');
  });

  it.each([
    {
      description: 'a pause over a whole working day moves it a working day later',
      pauses: [pause('2026-03-04T00:00:00+08:00', '2026-03-05T00:00:00+08:00')],
      due: '2026-03-06T17:30:00+08:00',
    },
    {
      description: 'a pause of two working hours moves it two working hours on',
      pauses: [pause('2026-03-04T09:00:00+08:00', '2026-03-04T11:00:00+08:00')],
      due: '2026-03-06T10:30:00+08:00',
    },
    {
      description: 'a pause at night moves nothing',
      pauses: [pause('2026-03-03T19:00:00+08:00', '2026-03-04T08:00:00+08:00')],
      due: '2026-03-05T17:30:00+08:00',
    },
  ])('$description', ({ pauses, due: expected }) => {
    expect(due(office, '2026-03-03T10:00:00+08:00', 2, pauses)).toBe(expected);
  });

  it('explains the working day it closes and the working time it counted', () => {
    const start = at('2026-03-03T10:00:00+08:00');
    const { dueMs, explanation } = addDuration(office, start, d(2, 'closeOfWorkingDay'));
    expect(explanation.closeOf).toBe('2026-03-05');
    // The rest of the day of receipt (6.5 h after lunch) and two whole working days (8 h each).
    expect(explanation.minutes).toBe(6.5 * 60 + 2 * 8 * 60);
    expect(explanation.intervals.reduce((sum, i) => sum + i.minutes, 0)).toBe(explanation.minutes);
    expect(elapsedMinutes(office, start, dueMs, true)).toBe(explanation.minutes);
    expect(explanation.intervals.at(-1)?.to).toBe('2026-03-05T17:30:00+08:00');
  });

  it.each([
    { amount: 0, code: 'policy_invalid' },
    { amount: 1.5, code: 'policy_invalid' },
    { amount: -1, code: 'policy_invalid' },
  ])('refuses $amount working days', ({ amount, code }) => {
    expect(() =>
      addDuration(office, at('2026-03-03T10:00:00+08:00'), d(amount, 'closeOfWorkingDay')),
    ).toThrow(expect.objectContaining({ code }));
  });

  it('finds no close on a calendar without working hours', () => {
    const none = buildCalendar({ workingHours: [{ effectiveFrom: '2024-01-01', week: {} }] });
    expect(() =>
      addDuration(none, at('2026-03-03T10:00:00+08:00'), d(1, 'closeOfWorkingDay')),
    ).toThrow(expect.objectContaining({ code: 'calendar_no_working_time' }));
  });

  it('reads working days under the hours in force on each date', () => {
    const changing = buildCalendar({
      holidays: [],
      makeUpWorkdays: [],
      coverage: undefined,
      workingHours: [
        { effectiveFrom: '2024-01-01', week: weekdays([['09:00', '17:00']]) },
        { effectiveFrom: '2026-03-05', week: weekdays([['09:00', '15:00']]) },
      ],
    });
    expect(due(changing, '2026-03-03T10:00:00+08:00', 1)).toBe('2026-03-04T17:00:00+08:00');
    expect(due(changing, '2026-03-03T10:00:00+08:00', 2)).toBe('2026-03-05T15:00:00+08:00');
  });
});
