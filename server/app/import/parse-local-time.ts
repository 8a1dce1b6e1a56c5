/**
 * A local time written in a spreadsheet cell — or a date in one cell and the time of day in
 * another — read as an instant in the mapping's time zone.
 */
import { formatInstant, zonedToInstant } from '../../domain/time/time.ts';
import type { TimeColumn } from './import-mapping.ts';

/** The tokens of a time format; `hh`/`h` are 12-hour and need `A` (AM/PM, a.m./p.m., 上午/下午). */
export const TIME_TOKEN = /YYYY|MM|M|DD|D|HH|H|hh|h|mm|ss|A/g;

const MERIDIEM = '(AM|PM|am|pm|a\\.m\\.|p\\.m\\.|上午|下午)';

const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** A time of day alone as a spreadsheet cell holds it (Excel counts it from 1899-12-30). */
const ISO_TIME_OF_DAY = /^1899-12-3[01]T(\d{2}):(\d{2}):(\d{2})$/;

/** The parts a cell gives: Y M D for a date; H (0–23) m s for a time of day. */
type Parts = Partial<Record<'Y' | 'M' | 'D' | 'H' | 'm' | 's', number>>;

function formatParts(text: string, format: string): Parts | undefined {
  const names: string[] = [];
  const pattern = format.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(TIME_TOKEN, (token) => {
    names.push(token);
    if (token === 'A') return MERIDIEM;
    return token.length === 4 ? '(\\d{4})' : token.length === 2 ? '(\\d{2})' : '(\\d{1,2})';
  });
  const match = new RegExp(`^${pattern}$`).exec(text);
  if (!match) return undefined;
  const parts: Parts = {};
  let hour12: number | undefined;
  let pm: boolean | undefined;
  names.forEach((name, i) => {
    const value = match[i + 1] as string;
    if (name === 'A') pm = /^(p|下)/i.test(value);
    else if (name[0] === 'h') hour12 = Number(value);
    else parts[name[0] as keyof Parts] = Number(value);
  });
  if (hour12 !== undefined) {
    if (pm === undefined || hour12 < 1 || hour12 > 12) return undefined;
    parts.H = (hour12 % 12) + (pm ? 12 : 0);
  }
  return parts;
}

function isoParts(text: string): Parts | undefined {
  const iso = ISO_LOCAL.exec(text);
  if (!iso) return undefined;
  const [Y, M, D, H, m, s] = iso.slice(1).map((v) => Number(v ?? 0));
  return { Y, M, D, H, m, s };
}

function timeOfDayParts(text: string): Parts | undefined {
  const iso = ISO_TIME_OF_DAY.exec(text);
  if (!iso) return undefined;
  const [H, m, s] = iso.slice(1).map((v) => Number(v ?? 0));
  return { H, m, s };
}

/**
 * The instant a cell's local time stands for, as ISO 8601 with the zone's offset. Cells in the
 * mapping's format are read, and so are ISO local dates (how spreadsheet date cells are read).
 * With `timeText` (the cell of the mapping's `timeColumn`), the date comes from `text` and the
 * time of day from `timeText`, read in `timeFormat` or as a spreadsheet time cell.
 */
export function parseLocalTime(
  text: string,
  time: TimeColumn,
  timeText?: string,
): string | undefined {
  const date = formatParts(text.trim(), time.format) ?? isoParts(text.trim());
  if (!date) return undefined;
  let parts = date;
  if (timeText !== undefined) {
    const clock =
      formatParts(timeText.trim(), time.timeFormat ?? 'HH:mm:ss') ??
      timeOfDayParts(timeText.trim());
    if (!clock) return undefined;
    parts = { ...date, H: clock.H, m: clock.m, s: clock.s };
  }
  const { Y = 0, M = 0, D = 0, H = 0, m = 0, s = 0 } = parts;
  if (M < 1 || M > 12 || D < 1 || D > 31 || H > 23 || m > 59 || s > 59) return undefined;
  const day = `${String(Y).padStart(4, '0')}-${String(M).padStart(2, '0')}-${String(D).padStart(2, '0')}`;
  // 2019-02-30 rolls over to March: the written date must read back.
  if (new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) !== day) return undefined;
  const ms = zonedToInstant(day, H * 60 + m, time.timeZone) + s * 1000;
  return formatInstant(ms, time.timeZone);
}
