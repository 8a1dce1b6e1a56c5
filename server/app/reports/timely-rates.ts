/** The timely rate per clock: of the clocks that stopped or ran past due, how many were on time. */
import type { Case, ClockState } from '../../domain/case/case.ts';
import { clockDue } from '../../domain/clocks/clocks.ts';
import type { Policy } from '../../domain/policy/format.ts';
import { parseInstant } from '../../domain/time/time.ts';
import type { Report } from './report.ts';

/** Past due at `nowMs` (a stopped clock: when it stopped), from its schedule where it has one. */
function isOverdue(policy: Policy, clock: ClockState, nowMs: number): boolean {
  if (!clock.schedule) return clockDue(policy, clock, nowMs).overdue;
  const end = clock.stoppedAt === undefined ? nowMs : parseInstant(clock.stoppedAt);
  return end > parseInstant(clock.schedule.dueAt);
}

/** A case's decided clocks (stopped, or running but already overdue), each late or on time. */
export function decidedClocks(
  policy: Policy,
  c: Case,
  nowMs: number,
): { clock: string; late: boolean }[] {
  const decided: { clock: string; late: boolean }[] = [];
  for (const clock of Object.values(c.clocks)) {
    const overdue = isOverdue(policy, clock, nowMs);
    if (clock.status === 'stopped' || overdue) decided.push({ clock: clock.id, late: overdue });
  }
  return decided;
}

/** Counts a case's decided clocks: counted, and timely when not late. */
export function countClocks(report: Report, policy: Policy, c: Case, nowMs: number): void {
  for (const { clock, late } of decidedClocks(policy, c, nowMs)) {
    const entry = (report.clocks[clock] ??= { counted: 0, timely: 0, rate: null });
    entry.counted += 1;
    if (!late) entry.timely += 1;
  }
}

/** Each clock's rate from its counts (null where none was counted). */
export function setTimelyRates(report: Report): void {
  for (const clock of Object.values(report.clocks))
    clock.rate = clock.counted ? clock.timely / clock.counted : null;
}
