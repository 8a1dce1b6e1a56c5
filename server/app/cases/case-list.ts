/** The case list: filters, text search, due-time order, pages. */
import type { ClockState } from '../../domain/case/case.ts';
import { readClock } from '../../domain/clocks/clocks.ts';
import type { Policy } from '../../domain/policy/format.ts';
import { maskIntake } from '../../domain/case/mask.ts';
import { parseInstant, zonedParts } from '../../domain/time/time.ts';
import { companyAccess } from '../access.ts';
import type { AppDeps, RequestContext } from '../ports/deps.ts';
import { publishedPolicy } from '../policies/policy-lifecycle.ts';
import type { StoredCase } from '../ports/ports.ts';

export type CaseQuery = {
  state?: string[];
  categories?: Record<string, string>;
  /** A user id or role the case is assigned to; several: assigned to any of them ("my cases"). */
  assignee?: string | string[];
  department?: string;
  /** "overdue": some running clock is past due; "warning": some clock passed its first warning. */
  due?: 'overdue' | 'warning';
  /** "YYYY-MM" of receipt, in the company's time zone. */
  month?: string;
  q?: string;
  page?: number;
  pageSize?: number;
};

export type CaseSummary = {
  id: string;
  number: string;
  state: string;
  receivedAt: string;
  categories: Record<string, string>;
  assignee: StoredCase['case']['assignee'];
  /** The intake, with confidential fields masked for roles that do not need them. */
  intake: Record<string, unknown>;
  nextDue: string | null;
  overdue: boolean;
  version: number;
};

/** A clock's due time: from its schedule, or read on the calendar when it has none (paused). */
function dueOf(
  policy: Policy,
  clock: ClockState,
  nowMs: number,
): { ms: number; iso: string; running: boolean } {
  if (clock.schedule)
    return {
      ms: parseInstant(clock.schedule.dueAt),
      iso: clock.schedule.dueAt,
      running: clock.status === 'running',
    };
  const reading = readClock(policy, clock, nowMs);
  return { ms: reading.dueMs, iso: reading.due, running: clock.status === 'running' };
}

function matches(stored: StoredCase, query: CaseQuery): boolean {
  const c = stored.case;
  if (query.state?.length && !query.state.includes(c.state)) return false;
  const assignees = query.assignee === undefined ? [] : [query.assignee].flat();
  if (
    assignees.length &&
    !assignees.some((who) => c.assignee.user === who || c.assignee.role === who)
  )
    return false;
  if (query.department && c.assignee.department !== query.department) return false;
  for (const [dimension, value] of Object.entries(query.categories ?? {}))
    if (c.categories[dimension] !== value) return false;
  if (query.q && !JSON.stringify(c.intake).includes(query.q) && !c.number.includes(query.q))
    return false;
  return true;
}

/** One page of the company's cases, soonest due first. */
export async function listCases(
  deps: AppDeps,
  request: RequestContext,
  companyId: string,
  query: CaseQuery,
): Promise<{ items: CaseSummary[]; total: number; page: number; pageSize: number }> {
  const { roles } = await companyAccess(deps, request.principal, companyId);
  const nowMs = parseInstant(deps.now());
  const policies = new Map<number, Awaited<ReturnType<typeof publishedPolicy>>>();
  const summaries: CaseSummary[] = [];
  for (const stored of await deps.store.cases.list(companyId)) {
    if (!matches(stored, query)) continue;
    const version =
      policies.get(stored.policyVersion) ??
      (await publishedPolicy(deps, companyId, stored.policyVersion));
    policies.set(stored.policyVersion, version);
    const received = zonedParts(parseInstant(stored.case.receivedAt), version.policy.timeZone).date;
    if (query.month && !received.startsWith(query.month)) continue;
    const running = Object.values(stored.case.clocks).filter((clock) => clock.status !== 'stopped');
    const dues = running.map((clock) => dueOf(version.policy, clock, nowMs));
    const overdue = dues.some((due) => due.ms <= nowMs && due.running);
    if (query.due === 'overdue' && !overdue) continue;
    const warned = running.some((clock) =>
      Object.values(clock.schedule?.warnings ?? {}).some((at) => parseInstant(at) <= nowMs),
    );
    if (query.due === 'warning' && !warned && !overdue) continue;
    const next = dues.sort((a, b) => a.ms - b.ms)[0];
    const c = stored.case;
    summaries.push({
      id: c.id,
      number: c.number,
      state: c.state,
      receivedAt: c.receivedAt,
      categories: c.categories,
      assignee: c.assignee,
      intake: maskIntake(version.policy, c.intake, roles),
      nextDue: next?.iso ?? null,
      overdue,
      version: stored.version,
    });
  }
  summaries.sort((a, b) =>
    a.nextDue === null
      ? 1
      : b.nextDue === null
        ? -1
        : Date.parse(a.nextDue) - Date.parse(b.nextDue),
  );
  const pageSize = Math.min(Math.max(query.pageSize ?? 50, 1), 200);
  const page = Math.max(query.page ?? 1, 1);
  return {
    items: summaries.slice((page - 1) * pageSize, page * pageSize),
    total: summaries.length,
    page,
    pageSize,
  };
}
