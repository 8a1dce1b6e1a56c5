/**
 * Backtest (回测): the company's stored cases of a period replayed through the version each ran
 * under and through the draft, and what the draft would have changed. Read-only: nothing is
 * written. Cases are streamed from the store (their heads, then their replay trails, a batch at a
 * time) and counted as they go (memory stays bounded); the replays run in this thread or in the
 * worker threads the composition root gives (`startReplayer`), a few batches in flight while the
 * next is read.
 */
import { isDomainError } from '../../domain/errors.ts';
import type { Policy } from '../../domain/policy/format.ts';
import { parseInstant } from '../../domain/time/time.ts';
import type { AppDeps, RequestContext } from '../ports/deps.ts';
import type { CaseHead, TrailEntry } from '../ports/audit-trail.ts';
import { recordedCase, type RolesOf } from './backtest-record.ts';
import {
  NO_INTAKE,
  replayInThread,
  type BacktestReplayer,
  type ReplayResult,
  type ReplaySetup,
  type ReplayTask,
} from './backtest-replay.ts';
import { BacktestCollector } from './backtest-report.ts';
import type { BacktestSummary } from '../../domain/backtest/backtest-summary.ts';
import { backtestScope, type BacktestInput, type BacktestScope } from './backtest-scope.ts';
import { resolveDraft } from './draft-resolution.ts';
import { adminOf, checkDocument, checkedDraftPolicy } from './policy-lifecycle.ts';
import { publishedPolicy } from './published-versions.ts';
import { AppError } from '../app-error.ts';

export type { BacktestInput } from './backtest-scope.ts';

/** How far a backtest has got: cases replayed, and about how many it will replay. */
export type BacktestProgress = { done: number; total: number };

/** A backtest's report and what it ran on. */
export type BacktestResult = BacktestSummary;

/** What a prepared backtest runs with. */
export type BacktestRun = (options: {
  signal?: AbortSignal;
  onProgress?: (progress: BacktestProgress) => void;
}) => Promise<BacktestResult>;

const BATCH = 200;
/** Batches given to the replayer before the first of them is waited for. */
const IN_FLIGHT = 4;
/** Cases between progress reports. */
const PROGRESS_EVERY = 25;

/** The policy the document resolves to, once it checks clean. @throws policy_has_problems */
function documentPolicy(deps: AppDeps, document: unknown, lang: RequestContext['lang']): Policy {
  const checked = checkDocument(deps, resolveDraft(deps, { document }, '.document').policy, lang);
  if (!checked.ok)
    throw new AppError('policy_has_problems', 'The draft has problems', {
      problems: checked.problems,
    });
  return checked.policy;
}

/**
 * Checks access and input and compiles the draft once; the run it returns does the work, so a
 * caller can answer bad input before it starts streaming.
 * @throws not_found, forbidden (administrators only), backtest_period_invalid,
 *   backtest_sample_invalid, policy_has_problems, no_published_policy
 */
export async function prepareBacktest(
  deps: AppDeps,
  context: RequestContext,
  companyId: string,
  input: BacktestInput,
): Promise<BacktestRun> {
  await adminOf(deps, context, companyId);
  const latest = await publishedPolicy(deps, companyId);
  const scope = backtestScope(input, latest.policy.timeZone);
  const draft =
    input.document === undefined
      ? await checkedDraftPolicy(deps, context, companyId)
      : documentPolicy(deps, input.document, context.lang);
  const users = await deps.store.users.list(companyId);
  const roles = new Map(users.map((user) => [user.id, user.roles]));
  const rolesOf = (user: string) => roles.get(user);
  return async ({ signal, onProgress }) => {
    const setup: ReplaySetup = {
      draft,
      lang: context.lang,
      nowMs: parseInstant(deps.now()),
      roles: [...roles],
    };
    const collector = new BacktestCollector();
    const versions = new Map<number, Policy>();
    const population = await casesInMonths(deps, companyId, scope);
    const total = Math.min(scope.sample ?? population, population);
    const every =
      scope.sample === undefined ? 1 : Math.max(1, Math.floor(population / scope.sample));
    const replayer = deps.startReplayer?.(setup, total) ?? replayInThread(deps.validator, setup);
    // Cases whose trail lacks an action's input are replayed here, from their stored case.
    let withBody: BacktestReplayer | undefined;
    const replayWithBody = async (head: CaseHead, trail: string, outcomes: boolean) => {
      const task = await taskWithBody(deps, companyId, head, trail, versions, rolesOf);
      if (typeof task === 'string') return task;
      withBody ??= replayInThread(deps.validator, setup);
      return (await withBody.replay([task], versions, { outcomes }))[0]!;
    };
    let done = 0;
    const collect = (heads: CaseHead[], results: (ReplayResult | string)[]) => {
      results.forEach((result, index) => {
        const head = heads[index]!;
        if (typeof result === 'string') collector.fail(head, result);
        else if ('error' in result) collector.fail(head, result.error);
        else if ('needsBody' in result) throw new Error(`case ${head.case.id} was not replayed`);
        else collector.add(head, result.before, result.after, result.differences);
        done += 1;
        if (done % PROGRESS_EVERY === 0) onProgress?.({ done, total: Math.max(total, done) });
      });
    };
    // Batches replay while the next are read: the store and the replay threads work together,
    // and a thread that finishes a batch finds the next one waiting.
    const inFlight: Promise<void>[] = [];
    try {
      const batches = selectedCases(deps, companyId, scope, every);
      for await (const [heads, trails] of withTrails(deps, companyId, batches)) {
        signal?.throwIfAborted();
        const tasks = await tasksOf(deps, companyId, heads, trails, versions);
        const runnable = tasks.flatMap((task) => (typeof task === 'string' ? [] : [task]));
        const options = { outcomes: collector.listing, ...(signal ? { signal } : {}) };
        const replayed = replayer.replay(runnable, versions, options);
        replayed.catch(() => undefined);
        // Collected in order: each batch after the one before it.
        const previous = inFlight.at(-1) ?? Promise.resolve();
        const collected = Promise.all([previous, replayed]).then(async ([, results]) => {
          let next = 0;
          const all: (ReplayResult | string)[] = [];
          for (const [index, task] of tasks.entries()) {
            const result = typeof task === 'string' ? task : results[next++]!;
            const trail = trails.get(heads[index]!.case.id) ?? '[]';
            all.push(
              typeof result !== 'string' && 'needsBody' in result
                ? await replayWithBody(heads[index]!, trail, options.outcomes)
                : result,
            );
          }
          collect(heads, all);
        });
        collected.catch(() => undefined);
        inFlight.push(collected);
        if (inFlight.length >= IN_FLIGHT) await inFlight.shift();
      }
      while (inFlight.length > 0) await inFlight.shift();
    } finally {
      await Promise.allSettled(inFlight);
      await replayer.close();
      await withBody?.close();
    }
    if (done % PROGRESS_EVERY !== 0) onProgress?.({ done, total: Math.max(total, done) });
    return {
      ...collector.finish(latest.policy, draft),
      period: {
        ...(input.from ? { from: input.from } : {}),
        ...(input.to ? { to: input.to } : {}),
      },
      ...(input.sample !== undefined ? { sample: input.sample } : {}),
      draft: input.document === undefined ? 'stored' : 'given',
    };
  };
}

