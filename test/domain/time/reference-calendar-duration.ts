// The reference for the differential tests: server/domain/time/calendar-duration.ts as it was before calendars
// were counted on tables (day by day, Intl read per quarter hour). Not used by the server.
/**
 * Durations on a business calendar: counted in calendar time or in working time, minus pauses,
 * with an explanation of how each due time came about (the working intervals it counted).
 */
import {
  calendarIndex,
  mergeIntervals,
  standardDayMinutes,
  workingIntervalsOn,
  type Interval,
} from './reference-calendar.ts';
import { DomainError } from '../../../server/domain/errors.ts';
import type {
  CalendarDay,
  CalendarDefinition,
  Duration,
  Label,
} from '../../../server/domain/policy/format.ts';
import { formatInstant, zonedParts, zonedToInstant, addDaysToDate } from './reference-time.ts';

const MINUTE_MS = 60_000;
const DAY_MINUTES = 1440;
/** Days in a row without any countable time before a calendar is judged to have none. */
const MAX_IDLE_DAYS = 1100;

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

export function isWorkingUnit(unit: Duration['unit']): boolean {
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
  const { holidays, makeUpWorkdays } = calendarIndex(calendar);
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
  const window = { from: startMs, to: endMs };
  const counted = (date: string) =>
    countDay(calendar, date, window, working, merged).counted.reduce(
      (sum, piece) => sum + piece.to - piece.from,
      0,
    );
  const first = zonedParts(startMs, calendar.timeZone).date;
  const last = zonedParts(endMs, calendar.timeZone).date;
  if (first === last) return counted(first) / MINUTE_MS;
  // The days strictly between the ends count whole, from the calendar's running sums, except those
  // a pause touches, which are counted as they are.
  let total = counted(first) + counted(last);
  total += wholeDaysBetween(calendar, addDaysToDate(first, 1), last, working);
  for (const date of datesTouched(calendar, merged, window))
    if (first < date && date < last) total += counted(date) - wholeDayMs(calendar, date, working);
  return total / MINUTE_MS;
}

// Calendars are immutable policy data: what each whole day counts is worked out once per calendar
// and kept as running sums over consecutive days, so reading a clock that has run for years costs
// two lookups rather than a walk over every day.
const wholeDays = new WeakMap<CalendarDefinition, Map<string, number>>();
const runningSums = new WeakMap<CalendarDefinition, Map<boolean, DaySums>>();

/** Running sums of whole days from `first`: `sums[i]` is the total of the i days before first + i. */
type DaySums = { first: string; sums: number[] };

/** The milliseconds a whole local day counts: its working intervals, or all of it. */
function wholeDayMs(calendar: CalendarDefinition, date: string, working: boolean): number {
  let cache = wholeDays.get(calendar);
  if (!cache) wholeDays.set(calendar, (cache = new Map()));
  const key = working ? date : `all ${date}`;
  let ms = cache.get(key);
  if (ms === undefined) {
    const day = countDay(calendar, date, { from: -Infinity, to: Infinity }, working, []);
    ms = day.counted.reduce((sum, piece) => sum + piece.to - piece.from, 0);
    cache.set(key, ms);
  }
  return ms;
}

/** Days from one date to another (negative when `to` is before `from`). */
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** The whole-day milliseconds of the days from `from` up to (not including) `to`. */
function wholeDaysBetween(
  calendar: CalendarDefinition,
  from: string,
  to: string,
  working: boolean,
): number {
  if (!(from < to)) return 0;
  let byKind = runningSums.get(calendar);
  if (!byKind) runningSums.set(calendar, (byKind = new Map()));
  let known = byKind.get(working);
  const covers = (sums: DaySums): boolean =>
    daysBetween(sums.first, from) >= 0 && daysBetween(sums.first, to) <= sums.sums.length - 1;
  if (!known || !covers(known)) {
    // Built again over the union, with a year's room each way: rare, and linear in the days.
    const first = addDaysToDate(
      known && known.first < from ? known.first : from,
      known && known.first < from ? 0 : -366,
    );
    const end = addDaysToDate(to, 366);
    const sums = [0];
    for (let date = first; date < end; date = addDaysToDate(date, 1))
      sums.push((sums.at(-1) ?? 0) + wholeDayMs(calendar, date, working));
    known = { first, sums };
    byKind.set(working, known);
  }
  const built: DaySums = known;
  const at = (date: string) => built.sums[daysBetween(built.first, date)] ?? 0;
  return at(to) - at(from);
}

/** The local dates the intervals touch within the window. */
function datesTouched(
  calendar: CalendarDefinition,
  intervals: Interval[],
  window: Interval,
): Set<string> {
  const dates = new Set<string>();
  for (const interval of intervals) {
    const from = Math.max(interval.from, window.from);
    const to = Math.min(interval.to, window.to);
    if (!(to >= from)) continue;
    const end = zonedParts(to, calendar.timeZone).date;
    for (
      let date = zonedParts(from, calendar.timeZone).date;
      date <= end;
      date = addDaysToDate(date, 1)
    )
      dates.add(date);
  }
  return dates;
}
