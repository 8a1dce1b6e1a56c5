/**
 * One backtest case replayed twice — under the version it ran under and under the draft — and
 * compared, in the compact form a report counts: the same in this thread or in a worker thread
 * (see BacktestReplayer, which a composition root may give to spread the replays over cores).
 */
import { compareOutcomes, type OutcomeDifference } from '../../domain/backtest/compare-outcomes.ts';
import { replayCase, type RecordedCase, type Replay } from '../../domain/backtest/replay-case.ts';
import type { ReplayOutcome } from '../../domain/backtest/replay-outcome.ts';
import type { CaseContext } from '../../domain/case/open-case.ts';
import { isDomainError } from '../../domain/errors.ts';
import type { Lang, Policy } from '../../domain/policy/format.ts';
import type { SchemaValidator } from '../../domain/validator.ts';
import { opensCase, type CaseHead, type TrailEntry } from '../ports/audit-trail.ts';
import { responsiblePerson } from '../reports/count-case.ts';
import { needsBody, recordedCase, type RolesOf } from './backtest-record.ts';

/**
 * A case to replay and the number of the version it ran under: its history, or its replay trail
 * as the store keeps it (JSON text, decoded by the replayer: by the replay thread, when there are).
 */
export type ReplayTask = { policyVersion: number } & (
  { recorded: RecordedCase } | { head: CaseHead['case']; trail: string }
);

/**
 * One side of a replayed case as a report counts it: the person it counts for when it is a valid
 * complaint (null when it is not, or the intake was refused), and its outcome when the report may
 * still list the case (see ReplayOptions).
 */
export type ReplaySide = { outcome?: ReplayOutcome; counted: string | null };

/**
 * A replayed case: both sides and what differs, or why it could not be replayed, or that its
 * history needs the stored case (its trail lacks an action's input: see needsBody).
 */
export type ReplayResult =
  | { before: ReplaySide; after: ReplaySide; differences: OutcomeDifference[] }
  | { error: string }
  | { needsBody: true };

/**
 * What every replay of one backtest shares: the draft, the language, "now" for running clocks,
 * and the company's users' roles (an older trail entry's roles come from its user's).
 */
export type ReplaySetup = {
  draft: Policy;
  lang: Lang;
  nowMs: number;
  roles: [user: string, roles: string[]][];
};

/** What a replay reads of a trail without its intake or import entry. */
export const NO_INTAKE = 'no intake in the audit trail';

/**
 * How a batch is replayed: `outcomes` keeps the two outcomes of each case that changes (a report
 * lists the first affected cases with them; past those, only counts and differences travel back).
 */
export type ReplayOptions = { outcomes: boolean; signal?: AbortSignal };

/**
 * Replays batches of cases, each batch's results in its order; `versions` holds at least every
 * version the batch's cases ran under. Rejects on anything but a domain error (which a result
 * carries), and when the signal aborts.
 */
export type BacktestReplayer = {
  replay(
    batch: ReplayTask[],
    versions: ReadonlyMap<number, Policy>,
    options: ReplayOptions,
  ): Promise<ReplayResult[]>;
  /** Stops the replayer's threads, if it has any. */
  close(): Promise<void>;
};

/**
 * Starts a replayer for one backtest of about `cases` cases (a composition root's choice of
 * threads), or gives undefined where replaying in this thread is better (a few cases).
 */
export type StartReplayer = (setup: ReplaySetup, cases: number) => BacktestReplayer | undefined;

/** The side a report counts of a replay, with its outcome when `outcome`. */
export function replaySide(replay: Replay, outcome = true): ReplaySide {
  const c = replay.case;
  const valid = c && (c.categories.validity === undefined || c.categories.validity === 'valid');
  const counted = valid ? responsiblePerson(c) : null;
  return outcome ? { outcome: replay.outcome, counted } : { counted };
}

/**
 * Replays one case under `ranUnder` and `draft` and compares the outcomes; they come back with it
 * when it changed and `outcomes`.
 */
export async function replayTask(
  ranUnder: CaseContext,
  draft: CaseContext,
  recorded: RecordedCase,
  nowMs: number,
  outcomes = true,
): Promise<ReplayResult> {
  try {
    const before = await replayCase(ranUnder, recorded, nowMs);
    const after = await replayCase(draft, recorded, nowMs);
    const differences = compareOutcomes(before.outcome, after.outcome);
    const keep = outcomes && differences.length > 0;
    return { before: replaySide(before, keep), after: replaySide(after, keep), differences };
  } catch (error) {
    if (isDomainError(error)) return { error: `${error.code}: ${error.message}` };
    throw error;
  }
}

/**
 * A replayer in this thread, with `validator`: what a backtest uses when it is given none, and
 * what each worker thread runs.
 */
export function replayInThread(validator: SchemaValidator, setup: ReplaySetup): BacktestReplayer {
  const draft: CaseContext = { policy: setup.draft, validator, lang: setup.lang };
  const roles = new Map(setup.roles);
  const rolesOf = (user: string) => roles.get(user);
  const contexts = new Map<Policy, CaseContext>();
  const contextOf = (policy: Policy) => {
    let found = contexts.get(policy);
    if (!found) contexts.set(policy, (found = { ...draft, policy }));
    return found;
  };
  return {
    replay: async (batch, versions, { outcomes, signal }) => {
      const results: ReplayResult[] = [];
      for (const task of batch) {
        signal?.throwIfAborted();
        const policy = versions.get(task.policyVersion);
        if (!policy) throw new Error(`version ${task.policyVersion} was not given`);
        const read = 'recorded' in task ? task : fromTrail(task, policy, rolesOf);
        results.push(
          'recorded' in read
            ? await replayTask(contextOf(policy), draft, read.recorded, setup.nowMs, outcomes)
            : read.result,
        );
      }
      return results;
    },
    close: async () => undefined,
  };
}

/** The history a trail task holds, or the result that says it cannot be read from its trail. */
function fromTrail(
  task: Extract<ReplayTask, { trail: string }>,
  policy: Policy,
  rolesOf: RolesOf,
): { recorded: RecordedCase } | { result: ReplayResult } {
  const entries = JSON.parse(task.trail) as TrailEntry[];
  const opened = entries.find((entry) => opensCase(entry.action));
  if (needsBody(entries) || (opened && !opened.intake)) return { result: { needsBody: true } };
  const recorded = recordedCase({ case: task.head }, entries, policy, rolesOf);
  return recorded ? { recorded } : { result: { error: NO_INTAKE } };
}
