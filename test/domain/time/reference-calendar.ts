// The reference for the differential tests: server/domain/time/calendar.ts as it was before calendars
// were counted on tables (day by day, Intl read per quarter hour). Not used by the server.
/**
 * Business calendars (工作日历): which days work and when — working hours with breaks, weekends,
 * holidays and make-up working days (调休). Durations on them are in calendar-duration.ts.
 */
import { DomainError } from '../../../server/domain/errors.ts';
import type {
  CalendarDay,
  CalendarDefinition,
  TimeRange,
  Weekday,
  WorkingHours,
} from '../../../server/domain/policy/format.ts';
import {
  addDaysToDate,
  parseTimeOfDay,
  weekdayOfDate,
  zonedParts,
  zonedToInstant,
} from './reference-time.ts';

/** A stretch of time in epoch ms, `from` included, `to` excluded. */
export type Interval = { from: number; to: number };

/** What kind of day a date is: 调休 make-up working days are weekend days that work. */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeUpWorkday';

type CalendarIndex = {
  holidays: Map<string, CalendarDay>;
  makeUpWorkdays: Map<string, CalendarDay>;
  hours: WorkingHours[];
};

const WEEK: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

// Calendars are immutable policy data; index each once for the day-by-day lookups.
const indexes = new WeakMap<CalendarDefinition, CalendarIndex>();

/** The calendar's holidays and make-up days by date (built once per calendar object). */
export function calendarIndex(calendar: CalendarDefinition): CalendarIndex {
  let index = indexes.get(calendar);
  if (!index) {
    const byDate = (days: CalendarDay[]) =>
      new Map(days.map((day) => [addDaysToDate(day.date, 0), day]));
    // addDaysToDate(date, 0) is the date itself, or policy_invalid for a malformed one.
    calendar.workingHours.forEach((entry) => addDaysToDate(entry.effectiveFrom, 0));
    const hours = [...calendar.workingHours].sort((a, b) =>
      a.effectiveFrom < b.effectiveFrom ? -1 : 1,
    );
    index = {
      holidays: byDate(calendar.holidays),
      makeUpWorkdays: byDate(calendar.makeUpWorkdays),
      hours,
    };
    indexes.set(calendar, index);
  }
  return index;
}

/** The entry with the latest `effectiveFrom` <= date; before the first, the first applies. */
function hoursInForce(calendar: CalendarDefinition, date: string): WorkingHours | undefined {
  const { hours } = calendarIndex(calendar);
  let inForce = hours[0];
  for (const entry of hours) if (entry.effectiveFrom <= date) inForce = entry;
  return inForce;
}

/** Monday's ranges, or the first weekday's that has any when Monday is off. */
function standardRanges(entry: WorkingHours | undefined): TimeRange[] {
  const day = WEEK.find((weekday) => (entry?.week[weekday] ?? []).length > 0);
  return (day && entry?.week[day]) || [];
}

function dayPlan(
  calendar: CalendarDefinition,
  date: string,
): { kind: DayKind; ranges: TimeRange[] } {
  const index = calendarIndex(calendar);
  if (index.holidays.has(date)) return { kind: 'holiday', ranges: [] };
  const entry = hoursInForce(calendar, date);
  if (index.makeUpWorkdays.has(date)) {
    return { kind: 'makeUpWorkday', ranges: entry?.makeUpDay ?? standardRanges(entry) };
  }
  const ranges = entry?.week[weekdayOfDate(date)] ?? [];
  return { kind: ranges.length > 0 ? 'workday' : 'weekend', ranges };
}

function rangeMinutes([from, to]: TimeRange): [number, number] {
  const minutes: [number, number] = [parseTimeOfDay(from), parseTimeOfDay(to)];
  if (minutes[0] >= minutes[1]) {
    throw new DomainError('policy_invalid', `working range ends before it starts: ${from}–${to}`, {
      range: [from, to],
    });
  }
  return minutes;
}

/** Sorted, with overlapping and touching intervals joined. */
/** Sorted, touching and overlapping intervals joined. */
export function mergeIntervals(intervals: Interval[]): Interval[] {
  const merged: Interval[] = [];
  for (const interval of [...intervals].sort((a, b) => a.from - b.from)) {
    const last = merged[merged.length - 1];
    if (last && interval.from <= last.to) last.to = Math.max(last.to, interval.to);
    else if (interval.from < interval.to) merged.push({ ...interval });
  }
  return merged;
}

/**
 * Whether a date works: listed holidays are off, listed 调休 make-up days work, other days follow
 * the weekly hours in force (a weekday without hours is a 'weekend').
 * @throws policy_invalid for an invalid date
 */
export function dayKind(calendar: CalendarDefinition, date: string): DayKind {
  return dayPlan(calendar, date).kind;
}

/**
 * The working intervals of a date in the calendar's zone, in epoch ms; breaks are the gaps.
 * @throws policy_invalid for an invalid date, time range or time zone
 */
export function workingIntervalsOn(calendar: CalendarDefinition, date: string): Interval[] {
  const intervals = dayPlan(calendar, date).ranges.map((range) => {
    const [from, to] = rangeMinutes(range);
    return {
      from: zonedToInstant(date, from, calendar.timeZone),
      to: zonedToInstant(date, to, calendar.timeZone),
    };
  });
  return mergeIntervals(intervals);
}

/**
 * The minutes of a standard working day on a date (Monday's hours in force), which is what one
 * `workingDays` unit counts.
 * @throws policy_invalid for an invalid time range
 */
export function standardDayMinutes(calendar: CalendarDefinition, date: string): number {
  const ranges = standardRanges(hoursInForce(calendar, date)).map(rangeMinutes);
  return ranges.reduce((sum, [from, to]) => sum + to - from, 0);
}

/** True if the instant lies in a working interval (its start included, its end not). */
export function isWorkingInstant(calendar: CalendarDefinition, ms: number): boolean {
  const { date } = zonedParts(ms, calendar.timeZone);
  return workingIntervalsOn(calendar, date).some(
    (interval) => interval.from <= ms && ms < interval.to,
  );
}
