import { describe, it, expect } from 'vitest';
import cn from '../../../rulesets/calendars/cn-official-2024-2026.json' with { type: 'json' };
import {
  dayKind,
  isWorkingInstant,
  standardDayMinutes,
  workingIntervalsOn,
  type Interval,
} from '../../../server/domain/time/calendar.ts';
import { addDuration, elapsedMinutes } from '../../../server/domain/time/calendar-duration.ts';
import type {
  CalendarDefinition,
  Duration,
  TimeRange,
} from '../../../server/domain/policy/format.ts';
import { formatInstant, parseInstant } from '../../../server/domain/time/time.ts';

const OFFICE: TimeRange[] = [
  ['08:30', '12:00'],
  ['13:00', '17:30'],
];
const weekdays = (ranges: TimeRange[]) => ({
  mon: ranges,
  tue: ranges,
  wed: ranges,
  thu: ranges,
  fri: ranges,
});

/** Mainland office hours (Mon–Fri, lunch 12:00–13:00) on the official CN calendar. */
function buildCalendar(overrides: Partial<CalendarDefinition> = {}): CalendarDefinition {
  return {
    label: { 'zh-CN': '大陆办公日历', en: 'Mainland office' },
    timeZone: 'Asia/Shanghai',
    workingHours: [{ effectiveFrom: '2024-01-01', week: weekdays(OFFICE) }],
    holidays: cn.holidays,
    makeUpWorkdays: cn.makeUpWorkdays,
    coverage: cn.coverage,
    ...overrides,
  };
}

const office = buildCalendar();
/** A hotline open every day 10:00–14:00 and 17:00–22:00, no holidays. */
const splitShift = buildCalendar({
  workingHours: [
    {
      effectiveFrom: '2024-01-01',
      week: Object.fromEntries(
        ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [
          day,
          [
            ['10:00', '14:00'],
            ['17:00', '22:00'],
          ],
        ]),
      ),
    },
  ],
  holidays: [],
  makeUpWorkdays: [],
});
const berlin = buildCalendar({
  label: { 'zh-CN': '柏林', en: 'Berlin' },
  timeZone: 'Europe/Berlin',
  workingHours: [{ effectiveFrom: '2024-01-01', week: weekdays([['09:00', '17:00']]) }],
  holidays: [],
  makeUpWorkdays: [],
  coverage: undefined,
});
/** Hours change on 2026-07-01: the afternoon ends at 17:00, so a working day is 420 minutes. */
const changing = buildCalendar({
  workingHours: [
    {
      effectiveFrom: '2026-07-01',
      week: weekdays([
        ['09:00', '12:00'],
        ['13:00', '17:00'],
      ]),
    },
    { effectiveFrom: '2024-01-01', week: weekdays(OFFICE) },
  ],
});
/** 调休 Saturdays work mornings only. */
const shortMakeUp = buildCalendar({
  workingHours: [
    { effectiveFrom: '2024-01-01', week: weekdays(OFFICE), makeUpDay: [['09:00', '12:00']] },
  ],
});

const at = (iso: string) => parseInstant(iso);
const pause = (from: string, to: string): Interval => ({ from: at(from), to: at(to) });
const d = (amount: number, unit: Duration['unit']): Duration => ({ amount, unit });

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
      description: 'in calendar days over the Berlin spring change (1440 real minutes)',
      calendar: berlin,
      start: '2026-03-28T12:00:00+01:00',
      duration: d(1, 'days'),
      pauses: [],
      due: '2026-03-29T13:00:00+02:00',
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

