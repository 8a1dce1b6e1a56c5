/**
 * migrateCase: an open case carried from the policy version it runs under to another — its clocks
 * re-timed from their start and pauses under the new durations and calendars, a pending remedy's
 * approver chain recomputed from the new matrix (核决权限) — or the reasons the new version cannot
 * carry it (its state, categories, clocks or pending approvals are not in it).
 */
import { remedyApprovers } from '../approvals/approvals.ts';
import { clockDue, resolveClockDuration } from '../clocks/clocks.ts';
import { scheduleClock } from '../clocks/clock-schedule.ts';
import { CodedError } from '../coded-error.ts';
import type { Policy } from '../policy/format.ts';
import { applyClockTriggers, type ClockMoment } from '../clocks/clock-triggers.ts';
import { scheduleClocks } from '../clocks/clock-schedule.ts';
import type { ApprovalStep, Case, ClockState, Remedy } from './case.ts';

/** Why the new version cannot carry a case, with what the sentence needs. */
export type MigrationReasonParams = {
  state_missing: { state: string };
  state_terminal: { state: string };
  category_invalid: { dimension: string; value: string };
  clock_missing: { clock: string };
  clock_unresolved: { clock: string };
  approval_role_missing: { role: string };
  approval_row_missing: { amount: number };
};

/** One reason a case stays on its version. */
export type MigrationReason = {
  [C in keyof MigrationReasonParams]: { code: C; params: MigrationReasonParams[C] };
}[keyof MigrationReasonParams];

/**
 * A clock whose due time moves: before and after, read at the same moment. A clock the new version
 * adds and whose start trigger the case has already passed has no `before`: it is `started` with
 * the move at the time its trigger happened (and `after` is its due time).
 */
export type ClockDueChange = {
  clock: string;
  before: string | null;
  after: string;
  started?: { at: string; status: ClockState['status'] };
};

/**
 * A moment the case has been through, at its time: opened (in the state it was opened into), or
 * moved by a transition into a state — what starts, stops and pauses clocks.
 */
export type PastMoment = ClockMoment & { at: string };

/** A pending remedy's approvers still to approve, before and after. */
export type ApproverChange = { before: string[]; after: string[] };

/** What moving a case would do, or why it cannot move. */
export type CaseMigration =
  | { movable: true; case: Case; clocks: ClockDueChange[]; approvers?: ApproverChange }
  | { movable: false; reasons: MigrationReason[] };

/**
 * What two versions share, worked out once for many cases: the clocks whose definition, calendar
 * and duration table are the same in both (a case's clock of those is carried as it is), and the
 * clocks only the new version has, with a trigger (started by the case's past moments on moving).
 */
