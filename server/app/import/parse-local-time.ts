/** A local time written in a spreadsheet cell, read as an instant in the mapping's time zone. */
import { formatInstant, zonedToInstant } from '../../domain/time/time.ts';
import type { TimeColumn } from './import-mapping.ts';

const TOKEN = /YYYY|MM|M|DD|D|HH|H|mm|ss/g;

const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * The instant a cell's local time stands for, as ISO 8601 with the zone's offset. Cells in the
 * mapping's format are read, and so are ISO local dates (how spreadsheet date cells are read).
 */
export function parseLocalTime(text: string, time: TimeColumn): string | undefined {
  const parts: Record<string, number> = {};
  const names: string[] = [];
  const pattern = time.format.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(TOKEN, (token) => {
    names.push(token);
    return token.length === 4 ? '(\\d{4})' : token.length === 2 ? '(\\d{2})' : '(\\d{1,2})';
  });
  const match = new RegExp(`^${pattern}$`).exec(text.trim());
  const iso = match ? undefined : ISO_LOCAL.exec(text.trim());
  if (match) names.forEach((name, i) => (parts[name[0] as string] = Number(match[i + 1])));
  else if (iso) {
    const [Y, M, D, H, m, sec] = iso.slice(1).map((v) => Number(v ?? 0));
    Object.assign(parts, { Y, M, D, H, m, s: sec });
  } else return undefined;
  const { Y = 0, M = 0, D = 0, H = 0, m = 0, s = 0 } = parts;
  if (M < 1 || M > 12 || D < 1 || D > 31 || H > 23 || m > 59 || s > 59) return undefined;
  const date = `${String(Y).padStart(4, '0')}-${String(M).padStart(2, '0')}-${String(D).padStart(2, '0')}`;
  // 2019-02-30 rolls over to March: the written date must read back.
  if (new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) return undefined;
  const ms = zonedToInstant(date, H * 60 + m, time.timeZone) + s * 1000;
  return formatInstant(ms, time.timeZone);
}
