/**
 * The table-based calendar arithmetic against the day-by-day walk it replaced (kept in
 * reference-*.ts): thousands of seeded random starts, durations and pauses on every bundled
 * calendar and on DST zones must give the same due times, explanations, elapsed minutes and errors.
 *
 * One deliberate difference: the walk counted `days` as blocks of 1440 minutes, while `days` now
 * keep the wall clock (the same local time N days later across DST changes). For `days` the walk
 * is asked for the elapsed minutes to that wall-clock time, worked out here with the reference's
 * own zone arithmetic, and must then agree. `closeOfWorkingDay`, which the walk never had, is
 * compared with a walk over the reference's working intervals.
 */
import { describe, expect, it } from 'vitest';
import { bundledTemplates } from '../../../server/adapters/files/bundled-templates.ts';
import { listTemplates, RULESETS_DIR } from '../../../server/adapters/files/template-library.ts';
import type { CalendarDefinition, Duration, Policy } from '../../../server/domain/policy/format.ts';
import type { Interval } from '../../../server/domain/time/calendar.ts';
import { addDuration, elapsedMinutes } from '../../../server/domain/time/calendar-duration.ts';
import {
  berlin,
  buildCalendar,
  changing,
  office,
  splitShift,
  weekdays,
} from '../../support/calendars.ts';
import * as reference from './reference-calendar-duration.ts';
import { workingIntervalsOn as referenceIntervalsOn } from './reference-calendar.ts';
import * as referenceTime from './reference-time.ts';

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function seeded(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (below: number) => Math.floor(next() * below);
  const pick = <T>(values: readonly T[]): T => values[int(values.length)] as T;
  return { next, int, pick };
}

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const FROM = Date.parse('2023-12-20T00:00:00Z');
const SPAN_DAYS = 1300;
const UNITS: Duration['unit'][] = [
  'minutes',
  'hours',
  'days',
  'workingMinutes',
  'workingHours',
  'workingDays',
];

/** Every calendar the templates bundle, by template and name. */
function bundledCalendars(): [string, CalendarDefinition][] {
  const templates = bundledTemplates();
  return listTemplates(RULESETS_DIR, RULESETS_DIR).flatMap(({ id }) =>
    Object.entries((templates.load(id) as Policy).calendars ?? {}).map(
      ([name, calendar]) => [`${id}/${name}`, calendar] as [string, CalendarDefinition],
    ),
  );
}

const dst = (timeZone: string, ranges: [string, string][]) =>
  buildCalendar({
    label: { 'zh-CN': timeZone, en: timeZone },
    timeZone,
    workingHours: [{ effectiveFrom: '2024-01-01', week: weekdays(ranges) }],
    holidays: [],
    makeUpWorkdays: [],
    coverage: undefined,
  });

const CALENDARS: [string, CalendarDefinition][] = [
  ...bundledCalendars(),
  ['office', office],
  ['splitShift', splitShift],
  ['berlin', berlin],
  ['changing', changing],
  // Ranges across the hours the clocks skip or repeat.
  [
    'London small hours',
    dst('Europe/London', [
      ['00:30', '03:00'],
      ['09:00', '17:00'],
    ]),
  ],
  [
    'New York small hours',
    dst('America/New_York', [
      ['01:00', '03:30'],
      ['09:00', '24:00'],
    ]),
  ],
  ['New York all day', dst('America/New_York', [['00:00', '24:00']])],
];

type Case = { startMs: number; duration: Duration; pauses: Interval[]; endMs: number };

