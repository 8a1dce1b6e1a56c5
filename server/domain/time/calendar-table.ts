/**
 * A calendar's countable time as a table: every working interval (or, for calendar units, every
 * whole local day) of the years asked for, in order, with the milliseconds counted before each, so
 * that how much counts between two instants, or where an amount of counting ends, is a binary search
 * and some arithmetic instead of a walk over the days.
 */
import { workingIntervalsOn, type Interval } from './calendar.ts';
import type { CalendarDefinition } from '../policy/format.ts';
import { addDaysToDate, zonedParts, zonedToInstant } from './time.ts';

const DAY_MS = 86_400_000;
const DAY_MINUTES = 1440;
/** Days in a row without any countable time before a calendar is judged to have none. */
export const MAX_IDLE_DAYS = 1100;

/**
 * The intervals of whole local years [firstYear, endYear): `from`, `to` and `day` (the local date's
 * day number since 1970-01-01) of interval i, and `counted[i]` the ms counted before it
 * (`counted[length]` is the total). The table may end early at a day the calendar cannot describe:
 * `broken` is that day's error, thrown when counting reaches it.
 */
export type CalendarTable = {
  firstYear: number;
  endYear: number;
  startMs: number;
  endMs: number;
  from: number[];
  to: number[];
  day: number[];
  counted: number[];
  /** The intervals i with more than MAX_IDLE_DAYS days without countable time before them. */
  longGaps: number[];
  broken?: unknown;
};

type YearIntervals = {
  intervals: (Interval & { day: number })[];
  broken?: unknown;
};

type Tables = { years: Map<number, YearIntervals>; table?: CalendarTable };

// Calendars are immutable policy data: their tables are built once per calendar object and kind
// (working time or all time), a year at a time as counting reaches it.
const cache = new WeakMap<CalendarDefinition, { working: Tables; all: Tables }>();

function tablesOf(calendar: CalendarDefinition, working: boolean): Tables {
  let entry = cache.get(calendar);
  if (!entry)
    cache.set(calendar, (entry = { working: { years: new Map() }, all: { years: new Map() } }));
  return working ? entry.working : entry.all;
}

/** The day number of a 'YYYY-MM-DD' date since 1970-01-01. */
const dayNumber = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);

/** A date's countable intervals: its working intervals, or the whole local day. */
function intervalsOn(calendar: CalendarDefinition, date: string, working: boolean): Interval[] {
  if (working) return workingIntervalsOn(calendar, date);
  const { timeZone } = calendar;
  return [
    { from: zonedToInstant(date, 0, timeZone), to: zonedToInstant(date, DAY_MINUTES, timeZone) },
  ];
}

function readYear(calendar: CalendarDefinition, year: number, working: boolean): YearIntervals {
  const first = `${String(year).padStart(4, '0')}-01-01`;
  const prefix = first.slice(0, 5);
  const read: YearIntervals = { intervals: [] };
  let day = dayNumber(first);
  for (let date = first; date.startsWith(prefix); date = addDaysToDate(date, 1), day += 1) {
    try {
      for (const { from, to } of intervalsOn(calendar, date, working))
        if (from < to) read.intervals.push({ from, to, day });
    } catch (error) {
      read.broken = error;
      break;
    }
  }
  return read;
}

/** An empty table that starts at the beginning of `firstYear`. */
function emptyTable(calendar: CalendarDefinition, firstYear: number): CalendarTable {
  const startMs = zonedToInstant(
    `${String(firstYear).padStart(4, '0')}-01-01`,
    0,
    calendar.timeZone,
  );
  return {
    firstYear,
    endYear: firstYear,
    startMs,
    endMs: startMs,
    from: [],
    to: [],
    day: [],
    counted: [0],
    longGaps: [],
  };
}

/**
 * Appends the years from the table's end until `endYear` (excluded), reading those not read yet.
 * Only appends: the indices and sums a count in progress holds stay valid.
 */
