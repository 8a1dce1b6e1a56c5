/**
 * Backtest (回测): the company's stored cases of a period replayed through the version each ran
 * under and through the draft, and what the draft would have changed. Read-only: nothing is
 * written. Cases are streamed from the store and counted as they go (memory stays bounded).
 */
import { compareOutcomes } from '../../domain/backtest/compare-outcomes.ts';
import { replayCase } from '../../domain/backtest/replay-case.ts';
import type { CaseContext } from '../../domain/case/open-case.ts';
import { isDomainError } from '../../domain/errors.ts';
import type { Policy } from '../../domain/policy/format.ts';
import { parseInstant } from '../../domain/time/time.ts';
import type { AppDeps, RequestContext } from '../ports/deps.ts';
import type { AuditEntry, StoredCase } from '../ports/ports.ts';
import { recordedCase } from './backtest-record.ts';
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
  const draftContext: CaseContext = {
    policy: draft,
    validator: deps.validator,
    lang: context.lang,
  };
  return async ({ signal, onProgress }) => {
    const nowMs = parseInstant(deps.now());
    const collector = new BacktestCollector();
    const replayOne = async (stored: StoredCase, entries: AuditEntry[]) => {
      const version = await publishedPolicy(deps, companyId, stored.policyVersion);
      const recorded = recordedCase(stored, entries, version.policy, rolesOf);
      if (!recorded) return collector.fail(stored, 'no intake in the audit trail');
      const ranUnder: CaseContext = { ...draftContext, policy: version.policy };
      const before = await replayCase(ranUnder, recorded, nowMs);
      const after = await replayCase(draftContext, recorded, nowMs);
      collector.add(stored, before, after, compareOutcomes(before.outcome, after.outcome));
    };
    const population = await casesInMonths(deps, companyId, scope);
    const total = Math.min(scope.sample ?? population, population);
    const every =
      scope.sample === undefined ? 1 : Math.max(1, Math.floor(population / scope.sample));
    let done = 0;
    const batches = selectedCases(deps, companyId, scope, every);
    for await (const [batch, trails] of withTrails(deps, companyId, batches)) {
      for (const stored of batch) {
        signal?.throwIfAborted();
        try {
          await replayOne(stored, trails.get(stored.case.id) ?? []);
        } catch (error) {
          if (isDomainError(error) || error instanceof AppError)
            collector.fail(stored, `${error.code}: ${error.message}`);
          else throw error;
        }
        done += 1;
        if (done % PROGRESS_EVERY === 0) onProgress?.({ done, total: Math.max(total, done) });
      }
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
 * Each batch with its cases' audit trails, read together; the next batch's trails are read while
 * the caller replays this one, so the disk or the database works while the processor does.
 */
async function* withTrails(
  deps: AppDeps,
  companyId: string,
  batches: AsyncIterable<StoredCase[]>,
): AsyncIterable<readonly [StoredCase[], Map<string, AuditEntry[]>]> {
  let ahead: Promise<readonly [StoredCase[], Map<string, AuditEntry[]>]> | undefined;
  for await (const batch of batches) {
    const next = deps.store.audit
      .forCases(
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
): AsyncIterable<StoredCase[]> {
  let seen = 0;
  let taken = 0;
  for (const month of scope.months ?? [undefined]) {
    const filter = month ? { month } : {};
    for await (const batch of deps.store.cases.scan(companyId, filter, BATCH)) {
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
