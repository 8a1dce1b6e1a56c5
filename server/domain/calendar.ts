/**
 * Business calendars (工作日历): which days work and when, and durations counted in calendar time
 * or in working time, minus pauses, with an explanation of how each due time came about.
 */
import { DomainError } from './errors.ts';
import type {
  CalendarDay,
  CalendarDefinition,
  Duration,
  Label,
  TimeRange,
  Weekday,
  WorkingHours,
} from './policy.ts';
import {
  addDaysToDate,
  formatInstant,
  parseTimeOfDay,
  weekdayOfDate,
  zonedParts,
  zonedToInstant,
} from './time.ts';

/** A stretch of time in epoch ms, `from` included, `to` excluded. */
export type Interval = { from: number; to: number };

/** What kind of day a date is: 调休 make-up working days are weekend days that work. */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeUpWorkday';

/** An interval as the explanation shows it: ISO times in the calendar's zone and its length. */
export type ExplainedInterval = { from: string; to: string; minutes: number };

/** Why a due time is what it is ("why is this due then?"); every time is ISO in `timeZone`. */
export type DurationExplanation = {
  timeZone: string;
  start: string;
  due: string;
  duration: Duration;
  /** The duration in minutes; `intervals` add up to it. */
  minutes: number;
  /** The stretches that counted: working intervals, or un-paused calendar time. */
  intervals: ExplainedInterval[];
  /** The parts of pauses that fell on time that would otherwise have counted. */
  pauses: ExplainedInterval[];
  /** Holidays and make-up working days between start and due. */
  days: { date: string; kind: 'holiday' | 'makeUpWorkday'; name: Label }[];
  /** True if start..due reaches outside the dates the calendar's holiday data covers. */
  outsideCoverage: boolean;
};

type CalendarIndex = {
  holidays: Map<string, CalendarDay>;
  makeUpWorkdays: Map<string, CalendarDay>;
  hours: WorkingHours[];
};

const MINUTE_MS = 60_000;
const DAY_MINUTES = 1440;
/** Days in a row without countable time after which a search gives up (about three years). */
const MAX_IDLE_DAYS = 1100;
const WEEK: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

// Calendars are immutable policy data; index each once for the day-by-day lookups.
const indexes = new WeakMap<CalendarDefinition, CalendarIndex>();

