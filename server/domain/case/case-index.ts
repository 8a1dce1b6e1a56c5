/**
 * What a store indexes of a case so that lists, the sweep and reports ask for the cases they need
 * instead of reading every case: moments from the clocks' schedules, in epoch milliseconds.
 */
import { parseInstant } from '../time/time.ts';
import type { Case } from './case.ts';

/** The moments a store keeps per case; null where the case has none. */
export type CaseMoments = {
  /** The earliest due time of a running clock. */
  nextDue: number | null;
  /** The earliest warning moment of a running clock. */
  firstWarning: number | null;
  /** The next moment the clock sweep has something to do: a level reached but not yet raised. */
  sweepAt: number | null;
};

const earliest = (a: number | null, b: number): number => (a === null ? b : Math.min(a, b));

/**
 * The case's moments, from its running clocks' schedules (paused and stopped clocks have none
 * that moves on its own). A running clock without a schedule yet is due for the sweep at once (0).
 */
export function caseMoments(current: Case): CaseMoments {
  let nextDue: number | null = null;
  let firstWarning: number | null = null;
  let sweepAt: number | null = null;
  if (current.terminal) return { nextDue, firstWarning, sweepAt };
  for (const clock of Object.values(current.clocks)) {
    if (clock.status !== 'running') continue;
    if (!clock.schedule) {
      sweepAt = 0;
      continue;
    }
    nextDue = earliest(nextDue, parseInstant(clock.schedule.dueAt));
    for (const [level, at] of Object.entries(clock.schedule.warnings)) {
      firstWarning = earliest(firstWarning, parseInstant(at));
      if (!clock.warned.includes(Number(level))) sweepAt = earliest(sweepAt, parseInstant(at));
    }
    for (const [level, at] of Object.entries(clock.schedule.escalations))
      if (!clock.escalated.includes(Number(level))) sweepAt = earliest(sweepAt, parseInstant(at));
  }
  return { nextDue, firstWarning, sweepAt };
}
