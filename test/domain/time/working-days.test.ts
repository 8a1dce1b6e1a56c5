/** Day kinds and the working intervals of a day, by calendar and date. */
import { describe, it, expect } from 'vitest';
import {
  dayKind,
  isWorkingInstant,
  standardDayMinutes,
  workingIntervalsOn,
} from '../../../server/domain/time/calendar.ts';
import { formatInstant } from '../../../server/domain/time/time.ts';
import type { CalendarDefinition } from '../../../server/domain/policy/format.ts';
import {
  OFFICE,
  weekdays,
  buildCalendar,
  office,
  splitShift,
  changing,
  shortMakeUp,
  at,
} from '../../support/calendars.ts';

describe('days and working intervals', () => {
  it.each([
    { date: '2026-02-13', kind: 'workday' },
    { date: '2026-02-14', kind: 'makeUpWorkday' },
    { date: '2026-02-15', kind: 'holiday' },
    { date: '2026-02-21', kind: 'holiday' },
    { date: '2026-02-24', kind: 'workday' },
    { date: '2026-03-07', kind: 'weekend' },
    { date: '2024-02-18', kind: 'makeUpWorkday' },
    { date: '2027-01-01', kind: 'workday' },
  ])('$date is a $kind', ({ date, kind }) => {
    expect(dayKind(office, date)).toBe(kind);
  });

  it.each([
    {
      description: 'a workday with lunch',
      calendar: office,
      date: '2026-03-03',
      intervals: ['08:30–12:00', '13:00–17:30'],
    },
    {
      description: 'a 调休 Saturday with Monday hours',
      calendar: office,
      date: '2026-02-28',
      intervals: ['08:30–12:00', '13:00–17:30'],
    },
    {
      description: 'a 调休 Saturday with its own hours',
      calendar: shortMakeUp,
      date: '2026-02-28',
      intervals: ['09:00–12:00'],
    },
    { description: 'a holiday', calendar: office, date: '2026-10-01', intervals: [] },
    {
      description: 'a day after an hours change',
      calendar: changing,
      date: '2026-07-01',
      intervals: ['09:00–12:00', '13:00–17:00'],
    },
    {
      description: 'a date before the first hours, which apply',
      calendar: changing,
      date: '2023-06-01',
      intervals: ['08:30–12:00', '13:00–17:30'],
    },
  ])('lists $description', ({ calendar, date, intervals }) => {
    const shown = workingIntervalsOn(calendar, date).map(
      ({ from, to }) =>
        `${formatInstant(from, calendar.timeZone).slice(11, 16)}–${formatInstant(to, calendar.timeZone).slice(11, 16)}`,
    );
    expect(shown).toEqual(intervals);
  });

  it.each([
    { calendar: office, date: '2026-03-03', minutes: 480 },
    { calendar: changing, date: '2026-06-30', minutes: 480 },
    { calendar: changing, date: '2026-07-01', minutes: 420 },
    { calendar: splitShift, date: '2026-07-01', minutes: 540 },
  ])('a standard day on $date has $minutes minutes', ({ calendar, date, minutes }) => {
    expect(standardDayMinutes(calendar, date)).toBe(minutes);
  });

  it.each([
    { time: '2026-03-03T08:30:00+08:00', working: true },
    { time: '2026-03-03T11:59:59+08:00', working: true },
    { time: '2026-03-03T12:00:00+08:00', working: false },
    { time: '2026-03-03T12:30:00+08:00', working: false },
    { time: '2026-03-03T17:30:00+08:00', working: false },
    { time: '2026-02-14T10:00:00+08:00', working: true },
    { time: '2026-02-16T10:00:00+08:00', working: false },
    { time: '2026-03-07T10:00:00+08:00', working: false },
  ])('$time is working: $working', ({ time, working }) => {
    expect(isWorkingInstant(office, at(time))).toBe(working);
  });

  it.each([
    {
      description: 'a working range that ends before it starts',
      broken: {
        workingHours: [{ effectiveFrom: '2024-01-01', week: { mon: [['17:00', '09:00']] } }],
      },
    },
    {
      description: 'a malformed time of day',
      broken: {
        workingHours: [{ effectiveFrom: '2024-01-01', week: { mon: [['8:30', '12:00']] } }],
      },
    },
    {
      description: 'a malformed effectiveFrom',
      broken: { workingHours: [{ effectiveFrom: '2024-1-1', week: weekdays(OFFICE) }] },
    },
    {
      description: 'a malformed holiday date',
      broken: { holidays: [{ date: '2026-02-30', name: { 'zh-CN': '假' } }] },
    },
    { description: 'an unknown time zone', broken: { timeZone: 'Asia/Atlantis' } },
  ] satisfies { description: string; broken: Partial<CalendarDefinition> }[])(
    'refuses $description with policy_invalid',
    ({ broken }) => {
      expect(() => workingIntervalsOn(buildCalendar(broken), '2026-03-02')).toThrowError(
        expect.objectContaining({ code: 'policy_invalid' }),
      );
    },
  );
});
