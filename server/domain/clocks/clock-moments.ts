/**
 * The one reckoning of a clock's moments — its due time and when each warning and escalation level
 * is reached — used by the schedule, by the sweep of a clock without one, and when a clock stops
 * (escalations it missed). Pauses count the same way everywhere: time paused does not run, before
 * or after the due time.
 */
import type { ClockState } from '../case/case.ts';
import { dueAfter, shareReachedAt } from '../time/calendar-duration.ts';
import type { Policy } from '../policy/format.ts';
import { parseInstant } from '../time/time.ts';
import { clockDefinition } from './clocks.ts';

/** A clock's moments in epoch milliseconds, per level number. */
export type ClockMoments = {
  dueMs: number;
  warnings: Map<number, number>;
  escalations: Map<number, number>;
};

/**
 * The clock's moments as of `untilMs`: a pause still open counts as lasting until then (for a
 * stopped clock, pass its stop time).
 * @throws unknown_clock, calendar_unknown, and the calendar's codes (see dueAfter)
 */
export function clockMoments(policy: Policy, clock: ClockState, untilMs: number): ClockMoments {
  const { definition, calendar } = clockDefinition(policy, clock.id);
  const start = parseInstant(clock.startedAt);
  const pauses = clock.pauses.map((pause) => ({
    from: parseInstant(pause.from),
    to:
      pause.to === undefined ? Math.max(untilMs, parseInstant(pause.from)) : parseInstant(pause.to),
  }));
  const dueMs = dueAfter(calendar, start, clock.duration, pauses);
  const warnings = new Map<number, number>();
  for (const level of definition.warnings ?? [])
    warnings.set(
      level.level,
      shareReachedAt(calendar, start, clock.duration, level.atFraction ?? 1, pauses),
    );
  const escalations = new Map<number, number>();
  for (const level of definition.escalations ?? [])
    escalations.set(
      level.level,
      level.after ? dueAfter(calendar, dueMs, level.after, pauses) : dueMs,
    );
  return { dueMs, warnings, escalations };
}
