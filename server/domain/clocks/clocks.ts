/**
 * Deadline clocks (时限): start, pause, resume and stop a case's clocks, and read where each stands —
 * its due time explained as the working intervals it counted.
 */
import { matchesCategories } from '../approvals/approvals.ts';
import {
  dueAfter,
  elapsedMinutes,
  explainDuration,
  isWorkingUnit,
  type DurationExplanation,
} from '../time/calendar-duration.ts';
import type {
  ClockDurationChange,
  ClockState,
  DecisionSource,
  MissedEscalation,
} from '../case/case.ts';
import { DomainError } from '../errors.ts';
import type { ClockDefinition, Duration, DurationTable, Policy } from '../policy/format.ts';
import { formatInstant, parseInstant } from '../time/time.ts';

type DurationRow = DurationTable['rows'][number];

/** Per duration table: the dimensions its rows name, and the row found per combination of them. */
type RowLookup = { dimensions: string[]; rows: Map<string | null, DurationRow | null> };

// Duration tables are immutable policy data: a row depends only on the values of the dimensions
// the rows name, so the first matching row is found once per combination of those values.
const rowLookups = new WeakMap<DurationTable, RowLookup>();
const MAX_COMBINATIONS = 10_000;

/** The first row of the table whose conditions the categories meet. */
function matchingRow(
  table: DurationTable,
  categories: Record<string, string>,
): DurationRow | undefined {
  let lookup = rowLookups.get(table);
  if (!lookup) {
    const dimensions = new Set(table.rows.flatMap((row) => Object.keys(row.when ?? {})));
    rowLookups.set(table, (lookup = { dimensions: [...dimensions], rows: new Map() }));
  }
  // One dimension (the usual table) is keyed by its value, more by their values as JSON.
  const { dimensions } = lookup;
  const key =
    dimensions.length === 1
      ? (categories[dimensions[0]!] ?? null)
      : JSON.stringify(dimensions.map((dimension) => categories[dimension] ?? null));
  let row = lookup.rows.get(key);
  if (row === undefined) {
    row = table.rows.find((candidate) => matchesCategories(candidate.when, categories)) ?? null;
    if (lookup.rows.size < MAX_COMBINATIONS) lookup.rows.set(key, row);
  }
  return row ?? undefined;
}

/** The clock's duration for these categories: fixed, or the first matching duration-table row. */
export function resolveClockDuration(
  policy: Pick<Policy, 'durationTables'>,
  definition: ClockDefinition,
  categories: Record<string, string>,
): { duration: Duration; source?: DecisionSource } {
  if (!('table' in definition.duration)) return { duration: definition.duration };
  const tableId = definition.duration.table;
  const table = policy.durationTables?.[tableId];
  const row = table && matchingRow(table, categories);
  if (row)
    return { duration: row.duration, source: { kind: 'table', table: tableId, row: row.id } };
  if (table?.default) {
    return { duration: table.default, source: { kind: 'table', table: tableId, row: 'default' } };
  }
  throw new DomainError('unknown_clock', `Duration table ${tableId} has no row for the case`, {
    table: tableId,
    categories,
  });
}

/** The policy's definition of a clock, and its calendar. @throws unknown_clock, calendar_unknown */
export function clockDefinition(policy: Policy, clockId: string) {
  const definition = policy.clocks[clockId];
  if (!definition) throw new DomainError('unknown_clock', `Unknown clock ${clockId}`, { clockId });
  const calendar = policy.calendars[definition.calendar];
  if (!calendar) {
    throw new DomainError('calendar_unknown', `Unknown calendar ${definition.calendar}`, {
      calendar: definition.calendar,
    });
  }
  return { definition, calendar };
}

/** A new running clock. */
export function startClock(
  policy: Policy,
  clockId: string,
  categories: Record<string, string>,
  at: string,
): ClockState {
  const { definition } = clockDefinition(policy, clockId);
  const { duration, source } = resolveClockDuration(policy, definition, categories);
  // Two literals rather than a conditional spread, which V8 copies the slow way.
  if (!source)
    return {
      id: clockId,
      status: 'running',
      startedAt: at,
      duration,
      pauses: [],
      warned: [],
      escalated: [],
    };
  return {
    id: clockId,
    status: 'running',
    startedAt: at,
    duration,
    durationSource: source,
    pauses: [],
    warned: [],
    escalated: [],
  };
}