describe('the explanation of a due time', () => {
  it('shows the intervals, the 春节 days and the 调休 day of the Spring Festival case', () => {
    const { explanation } = addDuration(
      office,
      at('2026-02-13T17:30:00+08:00'),
      d(3, 'workingDays'),
    );
    expect(explanation).toMatchObject({
      timeZone: 'Asia/Shanghai',
      start: '2026-02-13T17:30:00+08:00',
      due: '2026-02-25T17:30:00+08:00',
      minutes: 1440,
      pauses: [],
      outsideCoverage: false,
    });
    expect(explanation.intervals[0]).toEqual({
      from: '2026-02-14T08:30:00+08:00',
      to: '2026-02-14T12:00:00+08:00',
      minutes: 210,
    });
    expect(explanation.intervals.map((interval) => interval.from.slice(0, 10))).toEqual([
      '2026-02-14',
      '2026-02-14',
      '2026-02-24',
      '2026-02-24',
      '2026-02-25',
      '2026-02-25',
    ]);
    expect(explanation.intervals.reduce((sum, interval) => sum + interval.minutes, 0)).toBe(1440);
    expect(explanation.days[0]).toEqual({
      date: '2026-02-14',
      kind: 'makeUpWorkday',
      name: { 'zh-CN': '春节', en: 'Spring Festival' },
    });
    const holidays = explanation.days.filter((day) => day.kind === 'holiday');
    expect(holidays.map((day) => day.date)).toEqual([
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
      '2026-02-23',
    ]);
    expect(new Set(explanation.days.map((day) => day.name['zh-CN']))).toEqual(new Set(['春节']));
  });

  it('shows only the paused parts that would have counted', () => {
    const pauses = [pause('2026-02-12T17:00:00+08:00', '2026-02-24T10:00:00+08:00')];
    const { explanation } = addDuration(
      office,
      at('2026-02-12T16:00:00+08:00'),
      d(8, 'workingHours'),
      pauses,
    );
    expect(
      explanation.pauses.map(({ from, to }) => `${from.slice(5, 16)}–${to.slice(11, 16)}`),
    ).toEqual([
      '02-12T17:00–17:30',
      '02-13T08:30–12:00',
      '02-13T13:00–17:30',
      '02-14T08:30–12:00',
      '02-14T13:00–17:30',
      '02-24T08:30–10:00',
    ]);
    expect(explanation.intervals.reduce((sum, interval) => sum + interval.minutes, 0)).toBe(480);
  });

  it('lists calendar time as un-paused stretches', () => {
    const pauses = [pause('2026-03-04T00:00:00+08:00', '2026-03-04T06:00:00+08:00')];
    const { explanation } = addDuration(
      office,
      at('2026-03-03T10:00:00+08:00'),
      d(2, 'days'),
      pauses,
    );
    expect(explanation.intervals).toEqual([
      { from: '2026-03-03T10:00:00+08:00', to: '2026-03-04T00:00:00+08:00', minutes: 840 },
      { from: '2026-03-04T06:00:00+08:00', to: '2026-03-05T16:00:00+08:00', minutes: 2040 },
    ]);
    expect(explanation.pauses).toEqual([
      { from: '2026-03-04T00:00:00+08:00', to: '2026-03-04T06:00:00+08:00', minutes: 360 },
    ]);
  });

  it.each([
    { description: 'inside the coverage', start: '2026-12-30T09:00:00+08:00', outside: false },
    {
      description: 'past the end of the coverage',
      start: '2026-12-31T09:00:00+08:00',
      outside: true,
    },
    { description: 'before the coverage', start: '2023-12-29T09:00:00+08:00', outside: true },
  ])('flags a count $description', ({ start, outside }) => {
    const { explanation } = addDuration(office, at(start), d(1, 'workingDays'));
    expect(explanation.outsideCoverage).toBe(outside);
  });
});

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

describe('elapsedMinutes', () => {
  it.each([
    {
      description: 'working time over lunch',
      start: '2026-03-03T11:00:00+08:00',
      end: '2026-03-03T14:00:00+08:00',
      working: true,
      pauses: [],
      minutes: 120,
    },
    {
      description: 'calendar time over lunch',
      start: '2026-03-03T11:00:00+08:00',
      end: '2026-03-03T14:00:00+08:00',
      working: false,
      pauses: [],
      minutes: 180,
    },
    {
      description: 'working time over the Spring Festival',
      start: '2026-02-13T17:30:00+08:00',
      end: '2026-02-25T17:30:00+08:00',
      working: true,
      pauses: [],
      minutes: 1440,
    },
    {
      description: 'working time minus a pause',
      start: '2026-03-03T08:30:00+08:00',
      end: '2026-03-03T17:30:00+08:00',
      working: true,
      pauses: [pause('2026-03-03T11:00:00+08:00', '2026-03-03T14:00:00+08:00')],
      minutes: 360,
    },
    {
      description: 'an end before the start',
      start: '2026-03-03T14:00:00+08:00',
      end: '2026-03-03T11:00:00+08:00',
      working: true,
      pauses: [],
      minutes: 0,
    },
  ])('counts $description', ({ start, end, working, pauses, minutes }) => {
    expect(elapsedMinutes(office, at(start), at(end), working, pauses)).toBe(minutes);
  });

  it('counts the 23-hour day of the Berlin spring change in real minutes', () => {
    const start = at('2026-03-29T00:00:00+01:00');
    const end = at('2026-03-30T00:00:00+02:00');
    expect(elapsedMinutes(berlin, start, end, false)).toBe(1380);
  });
});
