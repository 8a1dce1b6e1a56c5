/**
 * Time-zone arithmetic on epoch milliseconds: the wall clock of an instant in a zone, the instant
 * of a wall-clock time, ISO strings with the zone's offset, and steps between dates. Offsets come
 * from zone-offsets.ts; the rest is arithmetic.
 */
import { DomainError } from '../errors.ts';
import type { Weekday } from '../policy/format.ts';
import { offsetAt } from './zone-offsets.ts';

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

/**
 * The local wall-clock time, to the second, of an instant at a zone offset; the date is the
 * proleptic Gregorian one of the day number (H. Hinnant's civil_from_days).
 */
function wallClockOf(ms: number, offset: number): WallClock {
  const seconds = Math.floor(ms / 1000) + offset / 1000;
  const days = Math.floor(seconds / 86_400);
  const secondOfDay = seconds - days * 86_400;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shifted = Math.floor((5 * dayOfYear + 2) / 153);
  const month = shifted < 10 ? shifted + 3 : shifted - 9;
  return {
    year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0),
    month,
    day: dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1,
    hour: Math.floor(secondOfDay / 3600),
    minute: Math.floor(secondOfDay / 60) % 60,
    second: secondOfDay % 60,
  };
}

/**
 * The local date of an instant in a time zone as a day number since 1970-01-01.
 * @throws policy_invalid for an unknown time zone
 */
export function zonedDayNumber(ms: number, timeZone: string): number {
  return Math.floor((Math.floor(ms / 1000) * 1000 + offsetAt(ms, timeZone)) / DAY_MS);
}

const TWO_DIGITS = Array.from({ length: 100 }, (_, value) => String(value).padStart(2, '0'));
const pad = (value: number, width = 2) =>
  (width === 2 ? TWO_DIGITS[value] : undefined) ?? String(value).padStart(width, '0');

function formatDate(clock: Pick<WallClock, 'year' | 'month' | 'day'>): string {
  return `${pad(clock.year, 4)}-${pad(clock.month)}-${pad(clock.day)}`;
}

/** Midnight UTC of a 'YYYY-MM-DD' date; rejects dates that do not exist, such as 02-30. */
function dateToUtcMs(date: string): number {
  if (date.length === 10 && date[4] === '-' && date[7] === '-') {
    const year = digits(date, 0, 4);
    const month = digits(date, 5, 2);
    const day = digits(date, 8, 2);
    if (year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))
      return Date.UTC(year, month - 1, day);
  }
  // Anything else (years before 1000 too, which Date.UTC reads as 19xx) is decided the long way.
  const match = ISO_DATE.exec(date);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  if (Number.isNaN(ms) || utcDate(ms) !== date) {
    throw new DomainError('policy_invalid', `invalid date: ${date}`, { value: date });
  }
  return ms;
}

/** Dates as far as Date reaches (±8.64e15 ms) by arithmetic; outside it, Date's own NaN. */
function utcDate(ms: number): string {
  if (Math.abs(ms) <= 8.64e15) return formatDate(wallClockOf(ms, 0));
  const value = new Date(ms);
  return formatDate({
    year: value.getUTCFullYear(),
    month: value.getUTCMonth() + 1,
    day: value.getUTCDate(),
  });
}

// The string parseInstant read last, and its instant.
let lastParsed: string | undefined;
let lastParsedMs = 0;

/**
 * The epoch ms of an ISO 8601 date-time with a `Z` or `±HH:MM` offset. Strings without an offset
 * are refused: `Date.parse` would read them in the process's own zone.
 * @throws form_invalid
 */
export function parseInstant(iso: string): number {
  // A case's times are read again and again (each clock of a case opened at once starts then).
  if (iso === lastParsed && lastParsed !== undefined) return lastParsedMs;
  const common = parseCommonInstant(iso);
  let ms = common;
  if (ms === undefined) {
    const match = ISO_INSTANT.exec(iso);
    ms = match ? Date.parse(iso) : NaN;
    if (!match || Number.isNaN(ms) || !matchesWallClock(match, ms)) {
      throw new DomainError('form_invalid', `invalid time: ${iso}`, { value: iso });
    }
  }
  lastParsed = iso;
  lastParsedMs = ms;
  return ms;
}

const digits = (text: string, at: number, count: number): number => {
  let value = 0;
  for (let i = at; i < at + count; i += 1) {
    const digit = text.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return NaN;
    value = value * 10 + digit;
  }
  return value;
};

const daysInMonth = (year: number, month: number) =>
  month === 2
    ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
      ? 29
      : 28
    : [4, 6, 9, 11].includes(month)
      ? 30
      : 31;

/**
 * The shapes Kesu writes, 'YYYY-MM-DDTHH:MM[:SS]' with 'Z' or '±HH:MM', read without regex or
 * Date.parse; undefined for anything else or anything doubtful, which the general path decides.
 */
function parseCommonInstant(iso: string): number | undefined {
  if (iso[4] !== '-' || iso[7] !== '-' || iso[10] !== 'T' || iso[13] !== ':') return undefined;
  const end = iso[16] === ':' ? 19 : 16;
  const sign = iso[end];
  let offset = 0;
  if (sign === '+' || sign === '-') {
    if (iso.length !== end + 6 || iso[end + 3] !== ':') return undefined;
    const hours = digits(iso, end + 1, 2);
    const minutes = digits(iso, end + 4, 2);
    if (!(hours <= 23 && minutes <= 59)) return undefined;
    offset = (sign === '-' ? -1 : 1) * (hours * 60 + minutes);
  } else if (sign !== 'Z' || iso.length !== end + 1) return undefined;
  const year = digits(iso, 0, 4);
  const month = digits(iso, 5, 2);
  const day = digits(iso, 8, 2);
  const hour = digits(iso, 11, 2);
  const minute = digits(iso, 14, 2);
  const second = end === 19 ? digits(iso, 17, 2) : 0;
  if (!(year >= 1000 && month >= 1 && month <= 12 && day >= 1 && hour <= 23)) return undefined;
  if (!(minute <= 59 && second <= 59 && day <= daysInMonth(year, month))) return undefined;
  return Date.UTC(year, month - 1, day, hour, minute, second) - offset * MINUTE_MS;
}