/** The clock paused at `at` (unchanged unless running). */
export function pauseClock(clock: ClockState, at: string): ClockState {
  if (clock.status !== 'running') return clock;
  return { ...clock, status: 'paused', pauses: [...clock.pauses, { from: at }] };
}

/** The clock running again from `at` (unchanged unless paused). */
export function resumeClock(clock: ClockState, at: string): ClockState {
  if (clock.status !== 'paused') return clock;
  const pauses = clock.pauses.map((pause) =>
    pause.to === undefined ? { ...pause, to: at } : pause,
  );
  return { ...clock, status: 'running', pauses };
}

/** The clock stopped at `at`; a paused clock's open pause ends there too. */
export function stopClock(clock: ClockState, at: string): ClockState {
  if (clock.status === 'stopped') return clock;
  return { ...resumeClock(clock, at), status: 'stopped', stoppedAt: at };
}

export { isWorkingUnit };

/** Where a clock stands at a moment. */
export type ClockReading = {
  id: string;
  status: ClockState['status'];
  /** Due time; while paused, the due time if it were resumed at the reading. */
  due: string;
  dueMs: number;
  explanation: DurationExplanation;
  elapsedMinutes: number;
  totalMinutes: number;
  /** Elapsed share of the duration (1 = due). */
  fraction: number;
  overdue: boolean;
  /** Minutes past due, counted like the clock counts (0 when not overdue). */
  overdueMinutes: number;
  /** The duration-table row that chose the duration, if a table did. */
  durationSource?: DecisionSource;
  /** Escalation levels passed when the clock stopped that no sweep had raised. */
  missedEscalations?: MissedEscalation[];
  /** The rows a category change chose instead, with the change that chose each. */
  durationChanges?: ClockDurationChange[];
};

function closedPauses(clock: ClockState, untilMs: number) {
  return clock.pauses.map((pause) => ({
    from: parseInstant(pause.from),
    to: pause.to === undefined ? untilMs : parseInstant(pause.to),
  }));
}

/** Where a clock's reckoning starts and ends at `atMs`, its closed pauses and its due time. */
function reckon(policy: Policy, clock: ClockState, atMs: number) {
  const { calendar } = clockDefinition(policy, clock.id);
  const endMs = clock.stoppedAt === undefined ? atMs : parseInstant(clock.stoppedAt);
  const pauses = closedPauses(clock, endMs);
  const startMs = parseInstant(clock.startedAt);
  const dueMs = dueAfter(calendar, startMs, clock.duration, pauses);
  return { calendar, startMs, endMs, pauses, dueMs };
}

/**
 * A clock's due time and whether it is past due at `atMs` (a stopped clock: when it stopped), as
 * readClock has them, without explaining the due time: what lists, reports and backtests need.
 */
export function clockDue(
  policy: Policy,
  clock: ClockState,
  atMs: number,
): { due: string; dueMs: number; overdue: boolean } {
  const { calendar, endMs, dueMs } = reckon(policy, clock, atMs);
  return { due: formatInstant(dueMs, calendar.timeZone), dueMs, overdue: endMs > dueMs };
}

/** Reads a clock at `atMs` (for a stopped clock, as of when it stopped). */
export function readClock(policy: Policy, clock: ClockState, atMs: number): ClockReading {
  const { calendar, startMs, endMs, pauses, dueMs } = reckon(policy, clock, atMs);
  const explanation = explainDuration(calendar, startMs, clock.duration, dueMs, pauses);
  const working = isWorkingUnit(clock.duration.unit);
  const elapsed = elapsedMinutes(calendar, startMs, Math.max(startMs, endMs), working, pauses);
  const total = explanation.minutes;
  const overdue = endMs > dueMs;
  return {
    id: clock.id,
    status: clock.status,
    due: explanation.due,
    dueMs,
    explanation,
    elapsedMinutes: elapsed,
    totalMinutes: total,
    fraction: total === 0 ? 1 : elapsed / total,
    overdue,
    overdueMinutes: overdue ? Math.max(0, elapsed - total) : 0,
    ...(clock.durationSource ? { durationSource: clock.durationSource } : {}),
    ...(clock.missedEscalations ? { missedEscalations: clock.missedEscalations } : {}),
    ...(clock.durationChanges ? { durationChanges: clock.durationChanges } : {}),
  };
}
