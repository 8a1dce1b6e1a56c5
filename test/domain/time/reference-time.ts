// The reference for the differential tests: server/domain/time/time.ts as it was before calendars
// were counted on tables (day by day, Intl read per quarter hour). Not used by the server.
/**
 * Time-zone arithmetic on epoch milliseconds with Intl only: the wall clock of an instant in a zone,
 * the instant of a wall-clock time, ISO strings with the zone's offset, and steps between dates.
 */
import { DomainError } from '../../../server/domain/errors.ts';
import type { Weekday } from '../../../server/domain/policy/format.ts';

/** The wall-clock reading of an instant in a time zone. */
export type ZonedParts = { date: string; minuteOfDay: number; weekday: Weekday };

type WallClock = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
};

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_INSTANT =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|([+-])(\d{2}):(\d{2}))$/;
const TIME_OF_DAY = /^(?:([01]\d|2[0-3]):([0-5]\d)|24:00)$/;

// Building a formatter is costly and a built one never changes: keep one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      });
    } catch {
      throw new DomainError('policy_invalid', `unknown time zone: ${timeZone}`, { timeZone });
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function intlWallClock(ms: number, timeZone: string): WallClock {
  const parts = formatterFor(timeZone).formatToParts(ms);
  const field = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((part) => part.type === type)?.value);
  return {
    year: field('year'),
    month: field('month'),
    day: field('day'),
    hour: field('hour'),
    minute: field('minute'),
    second: field('second'),
  };
}

function wallClockAsUtc(clock: WallClock): number {
  return Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
}

function intlOffsetAt(ms: number, timeZone: string): number {
  return wallClockAsUtc(intlWallClock(ms, timeZone)) - Math.floor(ms / 1000) * 1000;
}

// Intl formatting dominates calendar arithmetic, so offsets are cached per zone and quarter hour.
// A quarter hour whose two ends disagree (a change of offset inside it) is never cached.
const BUCKET_MS = 15 * MINUTE_MS;
const offsetCache = new Map<string, number>();

