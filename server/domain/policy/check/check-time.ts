/** Policy checks of clocks, duration tables, calendars and numbering. */
import { checkCategoryMatch } from './check-approvals.ts';
import type { PathPart, ProblemSink } from './check-sink.ts';
import { parsePattern } from '../../numbering/numbering.ts';
import type { ClockLevel, ClockTrigger, Duration, Policy, TokenMeaning } from '../format.ts';

/**
 * Checks each clock's calendar, duration, triggers, pause states and escalation actions, and the
 * durations of the duration tables.
 */
export function checkClocks(policy: Policy, sink: ProblemSink): void {
  for (const [id, clock] of Object.entries(policy.clocks)) {
    const at = ['clocks', id];
    if (!policy.calendars[clock.calendar])
      sink.add([...at, 'calendar'], 'unknown_calendar', { calendar: clock.calendar });
    if ('table' in clock.duration && !policy.durationTables?.[clock.duration.table]) {
      sink.add([...at, 'duration', 'table'], 'unknown_table', { table: clock.duration.table });
    }
    clock.start.forEach((trigger, i) => checkTrigger(policy, trigger, [...at, 'start', i], sink));
    clock.stop.forEach((trigger, i) => checkTrigger(policy, trigger, [...at, 'stop', i], sink));
    (clock.pauseIn ?? []).forEach((state, i) => {
      if (!policy.workflow.states[state])
        sink.add([...at, 'pauseIn', i], 'unknown_state', { state });
    });
    checkLevels(policy, clock.warnings ?? [], [...at, 'warnings'], sink);
    checkLevels(policy, clock.escalations ?? [], [...at, 'escalations'], sink);
    if (!('table' in clock.duration)) checkDuration(clock.duration, [...at, 'duration'], sink);
  }
  for (const [id, table] of Object.entries(policy.durationTables ?? {})) {
    const at = ['durationTables', id];
    table.rows.forEach((row, i) => {
      checkCategoryMatch(policy, row.when, [...at, 'rows', i, 'when'], sink);
      checkDuration(row.duration, [...at, 'rows', i, 'duration'], sink);
    });
    if (table.default) checkDuration(table.default, [...at, 'default'], sink);
  }
}

/** "By the close of the Nth working day" counts whole working days, from the first. */
function checkDuration(duration: Duration, at: PathPart[], sink: ProblemSink): void {
  const { amount, unit } = duration;
  if (unit === 'closeOfWorkingDay' && !(Number.isInteger(amount) && amount >= 1))
    sink.add([...at, 'amount'], 'close_days_invalid', { amount });
}

function checkTrigger(
  policy: Policy,
  trigger: ClockTrigger,
  at: PathPart[],
  sink: ProblemSink,
): void {
  if (
    'transition' in trigger &&
    !policy.workflow.transitions.some((t) => t.id === trigger.transition)
  ) {
    sink.add([...at, 'transition'], 'unknown_transition', { transition: trigger.transition });
  }
  if ('enterState' in trigger && !policy.workflow.states[trigger.enterState]) {
    sink.add([...at, 'enterState'], 'unknown_state', { state: trigger.enterState });
  }
}

function checkLevels(
  policy: Policy,
  levels: ClockLevel[],
  at: PathPart[],
  sink: ProblemSink,
): void {
  levels.forEach((level, index) => {
    const previous = levels[index - 1];
    if (previous && previous.level >= level.level) sink.add([...at, index, 'level'], 'level_order');
    if (level.after) checkDuration(level.after, [...at, index, 'after'], sink);
    level.actions.forEach((action, i) => {
      const here = [...at, index, 'actions', i];
      if ((action.type === 'notify' || action.type === 'reassign') && !policy.roles[action.role]) {
        sink.add([...here, 'role'], 'unknown_role', { role: action.role });
      }
      if (action.type === 'raiseSeverity') {
        const dimension = policy.categories[action.dimension];
        if (!dimension)
          sink.add([...here, 'dimension'], 'unknown_category', { dimension: action.dimension });
        else if (action.to && !dimension.values[action.to]) {
          sink.add([...here, 'to'], 'unknown_category_value', {
            dimension: action.dimension,
            value: action.to,
          });
        }
      }
    });
  });
}

function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

function minutesOf(time: string): number {
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
}

/**
 * Checks time zones, that each week has working hours, working-hour ranges (ordered, not
 * overlapping) and conflicting dates.
 */
export function checkCalendars(policy: Policy, sink: ProblemSink): void {
  if (!isTimeZone(policy.timeZone))
    sink.add(['timeZone'], 'time_zone_invalid', { timeZone: policy.timeZone });
  for (const [id, calendar] of Object.entries(policy.calendars)) {
    const at = ['calendars', id];
    if (!isTimeZone(calendar.timeZone))
      sink.add([...at, 'timeZone'], 'time_zone_invalid', { timeZone: calendar.timeZone });
    calendar.workingHours.forEach((hours, h) => {
      if (!Object.values(hours.week).some((ranges) => ranges.length > 0)) {
        sink.add([...at, 'workingHours', h, 'week'], 'calendar_no_hours', {
          calendar: id,
          effectiveFrom: hours.effectiveFrom,
        });
      }
      const days = { ...hours.week, ...(hours.makeUpDay ? { makeUpDay: hours.makeUpDay } : {}) };
      for (const [day, ranges] of Object.entries(days)) {
        let end = -1;
        ranges.forEach((range, r) => {
          const [from, to] = range.map(minutesOf) as [number, number];
          const path = [
            ...at,
            'workingHours',
            h,
            day === 'makeUpDay' ? 'makeUpDay' : 'week',
            ...(day === 'makeUpDay' ? [] : [day]),
            r,
          ];
          if (!(from < to) || from < end)
            sink.add(path, 'hours_invalid', { range: range.join('–') });
          end = Math.max(end, to);
        });
      }
    });
    const holidays = new Set(calendar.holidays.map((day) => day.date));
    calendar.makeUpWorkdays.forEach((day, i) => {
      if (holidays.has(day.date))
        sink.add([...at, 'makeUpWorkdays', i, 'date'], 'date_conflict', { date: day.date });
    });
  }
}

const NEEDED: Record<string, TokenMeaning[]> = {
  never: [],
  year: ['year'],
  month: ['year', 'month'],
  day: ['year', 'month', 'day'],
};

/** Checks that the pattern has a serial and the tokens its reset period needs to stay unique. */
export function checkNumbering(policy: Policy, sink: ProblemSink): void {
  const meanings = new Set(
    parsePattern(policy.numbering).flatMap((segment) =>
      'meaning' in segment ? [segment.meaning] : [],
    ),
  );
  if (!meanings.has('serial')) sink.add(['numbering', 'pattern'], 'numbering_no_serial');
  const missing = (NEEDED[policy.numbering.reset] ?? []).filter(
    (meaning) => !meanings.has(meaning),
  );
  if (missing.length)
    sink.add(['numbering', 'pattern'], 'numbering_repeats', {
      reset: policy.numbering.reset,
      missing,
    });
}