// Date.parse rolls 02-30 over to 03-02 and accepts 24:00; the written fields must read back.
function matchesWallClock(match: RegExpExecArray, ms: number): boolean {
  const [, date, hour, minute, second = '00', zone, sign, offsetHours, offsetMinutes] = match;
  const offset =
    zone === 'Z' ? 0 : Number(`${sign}1`) * (Number(offsetHours) * 60 + Number(offsetMinutes));
  const local = wallClockOf(ms, offset * MINUTE_MS);
  return (
    local.year === Number(date?.slice(0, 4)) &&
    local.month === Number(date?.slice(5, 7)) &&
    local.day === Number(date?.slice(8, 10)) &&
    local.hour === Number(hour) &&
    local.minute === Number(minute) &&
    local.second === Number(second)
  );
}

const offsetTexts = new Map<number, string>();

/** '+08:00' for an offset of eight hours, in ms (rounded to the minute). */
function offsetText(offset: number): string {
  let text = offsetTexts.get(offset);
  if (text === undefined) {
    const offsetMinutes = Math.round(offset / MINUTE_MS);
    const absolute = Math.abs(offsetMinutes);
    text = `${offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
    offsetTexts.set(offset, text);
  }
  return text;
}

// Dates written by formatInstant, by local day number: cases and their clocks fall on few days.
const dateTexts = new Map<number, string>();
const MAX_DATE_TEXTS = 4096;

/** 'YYYY-MM-DD' of a local day number, as formatDate writes it. */
function dateText(days: number): string {
  let text = dateTexts.get(days);
  if (text === undefined) {
    text = formatDate(wallClockOf(days * DAY_MS, 0));
    if (dateTexts.size >= MAX_DATE_TEXTS) dateTexts.clear();
    dateTexts.set(days, text);
  }
  return text;
}

/** An instant as ISO 8601 with the zone's offset, to the second: "2026-02-25T17:30:00+08:00". */
export function formatInstant(ms: number, timeZone: string): string {
  const offset = offsetAt(ms, timeZone);
  if (!Number.isFinite(ms) || offset % 1000 !== 0) {
    const clock = wallClockOf(ms, offset);
    const time = `${pad(clock.hour)}:${pad(clock.minute)}:${pad(clock.second)}`;
    return `${formatDate(clock)}T${time}${offsetText(offset)}`;
  }
  // wallClockOf's arithmetic, with the date looked up by its day number.
  const seconds = Math.floor(ms / 1000) + offset / 1000;
  const days = Math.floor(seconds / 86_400);
  const secondOfDay = seconds - days * 86_400;
  const hour = TWO_DIGITS[Math.floor(secondOfDay / 3600)];
  const minute = TWO_DIGITS[Math.floor(secondOfDay / 60) % 60];
  const second = TWO_DIGITS[secondOfDay % 60];
  return `${dateText(days)}T${hour}:${minute}:${second}${offsetText(offset)}`;
}

/** The local date, minute of the day and weekday of an instant in a time zone. */
export function zonedParts(ms: number, timeZone: string): ZonedParts {
  const offset = offsetAt(ms, timeZone);
  const clock = wallClockOf(ms, offset);
  const days = Math.floor((Math.floor(ms / 1000) * 1000 + offset) / DAY_MS);
  // 1970-01-01 was a Thursday.
  const weekday = WEEKDAYS[(((days + 4) % 7) + 7) % 7] ?? 'sun';
  return { date: formatDate(clock), minuteOfDay: clock.hour * 60 + clock.minute, weekday };
}

/**
 * The instant a zone's wall clock shows `minuteOfDay` (0–1440) on `date`. Like Temporal's
 * "compatible" choice: a repeated time (clocks go back) is its earlier instant, and a skipped time
 * (clocks go forward) is moved forward by the length of the gap.
 * @throws policy_invalid for an invalid date or time zone
 */
export function zonedToInstant(date: string, minuteOfDay: number, timeZone: string): number {
  return localToInstant(dateToUtcMs(date) + minuteOfDay * MINUTE_MS, timeZone);
}

/** The instant of a wall-clock reading given as ms since 1970-01-01 local; as zonedToInstant. */
function localToInstant(local: number, timeZone: string): number {
  const before = offsetAt(local - DAY_MS, timeZone);
  const after = offsetAt(local + DAY_MS, timeZone);
  if (before === after) return local - before;
  const valid = [local - before, local - after].filter(
    (candidate) => offsetAt(candidate, timeZone) === local - candidate,
  );
  return valid.length > 0 ? Math.min(...valid) : local - before;
}

/**
 * The instant `days` calendar days after `ms` in a zone. Whole days keep the wall clock: the same
 * local time on the date N days later, across daylight-saving changes (a time the clocks skip moves
 * forward by the gap, a repeated one is its earlier instant); a fraction of a day is then added as
 * elapsed time, 24 hours a day — as Temporal adds days, then hours.
 * @throws policy_invalid for an unknown time zone
 */
export function addWallClockDays(ms: number, days: number, timeZone: string): number {
  const whole = Math.floor(days);
  const fraction = Math.round((days - whole) * DAY_MS);
  if (whole === 0) return ms + fraction;
  const local = ms + offsetAt(ms, timeZone);
  return localToInstant(local + whole * DAY_MS, timeZone) + fraction;
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