/** The zone's offset from UTC at an instant, in ms (whole seconds: Intl does not show less). */
function offsetAt(ms: number, timeZone: string): number {
  const bucket = Math.floor(ms / BUCKET_MS);
  const key = `${timeZone}|${bucket}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    const first = intlOffsetAt(bucket * BUCKET_MS, timeZone);
    const last = intlOffsetAt((bucket + 1) * BUCKET_MS - 1000, timeZone);
    offset = first === last ? first : NaN;
    if (offsetCache.size > 200_000) offsetCache.clear();
    offsetCache.set(key, offset);
  }
  return Number.isNaN(offset) ? intlOffsetAt(ms, timeZone) : offset;
}

function wallClockOf(ms: number, timeZone: string): WallClock {
  const local = new Date(Math.floor(ms / 1000) * 1000 + offsetAt(ms, timeZone));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

function formatDate(clock: Pick<WallClock, 'year' | 'month' | 'day'>): string {
  return `${pad(clock.year, 4)}-${pad(clock.month)}-${pad(clock.day)}`;
}

/** Midnight UTC of a 'YYYY-MM-DD' date; rejects dates that do not exist, such as 02-30. */
function dateToUtcMs(date: string): number {
  const match = ISO_DATE.exec(date);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  if (Number.isNaN(ms) || utcDate(ms) !== date) {
    throw new DomainError('policy_invalid', `invalid date: ${date}`, { value: date });
  }
  return ms;
}

function utcDate(ms: number): string {
  const value = new Date(ms);
  return formatDate({
    year: value.getUTCFullYear(),
    month: value.getUTCMonth() + 1,
    day: value.getUTCDate(),
  });
}

/**
 * The epoch ms of an ISO 8601 date-time with a `Z` or `±HH:MM` offset. Strings without an offset
 * are refused: `Date.parse` would read them in the process's own zone.
 * @throws form_invalid
 */
export function parseInstant(iso: string): number {
  const match = ISO_INSTANT.exec(iso);
  const ms = match ? Date.parse(iso) : NaN;
  if (!match || Number.isNaN(ms) || !matchesWallClock(match, ms)) {
    throw new DomainError('form_invalid', `invalid time: ${iso}`, { value: iso });
  }
  return ms;
}

// Date.parse rolls 02-30 over to 03-02 and accepts 24:00; the written fields must read back.
function matchesWallClock(match: RegExpExecArray, ms: number): boolean {
  const [, date, hour, minute, second = '00', zone, sign, offsetHours, offsetMinutes] = match;
  const offset =
    zone === 'Z' ? 0 : Number(`${sign}1`) * (Number(offsetHours) * 60 + Number(offsetMinutes));
  const local = new Date(ms + offset * MINUTE_MS);
  return (
    utcDate(local.getTime()) === date &&
    local.getUTCHours() === Number(hour) &&
    local.getUTCMinutes() === Number(minute) &&
    local.getUTCSeconds() === Number(second)
  );
}

/** An instant as ISO 8601 with the zone's offset, to the second: "2026-02-25T17:30:00+08:00". */
export function formatInstant(ms: number, timeZone: string): string {
  const clock = wallClockOf(ms, timeZone);
  const offsetMinutes = Math.round(offsetAt(ms, timeZone) / MINUTE_MS);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const absolute = Math.abs(offsetMinutes);
  const time = `${pad(clock.hour)}:${pad(clock.minute)}:${pad(clock.second)}`;
  return `${formatDate(clock)}T${time}${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
}

/** The local date, minute of the day and weekday of an instant in a time zone. */
export function zonedParts(ms: number, timeZone: string): ZonedParts {
  const clock = wallClockOf(ms, timeZone);
  const date = formatDate(clock);
  return { date, minuteOfDay: clock.hour * 60 + clock.minute, weekday: weekdayOfDate(date) };
}

/**
 * The instant a zone's wall clock shows `minuteOfDay` (0–1440) on `date`. Like Temporal's
 * "compatible" choice: a repeated time (clocks go back) is its earlier instant, and a skipped time
 * (clocks go forward) is moved forward by the length of the gap.
 * @throws policy_invalid for an invalid date or time zone
 */
export function zonedToInstant(date: string, minuteOfDay: number, timeZone: string): number {
  const local = dateToUtcMs(date) + minuteOfDay * MINUTE_MS;
  const before = offsetAt(local - DAY_MS, timeZone);
  const after = offsetAt(local + DAY_MS, timeZone);
  if (before === after) return local - before;
  const valid = [local - before, local - after].filter(
    (candidate) => offsetAt(candidate, timeZone) === local - candidate,
  );
  return valid.length > 0 ? Math.min(...valid) : local - before;
}

/**
 * The date `days` calendar days after a 'YYYY-MM-DD' date (negative goes back).
 * @throws policy_invalid for an invalid date
 */
export function addDaysToDate(date: string, days: number): string {
  return utcDate(dateToUtcMs(date) + days * DAY_MS);
}

/**
 * The weekday of a 'YYYY-MM-DD' date.
 * @throws policy_invalid for an invalid date
 */
export function weekdayOfDate(date: string): Weekday {
  return WEEKDAYS[new Date(dateToUtcMs(date)).getUTCDay()] ?? 'sun';
}

/**
 * Minutes since midnight of an "HH:MM" time of day; "24:00" (the end of the day) is 1440.
 * @throws policy_invalid
 */
export function parseTimeOfDay(time: string): number {
  const match = TIME_OF_DAY.exec(time);
  if (!match)
    throw new DomainError('policy_invalid', `invalid time of day: ${time}`, { value: time });
  return match[1] === undefined ? 1440 : Number(match[1]) * 60 + Number(match[2]);
}
