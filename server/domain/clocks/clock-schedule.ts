/**
 * A running clock's schedule: its due time and the moments its warning and escalation levels are
 * reached, computed on its calendar once per start or resume. Lists sort by it and the sweep looks
 * only at cases whose next moment has come.
 */
import type { Case, ClockState } from '../case/case.ts';
import { caseMoments } from '../case/case-index.ts';
import { dueAfter, shareReachedAt } from '../time/calendar-duration.ts';
import { clockDefinition } from './clocks.ts';
import type { Policy } from '../policy/format.ts';
import { formatInstant, parseInstant } from '../time/time.ts';

/**
 * The clock with its schedule: computed if running and missing; dropped while paused (it changes
 * with the pause); kept when stopped (the due time it was held to).
 */
export function scheduleClock(policy: Policy, clock: ClockState): ClockState {
  if (clock.status === 'stopped') return clock;
  if (clock.status === 'paused') {
    if (!clock.schedule) return clock;
    const { schedule: _schedule, ...rest } = clock;
    return rest;
  }
  if (clock.schedule) return clock;
  const { definition, calendar } = clockDefinition(policy, clock.id);
  const { timeZone } = calendar;
  const start = parseInstant(clock.startedAt);
  const pauses = clock.pauses.map((p) => ({
    from: parseInstant(p.from),
    to: parseInstant(p.to ?? p.from),
  }));
  const due = dueAfter(calendar, start, clock.duration, pauses);
  const dueAt = formatInstant(due, timeZone);
  const warnings: Record<string, string> = {};
  for (const level of definition.warnings ?? []) {
    const fraction = level.atFraction ?? 1;
    const at = shareReachedAt(calendar, start, clock.duration, fraction, pauses);
    warnings[level.level] = formatInstant(at, timeZone);
  }
  const escalations: Record<string, string> = {};
  for (const level of definition.escalations ?? []) {
    escalations[level.level] = level.after
      ? formatInstant(dueAfter(calendar, due, level.after), timeZone)
      : dueAt;
  }
  // Object.assign rather than a spread: V8 copies an object and adds a key to it ~10× slower.
  return Object.assign({}, clock, { schedule: { dueAt, warnings, escalations } });
}

/** The case with every clock's schedule up to date. */
export function scheduleClocks(policy: Policy, current: Case): Case {
  const clocks: Case['clocks'] = {};
  let changed = false;
  for (const id in current.clocks) {
    const clock = current.clocks[id]!;
    clocks[id] = scheduleClock(policy, clock);
    changed ||= clocks[id] !== clock;
  }
  return changed ? { ...current, clocks } : current;
}

/**
 * True when some running clock has reached a level not yet raised, or has no schedule yet: the
 * case's next sweep moment (the one stores index) has come.
 */
export function isSweepDue(current: Case, nowMs: number): boolean {
  const { sweepAt } = caseMoments(current);
  return sweepAt !== null && sweepAt <= nowMs;
}
