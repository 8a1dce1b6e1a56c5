/**
 * `days` keep the wall clock: the same local time N days later across daylight-saving changes,
 * while `hours` and `minutes` stay elapsed time. London (GMT/BST) and New York (EST/EDT) around
 * both changes of 2026: London springs forward on 29 March and falls back on 25 October, New York
 * on 8 March and 1 November.
 */
import { describe, expect, it } from 'vitest';
import { addDuration, shareReachedAt } from '../../../server/domain/time/calendar-duration.ts';
import { addWallClockDays, formatInstant } from '../../../server/domain/time/time.ts';
import { at, buildCalendar, d, pause, weekdays } from '../../support/calendars.ts';
import type { Duration } from '../../../server/domain/policy/format.ts';

const zoned = (timeZone: string) =>
  buildCalendar({
    label: { 'zh-CN': timeZone, en: timeZone },
    timeZone,
    workingHours: [{ effectiveFrom: '2024-01-01', week: weekdays([['09:00', '17:00']]) }],
    holidays: [],
    makeUpWorkdays: [],
    coverage: undefined,
  });

const london = zoned('Europe/London');
const newYork = zoned('America/New_York');

describe('days on the wall clock', () => {
  it.each([
    {
      description: 'London, a day over the spring change',
      calendar: london,
      start: '2026-03-28T10:00:00+00:00',
      duration: d(1, 'days'),
      due: '2026-03-29T10:00:00+01:00',
      minutes: 23 * 60,
    },
    {
      description: 'London, a week over the autumn change',
      calendar: london,
      start: '2026-10-20T16:30:00+01:00',
      duration: d(7, 'days'),
      due: '2026-10-27T16:30:00+00:00',
      minutes: 7 * 1440 + 60,
    },
    {
      description: 'New York, 15 days over the spring change',
      calendar: newYork,
      start: '2026-03-01T09:15:00-05:00',
      duration: d(15, 'days'),
      due: '2026-03-16T09:15:00-04:00',
      minutes: 15 * 1440 - 60,
    },
    {
      description: 'New York, a day over the autumn change',
      calendar: newYork,
      start: '2026-10-31T23:30:00-04:00',
      duration: d(1, 'days'),
      due: '2026-11-01T23:30:00-05:00',
      minutes: 1440 + 60,
    },
    {
      description: 'London, to a time the clocks skip: moved forward by the gap',
      calendar: london,
      start: '2026-03-28T01:30:00+00:00',
      duration: d(1, 'days'),
      due: '2026-03-29T02:30:00+01:00',
      minutes: 1440,
    },
    {
      description: 'New York, to a time that happens twice: the earlier',
      calendar: newYork,
      start: '2026-10-31T01:30:00-04:00',
      duration: d(1, 'days'),
      due: '2026-11-01T01:30:00-04:00',
      minutes: 1440,
    },
    {
      description: 'London, a day and a half: the half is 12 elapsed hours',
      calendar: london,
      start: '2026-10-24T10:00:00+01:00',
      duration: d(1.5, 'days'),
      due: '2026-10-25T22:00:00+00:00',
      minutes: 1500 + 720,
    },
    {
      description: 'London, 24 hours over the spring change stay elapsed time',
      calendar: london,
      start: '2026-03-28T10:00:00+00:00',
      duration: d(24, 'hours'),
      due: '2026-03-29T11:00:00+01:00',
      minutes: 1440,
    },
    {
      description: 'New York, 1440 minutes over the autumn change stay elapsed time',
      calendar: newYork,
      start: '2026-10-31T23:30:00-04:00',
      duration: d(1440, 'minutes'),
      due: '2026-11-01T22:30:00-05:00',
      minutes: 1440,
    },
    {
      description: 'New York, a day away from any change is 24 hours',
      calendar: newYork,
      start: '2026-06-10T08:00:00-04:00',
      duration: d(1, 'days'),
      due: '2026-06-11T08:00:00-04:00',
      minutes: 1440,
    },
  ])('$description', ({ calendar, start, duration, due, minutes }) => {
    const { explanation } = addDuration(calendar, at(start), duration as Duration);
    expect(explanation.due).toBe(due);
    expect(explanation.minutes).toBe(minutes);
    expect(explanation.intervals.reduce((sum, i) => sum + i.minutes, 0)).toBe(minutes);
  });

  it('keeps the seconds of the start', () => {
    const due = addWallClockDays(at('2026-03-28T10:00:42Z'), 2, 'Europe/London');
    expect(formatInstant(due, 'Europe/London')).toBe('2026-03-30T10:00:42+01:00');
  });

  it('moves the wall-clock due time by the time paused', () => {
    const pauses = [pause('2026-03-30T10:00:00+01:00', '2026-03-30T13:00:00+01:00')];
    const { explanation } = addDuration(london, at('2026-03-27T10:00:00Z'), d(7, 'days'), pauses);
    expect(explanation.due).toBe('2026-04-03T13:00:00+01:00');
  });

  it('reaches a share of the days as a share of their elapsed time', () => {
    // 2 days over the spring change are 47 hours; three quarters of them are 35 h 15 min.
    const at75 = shareReachedAt(london, at('2026-03-28T00:00:00Z'), d(2, 'days'), 0.75);
    expect(formatInstant(at75, 'Europe/London')).toBe('2026-03-29T12:15:00+01:00');
  });
});
