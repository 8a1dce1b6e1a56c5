/**
 * What each duration unit counts from a start: elapsed minutes and hours, wall-clock days, working
 * time, N standard working days, or working time until the close of the Nth working day.
 */
import { standardDayMinutesAt } from './calendar.ts';
import { closeOfWorkingDay, countedBetween } from './calendar-count.ts';
import { DomainError } from '../errors.ts';
import type { CalendarDefinition, Duration } from '../policy/format.ts';
import { addWallClockDays, formatInstant, zonedParts } from './time.ts';

const MINUTE_MS = 60_000;

/** True for the units counted on working intervals only. */
export function isWorkingUnit(unit: Duration['unit']): boolean {
  return (
    unit === 'workingMinutes' ||
    unit === 'workingHours' ||
    unit === 'workingDays' ||
    unit === 'closeOfWorkingDay'
  );
}

function noWorkingDay(calendar: CalendarDefinition, startMs: number): DomainError {
  return new DomainError('calendar_no_working_time', 'no working hours in the week', {
    calendar: calendar.label,
    after: formatInstant(startMs, calendar.timeZone),
  });
}

/**
 * The minutes a duration counts from `startMs` (before pauses): `days` as far as the same wall
 * clock N days later, `workingDays` as N standard days, `closeOfWorkingDay` as the working time
 * until the close of the Nth working day after the day of receipt.
 * @throws policy_invalid for a negative or non-finite amount, or a `closeOfWorkingDay` amount that
 * is not a whole number from 1
 * @throws calendar_no_working_time for a working-day unit on a week without working hours
 */
export function durationMinutes(
  calendar: CalendarDefinition,
  startMs: number,
  duration: Duration,
): number {
  const { amount, unit } = duration;
  if (!Number.isFinite(amount) || amount < 0) {
    throw new DomainError('policy_invalid', `invalid duration amount: ${amount}`, { duration });
  }
  switch (unit) {
    case 'minutes':
    case 'workingMinutes':
      return amount;
    case 'hours':
    case 'workingHours':
      return amount * 60;
    case 'days':
      return (addWallClockDays(startMs, amount, calendar.timeZone) - startMs) / MINUTE_MS;
    case 'workingDays': {
      const day = standardDayMinutesAt(calendar, startMs);
      if (day === 0 && amount > 0) throw noWorkingDay(calendar, startMs);
      return amount * day;
    }
    case 'closeOfWorkingDay': {
      if (!Number.isInteger(amount) || amount < 1) {
        throw new DomainError('policy_invalid', `invalid working-day count: ${amount}`, {
          duration,
        });
      }
      const closeMs = closeOfWorkingDay(calendar, startMs, amount);
      return countedBetween(calendar, true, startMs, closeMs) / MINUTE_MS;
    }
  }
}

/**
 * For a `closeOfWorkingDay` duration started at `startMs`, the local date whose close is due (as the
 * explanation's `closeOf`); nothing for other units.
 */
export function closeDate(calendar: CalendarDefinition, startMs: number, duration: Duration) {
  if (duration.unit !== 'closeOfWorkingDay') return {};
  const closeMs = closeOfWorkingDay(calendar, startMs, duration.amount);
  return { closeOf: zonedParts(closeMs - 1, calendar.timeZone).date };
}
