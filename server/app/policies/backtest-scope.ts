/** Which stored cases a backtest replays: a period of received dates, a sample size, or both. */
import { addDaysToDate, parseInstant, zonedToInstant } from '../../domain/time/time.ts';
import { AppError } from '../app-error.ts';

/** What a backtest is asked for. */
export type BacktestInput = {
  /** First day received, "YYYY-MM-DD" in the policy's time zone (inclusive). */
  from?: string;
  /** Last day received, "YYYY-MM-DD" (inclusive). */
  to?: string;
  /** How many cases to replay, spread over the period (1 … MAX_SAMPLE). */
  sample?: number;
  /** The draft to compare, as a document (full or extends form); default the company's draft. */
  document?: unknown;
};

/** The largest sample a backtest takes. */
export const MAX_SAMPLE = 100_000;

/** The months to scan (none: every case), the test on a case's receipt, the sample size. */
export type BacktestScope = {
  months?: string[];
  contains: (receivedAt: string) => boolean;
  sample?: number;
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function periodError(field: 'from' | 'to', message: string): AppError {
  return new AppError('backtest_period_invalid', `${field}: ${message}`, { field }, [
    { property: `.${field}`, message },
  ]);
}

/** The date as a day's start in the zone. @throws backtest_period_invalid naming the field */
function dayStart(date: string, field: 'from' | 'to', timeZone: string): number {
  if (!DATE.test(date) || !isRealDate(date)) throw periodError(field, 'must be a date YYYY-MM-DD');
  return zonedToInstant(date, 0, timeZone);
}

function isRealDate(date: string): boolean {
  try {
    return addDaysToDate(date, 0) === date;
  } catch {
    return false;
  }
}

function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let [year, month] = first.split('-').map(Number) as [number, number];
  for (let m = first; m <= last;) {
    months.push(m);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
    m = `${year}-${String(month).padStart(2, '0')}`;
  }
  return months;
}

/**
 * The scope of a backtest; dates are read in the policy's time zone.
 * @throws backtest_period_invalid (a bad date, from after to, one without the other),
 *   backtest_sample_invalid
 */
export function backtestScope(input: BacktestInput, timeZone: string): BacktestScope {
  const { from, to, sample } = input;
  if (sample !== undefined && (!Number.isInteger(sample) || sample < 1 || sample > MAX_SAMPLE))
    throw new AppError('backtest_sample_invalid', `sample must be 1..${MAX_SAMPLE}`, { sample }, [
      { property: '.sample', message: `a whole number from 1 to ${MAX_SAMPLE}` },
    ]);
  if (from === undefined && to === undefined) {
    if (sample === undefined)
      throw periodError('from', 'give a period (from and to) or a sample size');
    return { contains: () => true, sample };
  }
  if (from === undefined) throw periodError('from', 'required with to');
  if (to === undefined) throw periodError('to', 'required with from');
  const startMs = dayStart(from, 'from', timeZone);
  dayStart(to, 'to', timeZone);
  const endMs = zonedToInstant(addDaysToDate(to, 1), 0, timeZone);
  if (startMs >= endMs) throw periodError('to', 'must not be before from');
  return {
    months: monthsBetween(from.slice(0, 7), to.slice(0, 7)),
    contains: (receivedAt) => {
      const ms = parseInstant(receivedAt);
      return ms >= startMs && ms < endMs;
    },
    ...(sample !== undefined ? { sample } : {}),
  };
}
