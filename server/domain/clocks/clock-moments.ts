/**
 * The one reckoning of a clock's moments — its due time and when each warning and escalation level
 * is reached — used by the schedule, by the sweep of a clock without one, and when a clock stops
 * (escalations it missed). Pauses count the same way everywhere: time paused does not run, before
 * or after the due time.
 */
import type { ClockState } from '../case/case.ts';
import type { CalendarDefinition, ClockDefinition, Policy } from '../policy/format.ts';
import { mergeIntervals, type Interval } from '../time/calendar.ts';
import { countForward } from '../time/calendar-count.ts';
import { durationMinutes, isWorkingUnit } from '../time/calendar-duration.ts';
import { parseInstant } from '../time/time.ts';
import { clockDefinition } from './clocks.ts';

/** A clock's moments in epoch milliseconds, per level number. */
export type ClockMoments = {
  dueMs: number;
  warnings: Map<number, number>;
  escalations: Map<number, number>;
};

/**
 * The moments of `clockLevels`, in epoch ms: the due time, then the moment of each warning and
 * escalation level of the definition, in the definition's order.
 */
export type ClockLevelMoments = { dueMs: number; warnings: number[]; escalations: number[] };

const MINUTE_MS = 60_000;
const NO_PAUSES: Interval[] = [];

/**
 * The clock's moments as of `untilMs`, level by level as the definition lists them; the duration
 * is worked out once and shared by the due time and the warnings (as `dueAfter` and
 * `shareReachedAt` each work it out).
 * @throws unknown_clock, calendar_unknown, and the calendar's codes (see dueAfter)
 */
export function clockLevels(
  definition: ClockDefinition,
  calendar: CalendarDefinition,
  clock: ClockState,
  untilMs: number,
): ClockLevelMoments {
  const start = parseInstant(clock.startedAt);
  const pauses = clock.pauses.length === 0 ? NO_PAUSES : mergeIntervals(pausesOf(clock, untilMs));
  const { duration } = clock;
  const minutes = durationMinutes(calendar, start, duration);
  const working = isWorkingUnit(duration.unit);
  const dueMs = countForward(calendar, start, Math.round(minutes * MINUTE_MS), working, pauses);
  const warnings: number[] = [];
  for (const level of definition.warnings ?? []) {
    const share = minutes * (level.atFraction ?? 1);
    warnings.push(countForward(calendar, start, Math.round(share * MINUTE_MS), working, pauses));
  }
  const escalations: number[] = [];
  for (const level of definition.escalations ?? []) {
    const after = level.after;
    if (!after) {
      escalations.push(dueMs);
      continue;
    }
    const afterMs = Math.round(durationMinutes(calendar, dueMs, after) * MINUTE_MS);
    escalations.push(countForward(calendar, dueMs, afterMs, isWorkingUnit(after.unit), pauses));
  }
  return { dueMs, warnings, escalations };
}

/** The pauses in epoch ms; a pause still open counts as lasting until `untilMs`. */
function pausesOf(clock: ClockState, untilMs: number): Interval[] {
  return clock.pauses.map((pause) => ({
    from: parseInstant(pause.from),
    to:
      pause.to === undefined ? Math.max(untilMs, parseInstant(pause.from)) : parseInstant(pause.to),
  }));
}

/**
 * The clock's moments as of `untilMs`: a pause still open counts as lasting until then (for a
 * stopped clock, pass its stop time).
 * @throws unknown_clock, calendar_unknown, and the calendar's codes (see dueAfter)
 */
export function clockMoments(policy: Policy, clock: ClockState, untilMs: number): ClockMoments {
  const { definition, calendar } = clockDefinition(policy, clock.id);
  const levels = clockLevels(definition, calendar, clock, untilMs);
  const warnings = new Map<number, number>();
  (definition.warnings ?? []).forEach((level, i) => warnings.set(level.level, levels.warnings[i]!));
  const escalations = new Map<number, number>();
  (definition.escalations ?? []).forEach((level, i) =>
    escalations.set(level.level, levels.escalations[i]!),
  );
  return { dueMs: levels.dueMs, warnings, escalations };
}