function appendYears(
  calendar: CalendarDefinition,
  working: boolean,
  table: CalendarTable,
  endYear: number,
): void {
  const { years } = tablesOf(calendar, working);
  let total = table.counted.at(-1) ?? 0;
  for (let year = table.endYear; year < endYear; year += 1) {
    let read = years.get(year);
    if (!read) years.set(year, (read = readYear(calendar, year, working)));
    for (const { from, to, day } of read.intervals) {
      if (day - (table.day.at(-1) ?? day) - 1 > MAX_IDLE_DAYS)
        table.longGaps.push(table.day.length);
      table.from.push(from);
      table.to.push(to);
      table.day.push(day);
      table.counted.push((total += to - from));
    }
    table.endYear = year + 1;
    if (read.broken !== undefined) {
      // Counting stops where the calendar cannot be read: the last interval's end.
      table.broken = read.broken;
      table.endMs = table.to.at(-1) ?? table.startMs;
      return;
    }
  }
  table.endMs = zonedToInstant(`${String(endYear).padStart(4, '0')}-01-01`, 0, calendar.timeZone);
}

const yearOf = (ms: number, timeZone: string) => Number(zonedParts(ms, timeZone).date.slice(0, 4));

/**
 * The calendar's table covering the instants `fromMs` to `toMs` (both finite), built or widened
 * as needed; throws the calendar's own error when the calendar cannot be read that far.
 */
export function calendarTable(
  calendar: CalendarDefinition,
  working: boolean,
  fromMs: number,
  toMs = fromMs,
): CalendarTable {
  const tables = tablesOf(calendar, working);
  let table = tables.table;
  if (table && table.startMs <= fromMs && toMs < table.endMs) return table;
  if (table?.broken !== undefined && toMs >= table.endMs) throw table.broken;
  const { timeZone } = calendar;
  const endYear = Math.max(table?.endYear ?? -Infinity, yearOf(toMs, timeZone) + 1);
  if (!table || fromMs < table.startMs) {
    // Starting earlier means new sums: built again from the years already read.
    table = emptyTable(calendar, Math.min(table?.firstYear ?? Infinity, yearOf(fromMs, timeZone)));
    tables.table = table;
  }
  appendYears(calendar, working, table, endYear);
  if (table.broken !== undefined && toMs >= table.endMs) throw table.broken;
  return table;
}

/** The index of the first interval that ends after `ms` (the length when none does). */
export function firstEndingAfter(table: CalendarTable, ms: number): number {
  let low = 0;
  let high = table.to.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((table.to[middle] ?? 0) > ms) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** The index of the first interval that starts at or after `ms`. */
export function firstStartingFrom(table: CalendarTable, ms: number): number {
  let low = 0;
  let high = table.from.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((table.from[middle] ?? 0) >= ms) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** The ms counted from the table's start until `ms` (within the table); `i` as firstEndingAfter. */
export function countedUntil(
  table: CalendarTable,
  ms: number,
  i = firstEndingAfter(table, ms),
): number {
  const before = table.counted[i] ?? 0;
  return i === table.to.length ? before : before + Math.max(0, ms - (table.from[i] ?? ms));
}

/**
 * Where counting reaches `target` ms from the table's start, and the interval it ends in; the end
 * of an interval when it is reached exactly there. Undefined when the table holds less.
 */
export function reach(
  table: CalendarTable,
  target: number,
): { ms: number; index: number } | undefined {
  const { counted } = table;
  if (!((counted.at(-1) ?? 0) >= target)) return undefined;
  // The first interval i whose end has counted the target: counted[i + 1] >= target.
  let low = 0;
  let high = counted.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((counted[middle + 1] ?? 0) >= target) high = middle;
    else low = middle + 1;
  }
  return { ms: (table.from[low] ?? 0) + target - (counted[low] ?? 0), index: low };
}

/** The table a year longer than `table`, or `table`'s error when the calendar ends there. */
export function widened(calendar: CalendarDefinition, working: boolean, table: CalendarTable) {
  if (table.broken !== undefined) throw table.broken;
  return calendarTable(calendar, working, table.startMs, table.endMs);
}
