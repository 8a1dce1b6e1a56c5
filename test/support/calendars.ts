/**
 * Business calendars the time tests share: office hours on the CN calendar, a split shift, Berlin,
 * changing hours.
 */
import cn from '../../rulesets/calendars/cn-official-2024-2026.json' with { type: 'json' };
import type { Interval } from '../../server/domain/time/calendar.ts';
import type { CalendarDefinition, Duration, TimeRange } from '../../server/domain/policy/format.ts';
import { parseInstant } from '../../server/domain/time/time.ts';

/** Mainland office hours: 08:30–12:00 and 13:00–17:30. */
export const OFFICE: TimeRange[] = [
  ['08:30', '12:00'],
  ['13:00', '17:30'],
];
/** The same ranges Monday to Friday. */
export const weekdays = (ranges: TimeRange[]) => ({
  mon: ranges,
  tue: ranges,
  wed: ranges,
  thu: ranges,
  fri: ranges,
});

/** Mainland office hours (Mon–Fri, lunch 12:00–13:00) on the official CN calendar. */
export function buildCalendar(overrides: Partial<CalendarDefinition> = {}): CalendarDefinition {
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

/** Mainland office hours on the official CN calendar (holidays, 调休 days, coverage). */
export const office = buildCalendar();
/** A hotline open every day 10:00–14:00 and 17:00–22:00, no holidays. */
export const splitShift = buildCalendar({
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
/** Berlin office hours (09:00–17:00 on weekdays), no holidays: for the DST changes. */
export const berlin = buildCalendar({
  label: { 'zh-CN': '柏林', en: 'Berlin' },
  timeZone: 'Europe/Berlin',
  workingHours: [{ effectiveFrom: '2024-01-01', week: weekdays([['09:00', '17:00']]) }],
  holidays: [],
  makeUpWorkdays: [],
  coverage: undefined,
});
/** Hours change on 2026-07-01: the afternoon ends at 17:00, so a working day is 420 minutes. */
export const changing = buildCalendar({
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
export const shortMakeUp = buildCalendar({
  workingHours: [
    { effectiveFrom: '2024-01-01', week: weekdays(OFFICE), makeUpDay: [['09:00', '12:00']] },
  ],
});

/** An ISO time as epoch milliseconds. */
export const at = (iso: string) => parseInstant(iso);
/** A paused interval between two ISO times. */
export const pause = (from: string, to: string): Interval => ({ from: at(from), to: at(to) });
/** A duration of `amount` units. */
export const d = (amount: number, unit: Duration['unit']): Duration => ({ amount, unit });
