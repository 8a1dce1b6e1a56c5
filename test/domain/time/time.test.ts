import { describe, it, expect } from 'vitest';
import { DomainError } from '../../../server/domain/errors.ts';
import {
  addDaysToDate,
  formatInstant,
  parseInstant,
  parseTimeOfDay,
  weekdayOfDate,
  zonedParts,
  zonedToInstant,
} from '../../../server/domain/time/time.ts';

describe('parseInstant', () => {
  it.each([
    { description: 'an offset', iso: '2026-02-25T17:30:00+08:00', utc: '2026-02-25T09:30:00.000Z' },
    { description: 'Z', iso: '2026-02-25T09:30:00Z', utc: '2026-02-25T09:30:00.000Z' },
    { description: 'no seconds', iso: '2026-02-25T17:30+08:00', utc: '2026-02-25T09:30:00.000Z' },
    {
      description: 'milliseconds',
      iso: '2026-02-25T09:30:00.250Z',
      utc: '2026-02-25T09:30:00.250Z',
    },
    {
      description: 'a negative offset',
      iso: '2026-02-24T20:30:00-05:00',
      utc: '2026-02-25T01:30:00.000Z',
    },
  ])('reads a time with $description', ({ iso, utc }) => {
    expect(new Date(parseInstant(iso)).toISOString()).toBe(utc);
  });

  it.each([
    { description: 'no offset (would be read in the host zone)', iso: '2026-02-25T17:30:00' },
    { description: 'a date only', iso: '2026-02-25' },
    { description: 'a day that does not exist', iso: '2026-02-30T10:00:00+08:00' },
    { description: 'hour 24', iso: '2026-02-25T24:00:00+08:00' },
    { description: 'a non-ISO format', iso: 'Feb 25 2026 17:30' },
    { description: 'an empty string', iso: '' },
  ])('refuses $description with form_invalid', ({ iso }) => {
    expect(() => parseInstant(iso)).toThrowError(
      expect.objectContaining({ code: 'form_invalid', details: { value: iso } }),
    );
  });
});

describe('formatInstant', () => {
  it.each([
    { zone: 'Asia/Shanghai', utc: '2026-02-25T09:30:00Z', iso: '2026-02-25T17:30:00+08:00' },
    { zone: 'Asia/Shanghai', utc: '2025-12-31T16:00:00Z', iso: '2026-01-01T00:00:00+08:00' },
    { zone: 'Europe/Berlin', utc: '2026-01-15T08:00:00Z', iso: '2026-01-15T09:00:00+01:00' },
    { zone: 'Europe/Berlin', utc: '2026-07-15T08:00:00Z', iso: '2026-07-15T10:00:00+02:00' },
    { zone: 'America/New_York', utc: '2026-01-15T03:00:00Z', iso: '2026-01-14T22:00:00-05:00' },
    { zone: 'Asia/Kolkata', utc: '2026-01-15T00:00:00Z', iso: '2026-01-15T05:30:00+05:30' },
    { zone: 'UTC', utc: '2026-01-15T00:00:00Z', iso: '2026-01-15T00:00:00+00:00' },
    { zone: 'Asia/Shanghai', utc: '2026-02-25T09:30:59.999Z', iso: '2026-02-25T17:30:59+08:00' },
  ])('shows $utc in $zone as $iso', ({ zone, utc, iso }) => {
    expect(formatInstant(Date.parse(utc), zone)).toBe(iso);
  });

  it('refuses an unknown time zone with policy_invalid', () => {
    expect(() => formatInstant(0, 'Mars/Olympus')).toThrowError(DomainError);
    expect(() => formatInstant(0, 'Mars/Olympus')).toThrowError(
      expect.objectContaining({ code: 'policy_invalid' }),
    );
  });
});

describe('zonedParts', () => {
  it.each([
    {
      description: 'a Wednesday afternoon in Shanghai',
      iso: '2026-02-25T17:30:00+08:00',
      zone: 'Asia/Shanghai',
      parts: { date: '2026-02-25', minuteOfDay: 1050, weekday: 'wed' },
    },
    {
      description: 'the same instant in New York, the day before',
      iso: '2026-02-25T07:30:00+08:00',
      zone: 'America/New_York',
      parts: { date: '2026-02-24', minuteOfDay: 1110, weekday: 'tue' },
    },
    {
      description: 'midnight',
      iso: '2026-01-01T00:00:00+08:00',
      zone: 'Asia/Shanghai',
      parts: { date: '2026-01-01', minuteOfDay: 0, weekday: 'thu' },
    },
    {
      description: 'summer time in Berlin',
      iso: '2026-07-01T12:15:00+02:00',
      zone: 'Europe/Berlin',
      parts: { date: '2026-07-01', minuteOfDay: 735, weekday: 'wed' },
    },
  ])('reads $description', ({ iso, zone, parts }) => {
    expect(zonedParts(parseInstant(iso), zone)).toEqual(parts);
  });
});

