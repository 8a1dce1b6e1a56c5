import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { dayKind, isWorkingInstant, type Interval } from '../../../server/domain/time/calendar.ts';
import { addDuration, elapsedMinutes } from '../../../server/domain/time/calendar-duration.ts';
import type { CalendarDefinition } from '../../../server/domain/policy/format.ts';
import { parseInstant, zonedParts } from '../../../server/domain/time/time.ts';
import { office, weekdays } from '../../support/calendars.ts';

/** Berlin hours with one short day and a late shift, so DST changes fall near working time. */
const berlin: CalendarDefinition = {
  label: { 'zh-CN': '柏林', en: 'Berlin' },
  timeZone: 'Europe/Berlin',
  workingHours: [
    {
      effectiveFrom: '2024-01-01',
      week: {
        ...weekdays([['09:00', '17:00']]),
        sat: [['10:00', '14:00']],
        sun: [['01:00', '04:00']],
      },
    },
  ],
  holidays: [],
  makeUpWorkdays: [],
};

const MINUTE_MS = 60_000;
const FIRST = parseInstant('2024-01-01T00:00:00+08:00');
const LAST = parseInstant('2026-11-30T00:00:00+08:00');
const RUNS = { numRuns: 200 };

const calendarArb = fc.constantFrom(office, berlin);
/** Starts on whole minutes, mostly, and sometimes on an odd second. */
const startArb = fc
  .tuple(fc.integer({ min: 0, max: (LAST - FIRST) / MINUTE_MS }), fc.constantFrom(0, 0, 0, 17_000))
  .map(([minute, extra]) => FIRST + minute * MINUTE_MS + extra);
const amountArb = fc.integer({ min: 0, max: 6000 });
const unitArb = fc.constantFrom('workingMinutes' as const, 'minutes' as const);
/** Up to three pauses, placed within a month after the start. */
const pausesArb = (start: number) =>
  fc.array(
    fc
      .tuple(fc.integer({ min: -1440, max: 43_200 }), fc.integer({ min: 1, max: 10_000 }))
      .map(([offset, length]): Interval => ({
        from: start + offset * MINUTE_MS,
        to: start + (offset + length) * MINUTE_MS,
      })),
    { maxLength: 3 },
  );
const caseArb = fc
  .record({ calendar: calendarArb, start: startArb, amount: amountArb, unit: unitArb })
  .chain((fields) => pausesArb(fields.start).map((pauses) => ({ ...fields, pauses })));

describe('addDuration (properties)', () => {
  it('is never due before it starts', () => {
    fc.assert(
      fc.property(caseArb, ({ calendar, start, amount, unit, pauses }) => {
        const { dueMs } = addDuration(calendar, start, { amount, unit }, pauses);
        expect(dueMs).toBeGreaterThanOrEqual(start);
      }),
      RUNS,
    );
  });

  it('adds a then b as it adds a + b', () => {
    fc.assert(
      fc.property(caseArb, amountArb, ({ calendar, start, amount, unit, pauses }, more) => {
        const first = addDuration(calendar, start, { amount, unit }, pauses).dueMs;
        const chained = addDuration(calendar, first, { amount: more, unit }, pauses).dueMs;
        const whole = addDuration(calendar, start, { amount: amount + more, unit }, pauses).dueMs;
        expect(chained).toBe(whole);
      }),
      RUNS,
    );
  });

  it('is due inside or at the end of working time, never in a break or on a day off', () => {
    fc.assert(
      fc.property(caseArb, ({ calendar, start, amount, pauses }) => {
        fc.pre(amount > 0);
        const { dueMs } = addDuration(calendar, start, { amount, unit: 'workingMinutes' }, pauses);
        expect(isWorkingInstant(calendar, dueMs - 1)).toBe(true);
        const kind = dayKind(calendar, zonedParts(dueMs - 1, calendar.timeZone).date);
        expect(['workday', 'makeUpWorkday']).toContain(kind);
      }),
      RUNS,
    );
  });

  it('has elapsed exactly its amount at its due time', () => {
    fc.assert(
      fc.property(caseArb, ({ calendar, start, amount, unit, pauses }) => {
        const { dueMs, explanation } = addDuration(calendar, start, { amount, unit }, pauses);
        const working = unit === 'workingMinutes';
        expect(elapsedMinutes(calendar, start, dueMs, working, pauses)).toBe(amount);
        const counted = explanation.intervals.reduce((sum, interval) => sum + interval.minutes, 0);
        expect(Math.round(counted)).toBe(amount);
      }),
      RUNS,
    );
  });

  it('counts elapsed time over years the same whole as in two parts split anywhere', () => {
    const spanArb = fc
      .tuple(
        calendarArb,
        startArb,
        fc.integer({ min: 0, max: 2 * 366 * 1440 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
      )
      .chain(([calendar, start, length, split]) =>
        fc.tuple(
          fc.constant({ calendar, start, end: start + length * MINUTE_MS, split }),
          pausesArb(start),
          fc.boolean(),
        ),
      );
    fc.assert(
      fc.property(spanArb, ([{ calendar, start, end, split }, pauses, working]) => {
        const middle = start + Math.floor(((end - start) * split) / MINUTE_MS) * MINUTE_MS;
        const whole = elapsedMinutes(calendar, start, end, working, pauses);
        const parts =
          elapsedMinutes(calendar, start, middle, working, pauses) +
          elapsedMinutes(calendar, middle, end, working, pauses);
        expect(whole).toBeCloseTo(parts, 6);
      }),
      { numRuns: 100 },
    );
  });
});