/** A start on a whole minute, sometimes on a working-range boundary; a share of pauses. */
function randomCase(random: ReturnType<typeof seeded>): Case {
  const day = FROM + random.int(SPAN_DAYS) * DAY_MS;
  const startMs =
    random.next() < 0.3
      ? day + random.pick([0, 30, 60, 150, 210, 240, 270, 300, 360, 390, 510]) * MINUTE_MS
      : day + random.int(1440) * MINUTE_MS + (random.next() < 0.1 ? random.int(60) * 1000 : 0);
  const unit = random.pick(UNITS);
  const scale = unit.endsWith('inutes') ? 2000 : unit.endsWith('ours') ? 60 : 12;
  const amount =
    random.next() < 0.1
      ? 0
      : random.next() < 0.3
        ? random.int(scale) * 0.75
        : random.int(scale) + 1;
  const pauses: Interval[] = [];
  for (let i = random.int(4); i > 0; i -= 1) {
    const from = startMs + (random.int(20 * 24) - 24) * HOUR_MS + random.int(60) * MINUTE_MS;
    const length = random.pick([0, 30 * MINUTE_MS, 2 * HOUR_MS, DAY_MS, 5 * DAY_MS]);
    pauses.push({ from, to: from + length + random.int(4) * HOUR_MS });
  }
  const endMs = startMs + (random.int(30 * 24) - 24) * HOUR_MS + random.int(60) * MINUTE_MS;
  return { startMs, duration: { amount, unit }, pauses, endMs };
}

/**
 * The reference's `addDuration` for a duration, `days` given as the elapsed minutes until the same
 * wall clock N days later (whole days on the local date, a fraction as 24-hour time), with the
 * explanation naming the duration as asked.
 */
function referenceAdd(
  calendar: CalendarDefinition,
  startMs: number,
  duration: Duration,
  pauses: Interval[],
) {
  if (duration.unit !== 'days') return reference.addDuration(calendar, startMs, duration, pauses);
  const { timeZone } = calendar;
  const whole = Math.floor(duration.amount);
  let targetMs = startMs;
  if (whole > 0) {
    const { date, minuteOfDay } = referenceTime.zonedParts(startMs, timeZone);
    const seconds = (((startMs % MINUTE_MS) + MINUTE_MS) % MINUTE_MS) / MINUTE_MS;
    const day = referenceTime.addDaysToDate(date, whole);
    targetMs = referenceTime.zonedToInstant(day, minuteOfDay + seconds, timeZone);
  }
  targetMs += Math.round((duration.amount - whole) * DAY_MS);
  const minutes = { amount: (targetMs - startMs) / MINUTE_MS, unit: 'minutes' } as Duration;
  const added = reference.addDuration(calendar, startMs, minutes, pauses);
  return { ...added, explanation: { ...added.explanation, duration } };
}

/** The value, or the error's code: both implementations must fail alike. */
function outcome<T>(run: () => T): T | { code: unknown } {
  try {
    return run();
  } catch (error) {
    return { code: (error as { code?: unknown }).code ?? String(error) };
  }
}

describe('calendar tables against the day-by-day walk', () => {
  it.each(CALENDARS.map(([name, calendar], index) => ({ name, calendar, index })))(
    'agree on $name',
    ({ calendar, index }) => {
      const random = seeded(1_000 + index);
      let compared = 0;
      for (let i = 0; i < 400; i += 1) {
        const { startMs, duration, pauses, endMs } = randomCase(random);
        const context = { i, start: new Date(startMs).toISOString(), duration, pauses };
        expect({
          context,
          got: outcome(() => addDuration(calendar, startMs, duration, pauses)),
        }).toEqual({
          context,
          got: outcome(() => referenceAdd(calendar, startMs, duration, pauses)),
        });
        const working = reference.isWorkingUnit(duration.unit);
        expect({
          context,
          got: outcome(() => elapsedMinutes(calendar, startMs, endMs, working, pauses)),
        }).toEqual({
          context,
          got: outcome(() => reference.elapsedMinutes(calendar, startMs, endMs, working, pauses)),
        });
        compared += 2;
      }
      expect(compared).toBe(800);
    },
  );
});

/**
 * The close of the nth working day after the start's local date, walking the reference's working
 * intervals date by date; then, with pauses, the walk counts the working minutes until that close.
 */
