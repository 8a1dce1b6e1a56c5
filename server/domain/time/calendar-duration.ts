/**
 * Durations on a business calendar: counted in calendar time or in working time, minus pauses,
 * with an explanation of how each due time came about (the working intervals it counted).
 */
import { calendarIndex, mergeIntervals, type Interval } from './calendar.ts';
import { countedBetween, countedPieces, countForward } from './calendar-count.ts';
import { closeDate, durationMinutes, isWorkingUnit } from './duration-units.ts';
import type { CalendarDay, CalendarDefinition, Duration, Label } from '../policy/format.ts';
import { formatInstant, zonedParts } from './time.ts';

export { durationMinutes, isWorkingUnit };

const MINUTE_MS = 60_000;

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
  /** For `closeOfWorkingDay`: the working day whose close is due (before pauses moved it). */
  closeOf?: string;
};

function explainIntervals(intervals: Interval[], timeZone: string): ExplainedInterval[] {
  return mergeIntervals(intervals).map(({ from, to }) => ({
    from: formatInstant(from, timeZone),
    to: formatInstant(to, timeZone),
    minutes: (to - from) / MINUTE_MS,
  }));
}

type ListedDay = DurationExplanation['days'][number];

// Calendars are immutable policy data: their listed days are sorted once per calendar.
const listedByCalendar = new WeakMap<CalendarDefinition, ListedDay[]>();

/** The calendar's holidays, and its make-up days that are not also holidays, by date. */
function listedDaysOf(calendar: CalendarDefinition): ListedDay[] {
  let listed = listedByCalendar.get(calendar);
  if (!listed) {
    const { holidays, makeUpWorkdays } = calendarIndex(calendar);
    const pick = (days: Map<string, CalendarDay>, kind: ListedDay['kind']) =>
      [...days]
        .filter(([date]) => kind === 'holiday' || !holidays.has(date))
        .map(([date, day]) => ({ date, kind, name: day.name }));
    listed = [...pick(holidays, 'holiday'), ...pick(makeUpWorkdays, 'makeUpWorkday')].sort(
      (a, b) => (a.date < b.date ? -1 : 1),
    );
    listedByCalendar.set(calendar, listed);
  }
  return listed;
}

/** The listed holidays and make-up days on the local dates that start..due touches. */
function listedDays(calendar: CalendarDefinition, startMs: number, dueMs: number): ListedDay[] {
  if (dueMs <= startMs) return [];
  const first = zonedParts(startMs, calendar.timeZone).date;
  const last = zonedParts(dueMs - 1, calendar.timeZone).date;
  const listed = listedDaysOf(calendar);
  let low = 0;
  let high = listed.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((listed[middle]?.date ?? '') < first) low = middle + 1;
    else high = middle;
  }
  const days: ListedDay[] = [];
  for (let i = low; i < listed.length && (listed[i]?.date ?? '') <= last; i += 1)
    days.push({ ...listed[i]! });
  return days;
}

function isOutsideCoverage(calendar: CalendarDefinition, startMs: number, dueMs: number): boolean {
  const { coverage, timeZone } = calendar;
  if (!coverage) return false;
  const first = zonedParts(startMs, timeZone).date;
  const last = zonedParts(Math.max(startMs, dueMs - 1), timeZone).date;
  return first < coverage.from || last > coverage.to;
}

/**
 * The due time of a duration started at `startMs`, as `addDuration` works it out, without the
 * explanation.
 * @throws policy_invalid for a negative or non-finite amount or a malformed calendar
 * @throws calendar_no_working_time when nothing counts for about three years
 */
export function dueAfter(
  calendar: CalendarDefinition,
  startMs: number,
  duration: Duration,
  pauses: Interval[] = [],
): number {
  const minutes = durationMinutes(calendar, startMs, duration);
  const working = isWorkingUnit(duration.unit);
  const amountMs = Math.round(minutes * MINUTE_MS);
  const merged = pauses.length > 0 ? mergeIntervals(pauses) : pauses;
  return countForward(calendar, startMs, amountMs, working, merged);
}

/**
 * When a share of a duration started at `startMs` has run: `fraction` of its minutes counted as the
 * duration counts them, skipping the pauses (a warning at 0.75 of the time).
 * @throws as `dueAfter`
 */
export function shareReachedAt(
  calendar: CalendarDefinition,
  startMs: number,
  duration: Duration,
  fraction: number,
  pauses: Interval[] = [],
): number {
  const minutes = durationMinutes(calendar, startMs, duration) * fraction;
  const merged = pauses.length > 0 ? mergeIntervals(pauses) : pauses;
  const working = isWorkingUnit(duration.unit);
  return countForward(calendar, startMs, Math.round(minutes * MINUTE_MS), working, merged);
}

/**
 * The due time of a duration started at `startMs`. Calendar units count all time (`days` up to the
 * same wall clock N days later), working units only working intervals; both skip the pauses. One
 * `workingDays` unit is `standardDayMinutes` on the start date; `closeOfWorkingDay` N is due at the
 * close of the Nth working day after the day of receipt, later by the working time paused. A zero
 * duration is due at the start.
 * @throws policy_invalid for a negative or non-finite amount or a malformed calendar
 * @throws calendar_no_working_time when nothing counts for about three years
 */
export function addDuration(
  calendar: CalendarDefinition,
  startMs: number,
  duration: Duration,
  pauses: Interval[] = [],
): { dueMs: number; explanation: DurationExplanation } {
  const dueMs = dueAfter(calendar, startMs, duration, pauses);
  return { dueMs, explanation: explainDuration(calendar, startMs, duration, dueMs, pauses) };
}

/**
 * Why a duration started at `startMs` is due at `dueMs` (from `dueAfter`): the intervals that
 * counted, the pauses that did not, and the listed days between.
 */
export function explainDuration(
  calendar: CalendarDefinition,
  startMs: number,
  duration: Duration,
  dueMs: number,
  pauses: Interval[] = [],
): DurationExplanation {
  const { timeZone } = calendar;
  const working = isWorkingUnit(duration.unit);
  const { counted, paused } = countedPieces(
    calendar,
    working,
    startMs,
    dueMs,
    mergeIntervals(pauses),
  );
  return {
    timeZone,
    start: formatInstant(startMs, timeZone),
    due: formatInstant(dueMs, timeZone),
    duration,
    minutes: durationMinutes(calendar, startMs, duration),
    intervals: explainIntervals(counted, timeZone),
    pauses: explainIntervals(paused, timeZone),
    days: listedDays(calendar, startMs, dueMs),
    outsideCoverage: isOutsideCoverage(calendar, startMs, dueMs),
    ...closeDate(calendar, startMs, duration),
  };
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
  let total = countedBetween(calendar, working, startMs, endMs);
  for (const pause of mergeIntervals(pauses)) {
    const from = Math.max(pause.from, startMs);
    const to = Math.min(pause.to, endMs);
    if (to > from) total -= countedBetween(calendar, working, from, to);
  }
  return total / MINUTE_MS;
}
