import { describe, it, expect } from 'vitest';
import cn from '../../../rulesets/calendars/cn-official-2024-2026.json' with { type: 'json' };
import { addDaysToDate, weekdayOfDate } from '../../../server/domain/time/time.ts';

const holidays = new Map(cn.holidays.map((day) => [day.date, day.name]));
const makeUpWorkdays = new Map(cn.makeUpWorkdays.map((day) => [day.date, day.name]));

function datesFrom(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let date = from; date <= to; date = addDaysToDate(date, 1)) dates.push(date);
  return dates;
}

// From the State Council notices (国务院办公厅关于部分节假日安排的通知) for 2024, 2025 and 2026.
describe('the official CN calendar 2024–2026', () => {
  it.each([
    { description: '2026 Spring Festival', from: '2026-02-15', to: '2026-02-23', zh: '春节' },
    { description: '2026 National Day', from: '2026-10-01', to: '2026-10-07', zh: '国庆节' },
    { description: '2026 New Year', from: '2026-01-01', to: '2026-01-03', zh: '元旦' },
    { description: '2025 Spring Festival', from: '2025-01-28', to: '2025-02-04', zh: '春节' },
    { description: '2024 Spring Festival', from: '2024-02-10', to: '2024-02-17', zh: '春节' },
    {
      description: '2024 Dragon Boat, "与周末连休"',
      from: '2024-06-08',
      to: '2024-06-10',
      zh: '端午',
    },
  ])('gives $description off ($from…$to) as $zh', ({ from, to, zh }) => {
    for (const date of datesFrom(from, to)) expect(holidays.get(date)?.['zh-CN']).toBe(zh);
    expect(holidays.has(addDaysToDate(from, -1))).toBe(false);
    expect(holidays.has(addDaysToDate(to, 1))).toBe(false);
  });

  it.each([
    { date: '2026-02-14', weekday: 'sat', zh: '春节' },
    { date: '2026-02-28', weekday: 'sat', zh: '春节' },
    { date: '2026-01-04', weekday: 'sun', zh: '元旦' },
    { date: '2026-09-20', weekday: 'sun', zh: '国庆节' },
    { date: '2026-10-10', weekday: 'sat', zh: '国庆节' },
    { date: '2025-01-26', weekday: 'sun', zh: '春节' },
    { date: '2025-02-08', weekday: 'sat', zh: '春节' },
    { date: '2024-02-18', weekday: 'sun', zh: '春节' },
  ])('makes $date ($weekday) a 调休 working day for $zh', ({ date, weekday, zh }) => {
    expect(weekdayOfDate(date)).toBe(weekday);
    expect(makeUpWorkdays.get(date)?.['zh-CN']).toBe(zh);
  });

  it('gives the 2025 National Day and Mid-Autumn Festival off together (10-01…10-08)', () => {
    const names = datesFrom('2025-09-30', '2025-10-09').map(
      (date) => holidays.get(date)?.['zh-CN'],
    );
    expect(names).toEqual([
      undefined,
      '国庆节',
      '国庆节',
      '国庆节',
      '国庆节',
      '国庆节',
      '中秋',
      '国庆节',
      '国庆节',
      undefined,
    ]);
  });

  it('makes only weekend days make-up days, never a holiday', () => {
    for (const date of makeUpWorkdays.keys()) {
      expect(['sat', 'sun']).toContain(weekdayOfDate(date));
      expect(holidays.has(date)).toBe(false);
    }
  });

  it('names every day in Chinese and English, within the coverage, sorted and once', () => {
    for (const list of [cn.holidays, cn.makeUpWorkdays]) {
      const dates = list.map((day) => day.date);
      expect(dates).toEqual([...new Set(dates)].sort());
      for (const day of list) {
        expect(day.name['zh-CN']).toMatch(/\p{Script=Han}/u);
        expect(day.name.en).toMatch(/^[A-Z]/);
        expect(day.date >= cn.coverage.from && day.date <= cn.coverage.to).toBe(true);
      }
    }
  });
});