export type MigrationPlan = {
  from: Policy;
  to: Policy;
  unchangedClocks: ReadonlySet<string>;
  addedClocks: readonly string[];
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The plan for moving cases from one version to another. */
export function planMigration(from: Policy, to: Policy): MigrationPlan {
  const unchanged = new Set<string>();
  for (const [id, definition] of Object.entries(from.clocks)) {
    const next = to.clocks[id];
    const table = (policy: Policy, d: typeof definition) =>
      'table' in d.duration ? policy.durationTables?.[d.duration.table] : undefined;
    if (
      next &&
      same(definition, next) &&
      same(from.calendars[definition.calendar], to.calendars[next.calendar]) &&
      same(table(from, definition), table(to, next))
    )
      unchanged.add(id);
  }
  const added = Object.entries(to.clocks)
    .filter(([id, definition]) => !from.clocks[id] && definition.start.length > 0)
    .map(([id]) => id);
  return { from, to, unchangedClocks: unchanged, addedClocks: added };
}

const pendingRoles = (chain: ApprovalStep[]) =>
  chain.filter((step) => step.status === 'pending').map((step) => step.role);

function hasPendingRemedy(remedy: Remedy | null): remedy is Remedy {
  return Boolean(
    remedy &&
    remedy.chain.some((step) => step.status === 'pending') &&
    !remedy.chain.some((step) => step.status === 'rejected'),
  );
}

function stateReasons(to: Policy, current: Case): MigrationReason[] {
  const state = to.workflow.states[current.state];
  if (!state) return [{ code: 'state_missing', params: { state: current.state } }];
  if (state.terminal) return [{ code: 'state_terminal', params: { state: current.state } }];
  return [];
}

function categoryReasons(to: Policy, current: Case): MigrationReason[] {
  return Object.entries(current.categories)
    .filter(([dimension, value]) => !to.categories[dimension]?.values[value])
    .map(([dimension, value]) => ({ code: 'category_invalid', params: { dimension, value } }));
}

/** The clock under the new version: its duration resolved again, its schedule worked out again. */
function retimedClock(to: Policy, clock: ClockState, categories: Record<string, string>) {
  if (clock.status === 'stopped') return clock;
  const definition = to.clocks[clock.id]!;
  const { duration, source } = resolveClockDuration(to, definition, categories);
  const { schedule: _schedule, durationSource: _source, ...rest } = clock;
  return scheduleClock(to, { ...rest, duration, ...(source ? { durationSource: source } : {}) });
}

/** The due time a clock is held to: its schedule's while running, else read at `atMs`. */
const dueOf = (policy: Policy, clock: ClockState, atMs: number) =>
  clock.status === 'running' && clock.schedule
    ? clock.schedule.dueAt
    : clockDue(policy, clock, atMs).due;

function migrateClocks(plan: MigrationPlan, current: Case, atMs: number) {
  const { from, to } = plan;
  const reasons: MigrationReason[] = [];
  const clocks: Record<string, ClockState> = {};
  const changes: ClockDueChange[] = [];
  for (const [id, clock] of Object.entries(current.clocks)) {
    if (plan.unchangedClocks.has(id)) {
      clocks[id] = clock;
      continue;
    }
    if (!to.clocks[id]) {
      reasons.push({ code: 'clock_missing', params: { clock: id } });
      continue;
    }
    try {
      const next = retimedClock(to, clock, current.categories);
      clocks[id] = next;
      if (clock.status === 'stopped') continue;
      const before = dueOf(from, clock, atMs);
      const after = dueOf(to, next, atMs);
      if (before !== after) changes.push({ clock: id, before, after });
    } catch (error) {
      if (!(error instanceof CodedError)) throw error;
      reasons.push({ code: 'clock_unresolved', params: { clock: id } });
    }
  }
  return { clocks, changes, reasons };
}

/**
 * The clocks the new version adds, as the case's past moments (in order) would have started,
 * paused and stopped them under it — each judged on the case's categories of now. A clock the
 * moments never start stays absent (it starts on its next trigger); one started by a rule only
 * is not known here.
 */
function addedClocks(plan: MigrationPlan, current: Case, moments: readonly PastMoment[]) {
  const clocks: Record<string, ClockState> = {};
  const changes: ClockDueChange[] = [];
  for (const id of plan.addedClocks) {
    if (current.clocks[id]) continue;
    const only: Policy = { ...plan.to, clocks: { [id]: plan.to.clocks[id]! } };
    let replayed: Case = { ...current, clocks: {} };
    for (const { at, ...moment } of moments)
      replayed = applyClockTriggers(only, replayed, moment, at).case;
    const clock = scheduleClocks(only, replayed).clocks[id];
    if (!clock) continue;
    clocks[id] = clock;
    const after = clock.schedule?.dueAt ?? clock.stoppedAt ?? clock.startedAt;
    const started = { at: clock.startedAt, status: clock.status };
    changes.push({ clock: id, before: null, after, started });
  }
  return { clocks, changes };
}

/**
 * The remedy with its chain under the new matrix: approvals already given stay (in order), then the
 * roles the new chain (and the case's required approvals) still needs, pending.
 */
function migrateRemedy(to: Policy, current: Case, remedy: Remedy) {
  const missing = current.requiredApprovals.filter((role) => !to.roles[role]);
  if (missing.length > 0)
    return {
      reasons: missing.map((role): MigrationReason => ({
        code: 'approval_role_missing',
        params: { role },
      })),
    };
  let resolved: ReturnType<typeof remedyApprovers>;
  try {
    resolved = remedyApprovers(to, remedy.amount, current.categories, current.requiredApprovals);
  } catch (error) {
    if (!(error instanceof CodedError)) throw error;
    return {
      reasons: [
        { code: 'approval_row_missing', params: { amount: remedy.amount } } as MigrationReason,
      ],
    };
  }
  const { row, roles } = resolved;
  const approved = remedy.chain.filter((step) => step.status === 'approved');
  const done = new Set(approved.map((step) => step.role));
  const steps: ApprovalStep[] = [
    ...approved,
    ...roles
      .filter((role) => !done.has(role))
      .map((role) => ({ role, status: 'pending' as const })),
  ];
  const next: Remedy = {
    ...remedy,
    chainSource: [{ kind: 'table', table: 'approvals', row: row.id }],
    chain: steps,
  };
  return { remedy: next, reasons: [] as MigrationReason[] };
}

/**
 * The case as it would run under the plan's `to` (read at `atMs` for paused clocks' due times), or
 * why it cannot. Clocks the new version adds start as its triggers would have started them at the
 * case's past `moments` (none given: they start on their next trigger).
 */
export function migrateCase(
  plan: MigrationPlan,
  current: Case,
  atMs: number,
  moments: readonly PastMoment[] = [],
): CaseMigration {
  const { to } = plan;
  const reasons = [...stateReasons(to, current), ...categoryReasons(to, current)];
  const clocks = migrateClocks(plan, current, atMs);
  reasons.push(...clocks.reasons);
  const added = addedClocks(plan, current, moments);
  let remedy = current.remedy;
  let approvers: ApproverChange | undefined;
  if (hasPendingRemedy(current.remedy)) {
    const migrated = migrateRemedy(to, current, current.remedy);
    reasons.push(...migrated.reasons);
    if (migrated.remedy) {
      remedy = migrated.remedy;
      const before = pendingRoles(current.remedy.chain);
      const after = pendingRoles(migrated.remedy.chain);
      if (before.join() !== after.join()) approvers = { before, after };
    }
  }
  if (reasons.length > 0) return { movable: false, reasons };
  return {
    movable: true,
    case: { ...current, clocks: { ...clocks.clocks, ...added.clocks }, remedy },
    clocks: [...clocks.changes, ...added.changes],
    ...(approvers ? { approvers } : {}),
  };
}