/**
 * Each case of a batch as a replay task (its trail, decoded where it is replayed), or why it
 * cannot be replayed. The versions the batch ran under are added to `versions`.
 */
async function tasksOf(
  deps: AppDeps,
  companyId: string,
  heads: CaseHead[],
  trails: Map<string, string>,
  versions: Map<number, Policy>,
): Promise<(ReplayTask | string)[]> {
  return Promise.all(
    heads.map(async (head) => {
      try {
        const number = head.policyVersion;
        if (!versions.has(number))
          versions.set(number, (await publishedPolicy(deps, companyId, number)).policy);
        const { id, number: caseNumber, receivedAt } = head.case;
        const trail = trails.get(id) ?? '[]';
        return { policyVersion: number, head: { id, number: caseNumber, receivedAt }, trail };
      } catch (error) {
        if (isDomainError(error) || error instanceof AppError)
          return `${error.code}: ${error.message}`;
        throw error;
      }
    }),
  );
}

/**
 * A case whose trail lacks its actions' input (written before it was kept) as a replay task, its
 * history rebuilt with the stored case; or why it cannot be replayed.
 */
async function taskWithBody(
  deps: AppDeps,
  companyId: string,
  head: CaseHead,
  trail: string,
  versions: Map<number, Policy>,
  rolesOf: RolesOf,
): Promise<ReplayTask | string> {
  try {
    const entries = JSON.parse(trail) as TrailEntry[];
    const body = (await deps.store.cases.get(companyId, head.case.id))?.case;
    const policy = versions.get(head.policyVersion)!;
    const recorded = recordedCase(head, entries, policy, rolesOf, body);
    return recorded ? { recorded, policyVersion: head.policyVersion } : NO_INTAKE;
  } catch (error) {
    if (isDomainError(error) || error instanceof AppError) return `${error.code}: ${error.message}`;
    throw error;
  }
}

/** How many cases were received in the months of the scope (all, with no period). */
async function casesInMonths(deps: AppDeps, companyId: string, scope: BacktestScope) {
  let total = 0;
  for (const month of scope.months ?? [undefined]) {
    const page = await deps.store.cases.query(companyId, month ? { month } : {}, 'received', {
      offset: 0,
      limit: 1,
    });
    total += page.total;
  }
  return total;
}

/**
 * Each batch with its cases' replay trails, read together; the next batch's trails are read while
 * the caller replays this one, so the disk or the database works while the processor does.
 */
async function* withTrails(
  deps: AppDeps,
  companyId: string,
  batches: AsyncIterable<CaseHead[]>,
): AsyncIterable<readonly [CaseHead[], Map<string, string>]> {
  let ahead: Promise<readonly [CaseHead[], Map<string, string>]> | undefined;
  for await (const batch of batches) {
    const next = deps.store.audit
      .trailTexts(
        companyId,
        batch.map((stored) => stored.case.id),
      )
      .then((trails) => [batch, trails] as const);
    // A read the caller never waits for (it stopped, or an earlier one failed) is not unhandled.
    next.catch(() => undefined);
    if (ahead) yield await ahead;
    ahead = next;
  }
  if (ahead) yield await ahead;
}

/**
 * The cases of the scope in the order received, in batches: those received in the period, and of
 * a sample every n-th so that it spreads over the whole period.
 */
async function* selectedCases(
  deps: AppDeps,
  companyId: string,
  scope: BacktestScope,
  every: number,
): AsyncIterable<CaseHead[]> {
  let seen = 0;
  let taken = 0;
  for (const month of scope.months ?? [undefined]) {
    const filter = month ? { month } : {};
    for await (const batch of deps.store.cases.scanHeads(companyId, filter, BATCH)) {
      const chosen = batch.filter((stored) => {
        if (!scope.contains(stored.case.receivedAt)) return false;
        seen += 1;
        if ((seen - 1) % every !== 0 || taken >= (scope.sample ?? Infinity)) return false;
        taken += 1;
        return true;
      });
      if (chosen.length > 0) yield chosen;
      if (taken >= (scope.sample ?? Infinity)) return;
    }
  }
}