describe('zonedToInstant', () => {
  it.each([
    {
      description: 'a Shanghai morning',
      date: '2026-02-25',
      minute: 510,
      zone: 'Asia/Shanghai',
      iso: '2026-02-25T00:30:00.000Z',
    },
    {
      description: '24:00 as the next midnight',
      date: '2026-02-25',
      minute: 1440,
      zone: 'Asia/Shanghai',
      iso: '2026-02-25T16:00:00.000Z',
    },
    {
      description: 'Berlin in winter',
      date: '2026-01-15',
      minute: 540,
      zone: 'Europe/Berlin',
      iso: '2026-01-15T08:00:00.000Z',
    },
    {
      description: 'Berlin in summer',
      date: '2026-07-15',
      minute: 540,
      zone: 'Europe/Berlin',
      iso: '2026-07-15T07:00:00.000Z',
    },
    {
      description: 'Berlin before the spring gap',
      date: '2026-03-29',
      minute: 90,
      zone: 'Europe/Berlin',
      iso: '2026-03-29T00:30:00.000Z',
    },
    {
      description: 'a skipped time, moved past the gap',
      date: '2026-03-29',
      minute: 150,
      zone: 'Europe/Berlin',
      iso: '2026-03-29T01:30:00.000Z',
    },
    {
      description: 'Berlin after the spring gap',
      date: '2026-03-29',
      minute: 210,
      zone: 'Europe/Berlin',
      iso: '2026-03-29T01:30:00.000Z',
    },
    {
      description: 'a repeated time, as its earlier instant',
      date: '2026-10-25',
      minute: 150,
      zone: 'Europe/Berlin',
      iso: '2026-10-25T00:30:00.000Z',
    },
    {
      description: 'Berlin after the autumn repeat',
      date: '2026-10-25',
      minute: 240,
      zone: 'Europe/Berlin',
      iso: '2026-10-25T03:00:00.000Z',
    },
    {
      description: 'New York at the spring gap',
      date: '2026-03-08',
      minute: 150,
      zone: 'America/New_York',
      iso: '2026-03-08T07:30:00.000Z',
    },
  ])('finds $description', ({ date, minute, zone, iso }) => {
    expect(new Date(zonedToInstant(date, minute, zone)).toISOString()).toBe(iso);
  });

  it.each([
    { zone: 'Asia/Shanghai', skipped: [] },
    { zone: 'Europe/Berlin', skipped: ['2026-03-29 120', '2026-03-29 150'] },
    { zone: 'America/New_York', skipped: ['2026-03-08 120', '2026-03-08 150'] },
  ])('round-trips every half hour of 2026 through zonedParts in $zone', ({ zone, skipped }) => {
    const differing: string[] = [];
    for (let date = '2026-01-01'; date < '2027-01-01'; date = addDaysToDate(date, 1)) {
      for (let minute = 0; minute < 1440; minute += 30) {
        const parts = zonedParts(zonedToInstant(date, minute, zone), zone);
        if (parts.date !== date || parts.minuteOfDay !== minute) {
          // Only a time inside a spring-forward gap reads back differently: an hour later.
          expect(parts.minuteOfDay - minute).toBe(60);
          differing.push(`${date} ${minute}`);
        }
      }
    }
    expect(differing).toEqual(skipped);
  });
});

describe('addDaysToDate', () => {
  it.each([
    { description: 'within a month', date: '2026-02-13', days: 3, result: '2026-02-16' },
    { description: 'over a month end', date: '2026-01-31', days: 1, result: '2026-02-01' },
    { description: 'into a leap day', date: '2024-02-28', days: 1, result: '2024-02-29' },
    { description: 'over a year end', date: '2025-12-31', days: 1, result: '2026-01-01' },
    { description: 'backwards', date: '2026-03-01', days: -1, result: '2026-02-28' },
    { description: 'by zero', date: '2026-03-01', days: 0, result: '2026-03-01' },
    { description: 'by a year', date: '2025-03-01', days: 365, result: '2026-03-01' },
  ])('steps $description', ({ date, days, result }) => {
    expect(addDaysToDate(date, days)).toBe(result);
  });

  it.each(['2026-02-30', '2026-13-01', '26-01-01', '2026-1-1', 'today'])(
    'refuses the invalid date %s with policy_invalid',
    (date) => {
      expect(() => addDaysToDate(date, 1)).toThrowError(
        expect.objectContaining({ code: 'policy_invalid' }),
      );
    },
  );
});

describe('weekdayOfDate and parseTimeOfDay', () => {
  it.each([
    { date: '2026-02-13', weekday: 'fri' },
    { date: '2026-02-14', weekday: 'sat' },
    { date: '2024-02-18', weekday: 'sun' },
    { date: '2026-01-01', weekday: 'thu' },
  ])('$date is a $weekday', ({ date, weekday }) => {
    expect(weekdayOfDate(date)).toBe(weekday);
  });

  it.each([
    { time: '00:00', minutes: 0 },
    { time: '08:30', minutes: 510 },
    { time: '23:59', minutes: 1439 },
    { time: '24:00', minutes: 1440 },
  ])('reads $time as minute $minutes', ({ time, minutes }) => {
    expect(parseTimeOfDay(time)).toBe(minutes);
  });

  it.each(['24:01', '8:30', '12:60', '25:00', 'noon'])('refuses %s with policy_invalid', (time) => {
    expect(() => parseTimeOfDay(time)).toThrowError(
      expect.objectContaining({ code: 'policy_invalid' }),
    );
  });
});
