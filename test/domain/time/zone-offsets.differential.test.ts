/**
 * Zone offsets read once per zone and month (zone-offsets.ts) against Intl read at every instant
 * (reference-time.ts): around both DST changes of London and New York minute by minute, and at
 * seeded random instants in zones with unusual changes.
 */
import { describe, expect, it } from 'vitest';
import {
  formatInstant,
  parseInstant,
  zonedDayNumber,
  zonedParts,
  zonedToInstant,
} from '../../../server/domain/time/time.ts';
import * as reference from './reference-time.ts';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** The DST changes of 2024–2027: London on the last Sundays of March and October at 01:00 UTC,
 * New York on the second Sunday of March and the first of November at 02:00 local. */
const CHANGES = [
  ...[
    '2024-03-31',
    '2024-10-27',
    '2025-03-30',
    '2025-10-26',
    '2026-03-29',
    '2026-10-25',
    '2027-03-28',
    '2027-10-31',
  ].map((date) => ({ timeZone: 'Europe/London', date, utc: Date.parse(`${date}T01:00:00Z`) })),
  ...[
    ['2024-03-10', '07:00'],
    ['2024-11-03', '06:00'],
    ['2025-03-09', '07:00'],
    ['2025-11-02', '06:00'],
    ['2026-03-08', '07:00'],
    ['2026-11-01', '06:00'],
    ['2027-03-14', '07:00'],
    ['2027-11-07', '06:00'],
  ].map(([date, utc]) => ({
    timeZone: 'America/New_York',
    date: date!,
    utc: Date.parse(`${date}T${utc}:00Z`),
  })),
];

const expectSameReading = (ms: number, timeZone: string) => {
  const got = { iso: formatInstant(ms, timeZone), parts: zonedParts(ms, timeZone) };
  const want = {
    iso: reference.formatInstant(ms, timeZone),
    parts: reference.zonedParts(ms, timeZone),
  };
  expect({ ms, got }).toEqual({ ms, got: want });
  expect(zonedDayNumber(ms, timeZone)).toBe(Date.parse(`${want.parts.date}T00:00:00Z`) / DAY_MS);
};

describe('zone offsets against Intl at every instant', () => {
  it.each(CHANGES)(
    'read $timeZone around its change on $date minute by minute',
    ({ timeZone, date, utc }) => {
      // The change itself shows: the offset differs an hour either side.
      expect(reference.formatInstant(utc - 1000, timeZone).slice(-6)).not.toBe(
        reference.formatInstant(utc, timeZone).slice(-6),
      );
      for (let ms = utc - 3 * 3_600_000; ms <= utc + 3 * 3_600_000; ms += MINUTE_MS) {
        expectSameReading(ms, timeZone);
        expectSameReading(ms - 1000, timeZone);
      }
      for (const day of [-1, 0, 1]) {
        const local = reference.addDaysToDate(date, day);
        for (let minute = 0; minute <= 1440; minute += 15)
          expect({ local, minute, ms: zonedToInstant(local, minute, timeZone) }).toEqual({
            local,
            minute,
            ms: reference.zonedToInstant(local, minute, timeZone),
          });
      }
    },
  );

  it.each([
    'Asia/Shanghai',
    'Europe/London',
    'America/New_York',
    'Australia/Lord_Howe',
    'America/Sao_Paulo',
    'Asia/Kolkata',
    'Pacific/Chatham',
    'America/Santiago',
    'Africa/Casablanca',
  ])('read %s at random instants from 1970 to 2060', (timeZone) => {
    let state = 7;
    const next = () => (state = (state * 48_271) % 2_147_483_647) / 2_147_483_647;
    for (let i = 0; i < 3000; i += 1) {
      const ms = Math.floor(next() * 90 * 365.25 * DAY_MS);
      expectSameReading(ms, timeZone);
      const { date, minuteOfDay } = reference.zonedParts(ms, timeZone);
      expect(zonedToInstant(date, minuteOfDay, timeZone)).toBe(
        reference.zonedToInstant(date, minuteOfDay, timeZone),
      );
    }
  });
});

describe('reading ISO times without Date.parse', () => {
  it('accepts and refuses what Date.parse with a read-back accepted and refused', () => {
    let state = 11;
    const int = (below: number) =>
      Math.floor(((state = (state * 48_271) % 2_147_483_647) / 2_147_483_647) * below);
    const two = (value: number) => String(value).padStart(2, '0');
    const outcome = (parse: (iso: string) => number, iso: string) => {
      try {
        return parse(iso);
      } catch (error) {
        return (error as { code?: string }).code;
      }
    };
    let accepted = 0;
    for (let i = 0; i < 20_000; i += 1) {
      const date = `${String(990 + int(1200)).padStart(4, '0')}-${two(int(14))}-${two(int(33))}`;
      const time = `${two(int(25))}:${two(int(61))}${int(3) ? `:${two(int(61))}` : ''}`;
      const fraction = int(10) === 0 ? '.250' : '';
      const zone = [
        `Z`,
        '',
        `+${two(int(25))}:${two(int(61))}`,
        `-${two(int(25))}:${two(int(61))}`,
      ][int(4)];
      const iso = `${date}T${time}${fraction}${zone}`;
      const got = outcome(parseInstant, iso);
      expect({ iso, got }).toEqual({ iso, got: outcome(reference.parseInstant, iso) });
      if (typeof got === 'number') accepted += 1;
    }
    expect(accepted).toBeGreaterThan(2000);
  });
});