function indexOf(calendar: CalendarDefinition): CalendarIndex {
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
  const { hours } = indexOf(calendar);
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
  const index = indexOf(calendar);
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
function mergeIntervals(intervals: Interval[]): Interval[] {
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

/** The time of one day that counts (from `startMs` until `endMs`) and the part pauses took. */
function countDay(
  calendar: CalendarDefinition,
  date: string,
  window: Interval,
  working: boolean,
  pauses: Interval[],
): { counted: Interval[]; paused: Interval[] } {
  const { timeZone } = calendar;
  const spans = working
    ? workingIntervalsOn(calendar, date)
    : [
        {
          from: zonedToInstant(date, 0, timeZone),
          to: zonedToInstant(date, DAY_MINUTES, timeZone),
        },
      ];
  const counted: Interval[] = [];
  const paused: Interval[] = [];
  for (const span of spans) {
    const from = Math.max(span.from, window.from);
    const to = Math.min(span.to, window.to);
    let cursor = from;
    for (const pause of pauses) {
      if (pause.to <= from || pause.from >= to) continue;
      if (pause.from > cursor) counted.push({ from: cursor, to: pause.from });
      paused.push({ from: Math.max(pause.from, from), to: Math.min(pause.to, to) });
      cursor = Math.max(cursor, Math.min(pause.to, to));
    }
    if (cursor < to) counted.push({ from: cursor, to });
  }
  return { counted, paused };
}

function isWorkingUnit(unit: Duration['unit']): boolean {
  return unit === 'workingMinutes' || unit === 'workingHours' || unit === 'workingDays';
}

function durationMinutes(
  calendar: CalendarDefinition,
  startMs: number,
  duration: Duration,
): number {
  const { amount, unit } = duration;
  if (!Number.isFinite(amount) || amount < 0) {
    throw new DomainError('policy_invalid', `invalid duration amount: ${amount}`, { duration });
  }
  if (unit === 'workingDays') {
    return amount * standardDayMinutes(calendar, zonedParts(startMs, calendar.timeZone).date);
  }
  const perUnit =
    unit === 'days' ? DAY_MINUTES : unit === 'hours' || unit === 'workingHours' ? 60 : 1;
  return amount * perUnit;
}

/** Walks forward day by day until `amountMs` has counted; the due may be an interval's end. */
function countForward(
  calendar: CalendarDefinition,
  startMs: number,
  amountMs: number,
  working: boolean,
  pauses: Interval[],
): { dueMs: number; counted: Interval[]; paused: Interval[] } {
  const counted: Interval[] = [];
  const paused: Interval[] = [];
  let remaining = amountMs;
  let idleDays = 0;
  let date = zonedParts(startMs, calendar.timeZone).date;
  while (remaining > 0) {
    const day = countDay(calendar, date, { from: startMs, to: Infinity }, working, pauses);
    paused.push(...day.paused);
    for (const piece of day.counted) {
      const dueMs = piece.from + remaining;
      if (dueMs <= piece.to) {
        counted.push({ from: piece.from, to: dueMs });
        return { dueMs, counted, paused: paused.filter((part) => part.from < dueMs) };
      }
      counted.push(piece);
      remaining -= piece.to - piece.from;
    }
    idleDays = day.counted.length > 0 ? 0 : idleDays + 1;
    if (idleDays > MAX_IDLE_DAYS) {
      throw new DomainError('calendar_no_working_time', 'no countable time within three years', {
        calendar: calendar.label,
        after: formatInstant(startMs, calendar.timeZone),
      });
    }
    date = addDaysToDate(date, 1);
  }
  return { dueMs: startMs, counted, paused };
}

function explainIntervals(intervals: Interval[], timeZone: string): ExplainedInterval[] {
  return mergeIntervals(intervals).map(({ from, to }) => ({
    from: formatInstant(from, timeZone),
    to: formatInstant(to, timeZone),
    minutes: (to - from) / MINUTE_MS,
  }));
}

/** The listed holidays and make-up days on the local dates that start..due touches. */
function listedDays(calendar: CalendarDefinition, startMs: number, dueMs: number) {
  if (dueMs <= startMs) return [];
  const first = zonedParts(startMs, calendar.timeZone).date;
  const last = zonedParts(dueMs - 1, calendar.timeZone).date;
  const { holidays, makeUpWorkdays } = indexOf(calendar);
  const pick = (days: Map<string, CalendarDay>, kind: 'holiday' | 'makeUpWorkday') =>
    [...days]
      .filter(
        ([date]) => first <= date && date <= last && (kind === 'holiday' || !holidays.has(date)),
      )
      .map(([date, day]) => ({ date, kind, name: day.name }));
  return [...pick(holidays, 'holiday'), ...pick(makeUpWorkdays, 'makeUpWorkday')].sort((a, b) =>
    a.date < b.date ? -1 : 1,
  );
}

function isOutsideCoverage(calendar: CalendarDefinition, startMs: number, dueMs: number): boolean {
  const { coverage, timeZone } = calendar;
  if (!coverage) return false;
  const first = zonedParts(startMs, timeZone).date;
  const last = zonedParts(Math.max(startMs, dueMs - 1), timeZone).date;
  return first < coverage.from || last > coverage.to;
}

/**
 * The due time of a duration started at `startMs`. Calendar units (minutes, hours, days of 1440
 * minutes) count all time, working units only working intervals; both skip the pauses. One
 * working day is `standardDayMinutes` on the start date. A zero duration is due at the start.
 * @throws policy_invalid for a negative or non-finite amount or a malformed calendar
 * @throws calendar_no_working_time when nothing counts for about three years
 */
export function addDuration(
  calendar: CalendarDefinition,
  startMs: number,
  duration: Duration,
  pauses: Interval[] = [],
): { dueMs: number; explanation: DurationExplanation } {
  const minutes = durationMinutes(calendar, startMs, duration);
  const { dueMs, counted, paused } = countForward(
    calendar,
    startMs,
    Math.round(minutes * MINUTE_MS),
    isWorkingUnit(duration.unit),
    mergeIntervals(pauses),
  );
  const { timeZone } = calendar;
  const explanation: DurationExplanation = {
    timeZone,
    start: formatInstant(startMs, timeZone),
    due: formatInstant(dueMs, timeZone),
    duration,
    minutes,
    intervals: explainIntervals(counted, timeZone),
    pauses: explainIntervals(paused, timeZone),
    days: listedDays(calendar, startMs, dueMs),
    outsideCoverage: isOutsideCoverage(calendar, startMs, dueMs),
  };
  return { dueMs, explanation };
}

/**
 * The minutes counted between two instants, as `addDuration` counts them: working intervals only
 * when `working`, all time otherwise, minus pauses; 0 when `endMs` is not after `startMs`.
 * @throws policy_invalid for a malformed calendar
 */
export function elapsedMinutes(
  calendar: CalendarDefinition,
  startMs: number,
  endMs: number,
  working: boolean,
  pauses: Interval[] = [],
): number {
  if (!(endMs > startMs)) return 0;
  const merged = mergeIntervals(pauses);
  const last = zonedParts(endMs, calendar.timeZone).date;
  let total = 0;
  for (
    let date = zonedParts(startMs, calendar.timeZone).date;
    date <= last;
    date = addDaysToDate(date, 1)
  ) {
    const day = countDay(calendar, date, { from: startMs, to: endMs }, working, merged);
    total += day.counted.reduce((sum, piece) => sum + piece.to - piece.from, 0);
  }
  return total / MINUTE_MS;
}
