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
/** The policy's units: a base unit, in calendar time or working time. */
export type Unit = 'minutes' | 'hours' | 'days' | 'workingMinutes' | 'workingHours' | 'workingDays';
/** The unit without the working/calendar distinction. */
export type Base = 'minutes' | 'hours' | 'days';
/** What starts or stops a clock: the case opening, a transition, or entering a state. */
export type Trigger = Clock['start'][number];
/** A warning or escalation level of a clock. */
export type Level = NonNullable<Clock['warnings']>[number];

/** The base units, in the order the unit picker offers them. */
export const BASES: Base[] = ['minutes', 'hours', 'days'];

/** A unit's base and whether it counts working time ("workingDays" → days, working). */
export function splitUnit(unit: Unit): { base: Base; working: boolean } {
  const working = unit.startsWith('working');
  const base = (working ? unit.slice(7).toLowerCase() : unit) as Base;
  return { base, working };
}

/** The unit for a base in working or calendar time (days, working → "workingDays"). */
export function joinUnit(base: Base, working: boolean): Unit {
  return (working ? `working${base[0]?.toUpperCase()}${base.slice(1)}` : base) as Unit;
}

/** "3 个工作日" / "7 天（日历时间）". */
export function describeDuration(d: Duration, t: (key: string, o?: object) => string): string {
  const { base, working } = splitUnit(d.unit);
  return t(working ? 'deadlines.durationWorking' : 'deadlines.durationCalendar', {
    amount: d.amount,
    unit: t(working ? `deadlines.workingUnits.${base}` : `deadlines.units.${base}`),
  });
}