function referenceClose(
  calendar: CalendarDefinition,
  startMs: number,
  n: number,
  pauses: Interval[],
): number {
  let date = referenceTime.zonedParts(startMs, calendar.timeZone).date;
  let closeMs = startMs;
  for (let found = 0; found < n;) {
    date = referenceTime.addDaysToDate(date, 1);
    const intervals = referenceIntervalsOn(calendar, date);
    if (intervals.length > 0) {
      found += 1;
      closeMs = intervals.at(-1)!.to;
    }
  }
  const minutes = reference.elapsedMinutes(calendar, startMs, closeMs, true);
  const duration = { amount: minutes, unit: 'workingMinutes' } as Duration;
  return reference.addDuration(calendar, startMs, duration, pauses).dueMs;
}

describe('the close of the Nth working day against a walk over the days', () => {
  it.each(CALENDARS.map(([name, calendar], index) => ({ name, calendar, index })))(
    'agree on $name',
    ({ calendar, index }) => {
      const random = seeded(5_000 + index);
      for (let i = 0; i < 100; i += 1) {
        const { startMs, pauses } = randomCase(random);
        const n = random.int(15) + 1;
        const duration: Duration = { amount: n, unit: 'closeOfWorkingDay' };
        const context = { i, start: new Date(startMs).toISOString(), n, pauses };
        expect({ context, due: addDuration(calendar, startMs, duration, pauses).dueMs }).toEqual({
          context,
          due: referenceClose(calendar, startMs, n, pauses),
        });
      }
    },
  );
});

/** Office hours until 2024-12-31, none from 2025, office hours again `idle` days later. */
function withGap(idle: number): CalendarDefinition {
  const resumes = new Date(Date.parse('2024-12-31T00:00:00Z') + (idle + 1) * DAY_MS);
  return buildCalendar({
    workingHours: [
      { effectiveFrom: '2024-01-01', week: weekdays([['09:00', '17:00']]) },
      { effectiveFrom: '2025-01-01', week: {} },
      { effectiveFrom: resumes.toISOString().slice(0, 10), week: weekdays([['09:00', '17:00']]) },
    ],
    holidays: [],
    makeUpWorkdays: [],
    coverage: undefined,
  });
}

const allDay = dst('Asia/Shanghai', [['00:00', '24:00']]);
const START = Date.parse('2024-12-31T08:00:00Z');

describe('calendar tables against the day-by-day walk at the three-year limit', () => {
  it.each([
    ...[1098, 1099, 1100, 1101, 1102, 1103].map((idle) => ({
      description: `a gap of ${idle} days in the working hours`,
      calendar: withGap(idle),
      duration: { amount: 2, unit: 'workingDays' } as Duration,
      pauses: [] as Interval[],
    })),
    ...[1099, 1100, 1101, 1102].flatMap((days) =>
      (['minutes', 'workingMinutes'] as const).map((unit) => ({
        description: `a pause of ${days} days, counting ${unit}`,
        calendar: allDay,
        duration: { amount: 90, unit } as Duration,
        pauses: [{ from: START - HOUR_MS, to: START + days * DAY_MS + 2 * HOUR_MS }],
      })),
    ),
    {
      description: 'a pause that never ends',
      calendar: office,
      duration: { amount: 1, unit: 'workingHours' } as Duration,
      pauses: [{ from: START + HOUR_MS, to: Infinity }],
    },
  ])('agree on $description', ({ calendar, duration, pauses }) => {
    const got = outcome(() => addDuration(calendar, START, duration, pauses));
    expect(got).toEqual(outcome(() => reference.addDuration(calendar, START, duration, pauses)));
  });

  it('gives up on a calendar without working time, as the walk did', () => {
    const none = buildCalendar({ workingHours: [] });
    const run = (add: typeof addDuration) =>
      outcome(() => add(none, START, { amount: 1, unit: 'workingMinutes' }));
    expect(run(addDuration)).toEqual({ code: 'calendar_no_working_time' });
    expect(run(addDuration)).toEqual(run(reference.addDuration));
  });
});
