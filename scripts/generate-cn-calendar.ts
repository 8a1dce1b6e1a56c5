/**
 * Writes rulesets/calendars/cn-official-2024-2026.json: China's official holidays and 调休 make-up
 * working days for 2024–2026, from the chinese-days package (which transcribes the State Council's
 * notices). Run with `npm run calendar:cn`.
 */
import { writeFileSync } from 'node:fs';
import chineseDays from 'chinese-days';
import type { CalendarDay } from '../server/domain/policy/format.ts';
import { addDaysToDate, weekdayOfDate } from '../server/domain/time/time.ts';

const COVERAGE = { from: '2024-01-01', to: '2026-12-31' };
const SOURCE = 'chinese-days 1.5.7 (State Council notices for 2024, 2025, 2026)';
const OUTPUT = new URL('../rulesets/calendars/cn-official-2024-2026.json', import.meta.url);

const isWeekend = (date: string) => ['sat', 'sun'].includes(weekdayOfDate(date));
const isCovered = (date: string) => COVERAGE.from <= date && date <= COVERAGE.to;

/** chinese-days names a listed day "Spring Festival,春节,4" (English, Chinese, days by law). */
function nameOf(date: string): CalendarDay['name'] {
  const [en, zh] = chineseDays.getDayDetail(date).name.split(',');
  if (!en || !zh) throw new Error(`chinese-days has no festival name for ${date}`);
  return { 'zh-CN': zh, en };
}

/**
 * A notice that says "与周末连休" (e.g. 2024 端午: 6月10日放假，与周末连休) lists only the weekday;
 * the weekend days next to it belong to the same holiday period, so they join it under its name.
 */
function withAdjacentWeekends(holidays: CalendarDay[], makeUp: Set<string>): CalendarDay[] {
  const byDate = new Map(holidays.map((day) => [day.date, day]));
  for (const day of holidays) {
    for (const step of [-1, 1]) {
      let date = addDaysToDate(day.date, step);
      while (isCovered(date) && isWeekend(date) && !makeUp.has(date) && !byDate.has(date)) {
        byDate.set(date, { date, name: day.name });
        date = addDaysToDate(date, step);
      }
    }
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}

function buildCalendar() {
  const listed = chineseDays.getHolidaysInRange(COVERAGE.from, COVERAGE.to, false);
  const makeUpDates = chineseDays
    .getWorkdaysInRange(COVERAGE.from, COVERAGE.to, true)
    .filter(isWeekend);
  const makeUpWorkdays = makeUpDates.map((date) => ({ date, name: nameOf(date) }));
  const holidays = withAdjacentWeekends(
    listed.map((date) => ({ date, name: nameOf(date) })),
    new Set(makeUpDates),
  );
  return { holidays, makeUpWorkdays };
}

// One day per line keeps the file readable and its diffs small.
function serialize(days: CalendarDay[]): string {
  return `[\n${days.map((day) => `    ${JSON.stringify(day)}`).join(',\n')}\n  ]`;
}

const { holidays, makeUpWorkdays } = buildCalendar();
const json = [
  '{',
  `  "source": ${JSON.stringify(SOURCE)},`,
  `  "coverage": ${JSON.stringify(COVERAGE)},`,
  `  "holidays": ${serialize(holidays)},`,
  `  "makeUpWorkdays": ${serialize(makeUpWorkdays)}`,
  '}',
  '',
].join('\n');
writeFileSync(OUTPUT, json);
console.log(`${holidays.length} holidays, ${makeUpWorkdays.length} make-up working days`);
