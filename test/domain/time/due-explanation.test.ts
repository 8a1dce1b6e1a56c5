/** The explanation of a due time: the intervals counted, the holidays and 调休 days, the pauses. */
import { describe, it, expect } from 'vitest';
import { addDuration } from '../../../server/domain/time/calendar-duration.ts';
import { office, at, pause, d } from '../../support/calendars.ts';

describe('the explanation of a due time', () => {
  it('shows the intervals, the 春节 days and the 调休 day of the Spring Festival case', () => {
    const { explanation } = addDuration(
      office,
      at('2026-02-13T17:30:00+08:00'),
      d(3, 'workingDays'),
    );
    expect(explanation).toMatchObject({
      timeZone: 'Asia/Shanghai',
      start: '2026-02-13T17:30:00+08:00',
      due: '2026-02-25T17:30:00+08:00',
      minutes: 1440,
      pauses: [],
      outsideCoverage: false,
    });
    expect(explanation.intervals[0]).toEqual({
      from: '2026-02-14T08:30:00+08:00',
      to: '2026-02-14T12:00:00+08:00',
      minutes: 210,
    });
    expect(explanation.intervals.map((interval) => interval.from.slice(0, 10))).toEqual([
      '2026-02-14',
      '2026-02-14',
      '2026-02-24',
      '2026-02-24',
      '2026-02-25',
      '2026-02-25',
    ]);
    expect(explanation.intervals.reduce((sum, interval) => sum + interval.minutes, 0)).toBe(1440);
    expect(explanation.days[0]).toEqual({
      date: '2026-02-14',
      kind: 'makeUpWorkday',
      name: { 'zh-CN': '春节', en: 'Spring Festival' },
    });
    const holidays = explanation.days.filter((day) => day.kind === 'holiday');
    expect(holidays.map((day) => day.date)).toEqual([
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
      '2026-02-23',
    ]);
    expect(new Set(explanation.days.map((day) => day.name['zh-CN']))).toEqual(new Set(['春节']));
  });

  it('shows only the paused parts that would have counted', () => {
    const pauses = [pause('2026-02-12T17:00:00+08:00', '2026-02-24T10:00:00+08:00')];
    const { explanation } = addDuration(
      office,
      at('2026-02-12T16:00:00+08:00'),
      d(8, 'workingHours'),
      pauses,
    );
    expect(
      explanation.pauses.map(({ from, to }) => `${from.slice(5, 16)}–${to.slice(11, 16)}`),
    ).toEqual([
      '02-12T17:00–17:30',
      '02-13T08:30–12:00',
      '02-13T13:00–17:30',
      '02-14T08:30–12:00',
      '02-14T13:00–17:30',
      '02-24T08:30–10:00',
    ]);
    expect(explanation.intervals.reduce((sum, interval) => sum + interval.minutes, 0)).toBe(480);
  });

  it('lists calendar time as un-paused stretches', () => {
    const pauses = [pause('2026-03-04T00:00:00+08:00', '2026-03-04T06:00:00+08:00')];
    const { explanation } = addDuration(
      office,
      at('2026-03-03T10:00:00+08:00'),
      d(2, 'days'),
      pauses,
    );
    expect(explanation.intervals).toEqual([
      { from: '2026-03-03T10:00:00+08:00', to: '2026-03-04T00:00:00+08:00', minutes: 840 },
      { from: '2026-03-04T06:00:00+08:00', to: '2026-03-05T16:00:00+08:00', minutes: 2040 },
    ]);
    expect(explanation.pauses).toEqual([
      { from: '2026-03-04T00:00:00+08:00', to: '2026-03-04T06:00:00+08:00', minutes: 360 },
    ]);
  });

  it.each([
    { description: 'inside the coverage', start: '2026-12-30T09:00:00+08:00', outside: false },
    {
      description: 'past the end of the coverage',
      start: '2026-12-31T09:00:00+08:00',
      outside: true,
    },
    { description: 'before the coverage', start: '2023-12-29T09:00:00+08:00', outside: true },
  ])('flags a count $description', ({ start, outside }) => {
    const { explanation } = addDuration(office, at(start), d(1, 'workingDays'));
    expect(explanation.outsideCoverage).toBe(outside);
  });
});
