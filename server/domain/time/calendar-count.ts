/**
 * Counting on a calendar's table (calendar-table.ts): where an amount of counting from an instant
 * ends, how much counts between two instants, and the pieces that counted — pauses subtracted by
 * walking only the pauses.
 */
import type { Interval } from './calendar.ts';
import {
  calendarTable,
  countedUntil,
  firstEndingAfter,
  firstStartingFrom,
  MAX_IDLE_DAYS,
  reach,
  widened,
  type CalendarTable,
} from './calendar-table.ts';
import { DomainError } from '../errors.ts';
import type { CalendarDefinition } from '../policy/format.ts';
import { formatInstant, zonedDayNumber } from './time.ts';

/** A count in progress: the calendar, its kind of time, and the last local day that counted. */
type Counting = {
  calendar: CalendarDefinition;
  working: boolean;
  startMs: number;
  lastDay: number;
};

function noCountableTime({ calendar, startMs }: Counting): DomainError {
  return new DomainError('calendar_no_working_time', 'no countable time within three years', {
    calendar: calendar.label,
    after: formatInstant(startMs, calendar.timeZone),
  });
}

/** Throws when the days from the last that counted until `day` (excluded) are too many. */
function checkIdle(counting: Counting, day: number): void {
  if (day - counting.lastDay - 1 > MAX_IDLE_DAYS) throw noCountableTime(counting);
}

/** Throws when a long run of days without countable time lies between intervals first..last. */
function checkGaps(counting: Counting, table: CalendarTable, first: number, last: number): void {
  for (const gap of table.longGaps) if (first < gap && gap <= last) throw noCountableTime(counting);
}

/**
 * Counts `remaining` ms in [fromMs, toMs): where it is reached (`dueMs`), or else how much there was.
 * An open stretch (toMs infinite) widens the table until the amount is reached.
 */
function countStretch(
  counting: Counting,
  fromMs: number,
  toMs: number,
  remaining: number,
): { dueMs?: number; counted: number } {
  const { calendar, working } = counting;
  if (!Number.isFinite(fromMs)) throw noCountableTime(counting);
  if (fromMs !== counting.startMs) checkIdle(counting, zonedDayNumber(fromMs, calendar.timeZone));
  const bounded = Number.isFinite(toMs);
  let table = calendarTable(calendar, working, fromMs, bounded ? toMs : fromMs);
  const first = firstEndingAfter(table, fromMs);
  const base = countedUntil(table, fromMs, first);
  if (bounded) {
    const available = countedUntil(table, toMs) - base;
    if (available <= 0) return { counted: 0 };
    checkIdle(counting, table.day[first] ?? 0);
    if (available < remaining) {
      const last = firstStartingFrom(table, toMs) - 1;
      checkGaps(counting, table, first, last);
      counting.lastDay = table.day[last] ?? counting.lastDay;
      return { counted: available };
    }
  }
  let reached = reach(table, base + remaining);
  while (!reached) {
    const lastDay = table.day.length > first ? (table.day.at(-1) ?? 0) : counting.lastDay;
    if (zonedDayNumber(table.endMs, calendar.timeZone) - lastDay - 1 > MAX_IDLE_DAYS)
      throw noCountableTime(counting);
    table = widened(calendar, working, table);
    reached = reach(table, base + remaining);
  }
  checkIdle(counting, table.day[first] ?? 0);
  checkGaps(counting, table, first, reached.index);
  return { dueMs: reached.ms, counted: remaining };
}

/**
 * Where `amountMs` of counting from `startMs` ends: on working intervals when `working`, on all
 * time otherwise, skipping the (merged, sorted) pauses; the end of an interval when the amount is
 * reached exactly there. Nothing to count is due at the start.
 * @throws calendar_no_working_time when more than MAX_IDLE_DAYS days in a row count nothing
 */
