/** The case list: filters, text search, due-time order, pages. */
import type { ClockState } from '../../domain/case/case.ts';
import { clockDue } from '../../domain/clocks/clocks.ts';
import type { Policy } from '../../domain/policy/format.ts';
import { maskIntake, seesConfidential } from '../../domain/case/mask.ts';
import { parseInstant } from '../../domain/time/time.ts';
import { companyAccess } from '../access.ts';
import type { AppDeps, RequestContext } from '../ports/deps.ts';
import { publishedPolicy } from '../policies/policy-lifecycle.ts';
import type { CaseFilter, StoredCase } from '../ports/ports.ts';
import { peopleOf } from './case-view.ts';

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
  /** "due" (the default): soonest due first; "number": by numbering period and serial. */
  sort?: 'due' | 'number';
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
  const reading = clockDue(policy, clock, nowMs);
  return { ms: reading.dueMs, iso: reading.due, running: clock.status === 'running' };
}

/**
 * The intake fields masked for these roles under any published version: a text search must not
 * find a case by what the caller may not see.
 */
async function hiddenFields(deps: AppDeps, companyId: string, roles: string[]): Promise<string[]> {
  const hidden = new Set<string>();
  for (const { number } of await deps.store.policies.listVersions(companyId)) {
    const { policy } = await publishedPolicy(deps, companyId, number);
    if (!seesConfidential(policy, roles))
      for (const field of policy.confidentiality?.fields ?? []) hidden.add(field);
  }
  return [...hidden];
}

/** The store filter a list query asks for, at `nowMs` for the due and warning filters. */
function filterOf(query: CaseQuery, nowMs: number, textExcept: string[]): CaseFilter {
  const assignees = query.assignee === undefined ? [] : [query.assignee].flat();
  return {
    ...(query.state?.length ? { states: query.state } : {}),
    ...(assignees.length ? { assignees } : {}),
    ...(query.department ? { department: query.department } : {}),
    ...(query.categories && Object.keys(query.categories).length
      ? { categories: query.categories }
      : {}),
    ...(query.month ? { month: query.month } : {}),
    ...(query.due === 'overdue' ? { dueBy: nowMs } : {}),
    ...(query.due === 'warning' ? { warnedBy: nowMs } : {}),
    ...(query.q ? { text: query.q } : {}),
    ...(query.q && textExcept.length ? { textExcept } : {}),
  };
}

/** One page of the case list, with the names of the users the cases are assigned to. */
export type CaseListPage = {
  items: CaseSummary[];
  total: number;
  page: number;
  pageSize: number;
  /** User id → name, for the assignees of the page's cases (this company's users, or platform staff). */
  people: Record<string, string>;
};

/**
 * One page of the company's cases, soonest due first (cases whose clocks are all paused or stopped
 * after those with a running clock) or by number (period, then serial); the store filters, orders
 * and pages.
 */
export async function listCases(
  deps: AppDeps,
  request: RequestContext,
  companyId: string,
  query: CaseQuery,
): Promise<CaseListPage> {
  const { roles } = await companyAccess(deps, request.principal, companyId);
  const nowMs = parseInstant(deps.now());
  const pageSize = Math.min(Math.max(query.pageSize ?? 50, 1), 200);
  const page = Math.max(query.page ?? 1, 1);
  const hidden = query.q ? await hiddenFields(deps, companyId, roles) : [];
  const order = query.sort ?? 'due';
  const found = await deps.store.cases.query(companyId, filterOf(query, nowMs, hidden), order, {
    offset: (page - 1) * pageSize,
    limit: pageSize,
  });
  const items: CaseSummary[] = [];
  for (const stored of found.items) {
    const version = await publishedPolicy(deps, companyId, stored.policyVersion);
    const running = Object.values(stored.case.clocks).filter((clock) => clock.status !== 'stopped');
    const dues = running.map((clock) => dueOf(version.policy, clock, nowMs));
    const next = dues.sort((a, b) => a.ms - b.ms)[0];
    const c = stored.case;
    items.push({
      id: c.id,
      number: c.number,
      state: c.state,
      receivedAt: c.receivedAt,
      categories: c.categories,
      assignee: c.assignee,
      intake: maskIntake(version.policy, c.intake, roles),
      nextDue: next?.iso ?? null,
      overdue: dues.some((due) => due.ms <= nowMs && due.running),
      version: stored.version,
    });
  }
  const assignees = items.flatMap((item) => (item.assignee.user ? [item.assignee.user] : []));
  const people = await peopleOf(deps, companyId, assignees);
  return { items, total: found.total, page, pageSize, people };
}
