/** Durations of the deadline clocks (时限): an amount of minutes, hours or days, working or calendar. */
import type { Policy } from '../../api/types.ts';

/** A deadline clock (时限) of the policy. */
export type Clock = Policy['clocks'][string];

/** What a part of a clock's rows gets: the clock, its name, and a way to change it in the draft. */
export type ClockPart = {
  clock: Clock;
  name: string;
  setClock: (change: (clock: Clock) => void) => void;
};

/** A duration as the policy writes it. */
export type Duration = { amount: number; unit: Unit };
/**
 * The policy's units: a base unit in calendar time or working time, or "by the close of the Nth
 * working day" (closeOfWorkingDay).
 */
export type Unit =
  | 'minutes'
  | 'hours'
  | 'days'
  | 'workingMinutes'
  | 'workingHours'
  | 'workingDays'
  | 'closeOfWorkingDay';
/** The unit without the working/calendar distinction. */
export type Base = 'minutes' | 'hours' | 'days';
/** How a duration counts: working time, calendar time, or to the close of a working day. */
export type TimeKind = 'working' | 'calendar' | 'close';
/** What starts or stops a clock: the case opening, a transition, or entering a state. */
export type Trigger = Clock['start'][number];
/** A warning or escalation level of a clock. */
export type Level = NonNullable<Clock['warnings']>[number];

/** The base units, in the order the unit picker offers them. */
export const BASES: Base[] = ['minutes', 'hours', 'days'];
/** The kinds of time, in the order the picker offers them. */
export const TIME_KINDS: TimeKind[] = ['working', 'calendar', 'close'];

/** A unit's base and kind of time ("workingDays" → days, working; "closeOfWorkingDay" → days, close). */
export function splitUnit(unit: Unit): { base: Base; kind: TimeKind } {
  if (unit === 'closeOfWorkingDay') return { base: 'days', kind: 'close' };
  const working = unit.startsWith('working');
  const base = (working ? unit.slice(7).toLowerCase() : unit) as Base;
  return { base, kind: working ? 'working' : 'calendar' };
}

/** The unit for a base and kind of time (days, working → "workingDays"; any, close → closeOfWorkingDay). */
export function joinUnit(base: Base, kind: TimeKind): Unit {
  if (kind === 'close') return 'closeOfWorkingDay';
  return (kind === 'working' ? `working${base[0]?.toUpperCase()}${base.slice(1)}` : base) as Unit;
}

/** The duration in another unit; to the close of a working day, the amount a whole number from 1. */
export function withUnit(d: Duration, unit: Unit): Duration {
  if (unit !== 'closeOfWorkingDay') return { ...d, unit };
  return { amount: Math.max(1, Math.round(d.amount)), unit };
}

/** "3 个工作日" / "7 天（日历时间）" / "第 3 个工作日下班前". */
export function describeDuration(d: Duration, t: (key: string, o?: object) => string): string {
  const { base, kind } = splitUnit(d.unit);
  if (kind === 'close') return t('deadlines.durationClose', { amount: d.amount });
  const working = kind === 'working';
  return t(working ? 'deadlines.durationWorking' : 'deadlines.durationCalendar', {
    amount: d.amount,
    unit: t(working ? `deadlines.workingUnits.${base}` : `deadlines.units.${base}`, {
      count: d.amount,
    }),
  });
}