export function countForward(
  calendar: CalendarDefinition,
  startMs: number,
  amountMs: number,
  working: boolean,
  pauses: Interval[],
): number {
  if (!(amountMs > 0)) return startMs;
  const startDay = zonedDayNumber(startMs, calendar.timeZone);
  // Whole local days follow one another without a gap: unpaused, all time counts.
  if (!working && pauses.length === 0) return startMs + amountMs;
  if (pauses.length === 0) {
    const due = dueInTable(calendar, startMs, startDay, amountMs);
    if (due !== undefined) return due;
  }
  const counting: Counting = {
    calendar,
    working,
    startMs,
    lastDay: startDay - 1,
  };
  let remaining = amountMs;
  let cursor = startMs;
  for (const pause of pauses) {
    if (pause.to <= cursor) continue;
    if (pause.from > cursor) {
      const stretch = countStretch(counting, cursor, pause.from, remaining);
      if (stretch.dueMs !== undefined) return stretch.dueMs;
      remaining -= stretch.counted;
    }
    cursor = Math.max(cursor, pause.to);
  }
  return countStretch(counting, cursor, Infinity, remaining).dueMs ?? cursor;
}

/**
 * countForward's answer for working time without pauses when the calendar's table already holds
 * it and no check can fail (what countStretch does on the way, without its bookkeeping);
 * undefined for anything else, which the general path decides.
 */
function dueInTable(
  calendar: CalendarDefinition,
  startMs: number,
  startDay: number,
  amountMs: number,
): number | undefined {
  if (!Number.isFinite(startMs)) return undefined;
  const table = calendarTable(calendar, true, startMs, startMs);
  if (table.longGaps.length > 0) return undefined;
  const first = firstEndingAfter(table, startMs);
  // checkIdle of the first interval, as countStretch checks it against the day before the start.
  if ((table.day[first] ?? 0) - startDay > MAX_IDLE_DAYS) return undefined;
  return reach(table, countedUntil(table, startMs, first) + amountMs)?.ms;
}

/** The ms counted in [fromMs, toMs) (finite, in order), pauses not subtracted. */
export function countedBetween(
  calendar: CalendarDefinition,
  working: boolean,
  fromMs: number,
  toMs: number,
): number {
  if (!(toMs > fromMs)) return 0;
  const table = calendarTable(calendar, working, fromMs, toMs);
  return countedUntil(table, toMs) - countedUntil(table, fromMs);
}

/**
 * The pieces that counted in [startMs, dueMs) and the parts of pauses that fell on time that
 * would otherwise have counted, both in order and not yet joined.
 */
export function countedPieces(
  calendar: CalendarDefinition,
  working: boolean,
  startMs: number,
  dueMs: number,
  pauses: Interval[],
): { counted: Interval[]; paused: Interval[] } {
  const counted: Interval[] = [];
  const paused: Interval[] = [];
  if (!(dueMs > startMs)) return { counted, paused };
  const table = calendarTable(calendar, working, startMs, dueMs);
  for (let i = firstEndingAfter(table, startMs); (table.from[i] ?? Infinity) < dueMs; i += 1) {
    const from = Math.max(table.from[i] ?? 0, startMs);
    const to = Math.min(table.to[i] ?? 0, dueMs);
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

/**
 * The end of working hours of the `n`th working day after the local date of `startMs` (the day of
 * receipt, which does not count however early it began): "by the close of the Nth working day".
 * A working day is a date with working intervals; its close is the end of its last one.
 * @throws calendar_no_working_time when more than MAX_IDLE_DAYS days in a row have no working time
 */
export function closeOfWorkingDay(
  calendar: CalendarDefinition,
  startMs: number,
  n: number,
): number {
  const counting: Counting = {
    calendar,
    working: true,
    startMs,
    lastDay: zonedDayNumber(startMs, calendar.timeZone),
  };
  let table = calendarTable(calendar, true, startMs);
  let workingDays = 0;
  for (let i = firstEndingAfter(table, startMs); ; i += 1) {
    while (i >= table.day.length) {
      if (zonedDayNumber(table.endMs, calendar.timeZone) - counting.lastDay - 1 > MAX_IDLE_DAYS)
        throw noCountableTime(counting);
      table = widened(calendar, true, table);
    }
    const day = table.day[i] ?? 0;
    if (day <= counting.lastDay) continue;
    checkIdle(counting, day);
    counting.lastDay = day;
    workingDays += 1;
    if (workingDays < n) continue;
    // A date's intervals are read together, so the last of the day is already in the table.
    while (table.day[i + 1] === day) i += 1;
    return table.to[i] ?? 0;
  }
}
