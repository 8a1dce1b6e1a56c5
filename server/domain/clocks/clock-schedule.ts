/**
 * A running clock's schedule: its due time and the moments its warning and escalation levels are
 * reached, computed on its calendar once per start or resume. Lists sort by it and the sweep looks
 * only at cases whose next moment has come.
 */
import type { Case, ClockState } from '../case/case.ts';
import { caseMoments } from '../case/case-index.ts';
import { clockLevels } from './clock-moments.ts';
import { clockDefinition } from './clocks.ts';
import type { Policy } from '../policy/format.ts';
import { formatInstant, parseInstant } from '../time/time.ts';

// Per list of levels (immutable policy data), a record with their keys: a copy of it takes the
// moments far faster than an empty object takes number keys one by one.
const NO_LEVELS: readonly { level: number }[] = [];
const levelRecords = new WeakMap<readonly { level: number }[], Record<string, string>>();

/** A fresh record with a key per level, in the order the levels would add them. */
function levelRecord(levels: readonly { level: number }[]): Record<string, string> {
  let record = levelRecords.get(levels);
  if (!record) {
    record = {};
    for (const { level } of levels) record[level] = '';
    levelRecords.set(levels, record);
  }
  return { ...record };
}

/**
 * The clock's moments as times in its calendar's zone, as `clockLevels` reckons them as of
 * `untilMs` — the shape of a schedule.
 */
export function clockMarks(
  policy: Policy,
  clock: ClockState,
  untilMs: number,
): NonNullable<ClockState['schedule']> {
  const { definition, calendar } = clockDefinition(policy, clock.id);
  const { timeZone } = calendar;
  const moments = clockLevels(definition, calendar, clock, untilMs);
  const dueAt = formatInstant(moments.dueMs, timeZone);
  // Level by level as clockMoments keys them (a level listed twice keeps its last moment).
  const warningLevels = definition.warnings ?? NO_LEVELS;
  const warnings = levelRecord(warningLevels);
  for (let i = 0; i < warningLevels.length; i += 1)
    warnings[warningLevels[i]!.level] = formatInstant(moments.warnings[i]!, timeZone);
  const escalationLevels = definition.escalations ?? NO_LEVELS;
  const escalations = levelRecord(escalationLevels);
  for (let i = 0; i < escalationLevels.length; i += 1) {
    const ms = moments.escalations[i]!;
    escalations[escalationLevels[i]!.level] =
      ms === moments.dueMs ? dueAt : formatInstant(ms, timeZone);
  }
  return { dueAt, warnings, escalations };
}

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
  // A running clock has no open pause: the moment it is reckoned as of does not matter.
  const schedule = clockMarks(policy, clock, parseInstant(clock.startedAt));
  // Object.assign rather than a spread: V8 copies an object and adds a key to it ~10× slower.
  const scheduled = Object.assign({}, clock);
  scheduled.schedule = schedule;
  return scheduled;
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
