/**
 * A case filter and order applied in memory, from a case and its moments: what the memory and
 * embedded stores answer queries with (the PostgreSQL store says the same in SQL).
 */
import type { CaseFilter, CaseOrder, StoredCase } from '../../app/ports/ports.ts';
import type { Case } from '../../domain/case/case.ts';
import type { CaseMoments } from '../../domain/case/case-index.ts';
import { readPath, writePath } from '../../domain/policy/schema-fields.ts';

/** Whether the case matches every condition of the filter. */
export function matchesFilter(
  stored: StoredCase,
  moments: CaseMoments,
  filter: CaseFilter,
): boolean {
  return caseTest(filter)(stored, moments);
}

/**
 * What a filter reads of a stored case: a whole record, or a summary without the body (which
 * cannot answer a text search: its intake counts as empty).
 */
export type FilterView = Pick<StoredCase, 'month'> & {
  case: Pick<Case, 'number' | 'state' | 'terminal' | 'assignee' | 'categories'> &
    Partial<Pick<Case, 'intake'>>;
};

/** A case and its moments tested against one filter. */
export type CaseTest = (stored: FilterView, moments: CaseMoments) => boolean;

/**
 * The filter as a test made once and run per case: what a query over many cases calls, so that
 * nothing of the filter is worked out again (or allocated) for each case.
 */
export function caseTest(filter: CaseFilter): CaseTest {
  const checks: CaseTest[] = [];
  const { states, assignees, open, department, month, dueBy, warnedBy, sweepBy, text } = filter;
  if (states?.length) checks.push((stored) => states.includes(stored.case.state));
  if (open !== undefined) checks.push((stored) => open !== Boolean(stored.case.terminal));
  if (assignees?.length) {
    checks.push(({ case: c }) =>
      assignees.some((who) => c.assignee.user === who || c.assignee.role === who),
    );
  }
  if (department !== undefined)
    checks.push((stored) => stored.case.assignee.department === department);
  for (const [dimension, value] of Object.entries(filter.categories ?? {}))
    checks.push((stored) => stored.case.categories[dimension] === value);
  if (month !== undefined) checks.push((stored) => stored.month.startsWith(month));
  if (dueBy !== undefined) checks.push((_, { nextDue }) => nextDue !== null && nextDue <= dueBy);
  if (warnedBy !== undefined) {
    checks.push(
      (_, { nextDue, firstWarning }) =>
        (nextDue !== null && nextDue <= warnedBy) ||
        (firstWarning !== null && firstWarning <= warnedBy),
    );
  }
  if (sweepBy !== undefined)
    checks.push((_, { sweepAt }) => sweepAt !== null && sweepAt <= sweepBy);
  if (text !== undefined) {
    checks.push(
      ({ case: c }) =>
        c.number.includes(text) ||
        hasValueContaining(searchable(c.intake ?? {}, filter.textExcept), text),
    );
  }
  // Only the conditions the filter has are run; with none, every case matches.
  if (checks.length === 0) return matchesAll;
  if (checks.length === 1) return checks[0]!;
  return (stored, moments) => checks.every((check) => check(stored, moments));
}

/** The test of a filter with no conditions. */
export const matchesAll: CaseTest = () => true;

/** The intake without the paths a text search may not look in. */
function searchable(
  intake: Record<string, unknown>,
  except: string[] = [],
): Record<string, unknown> {
  return except.reduce(
    (data, path) => (readPath(data, path) === undefined ? data : writePath(data, path, undefined)),
    intake,
  );
}

/**
 * Whether a string or number inside the value contains the text: keys, quotes and punctuation of
 * the JSON are not searched (PostgreSQL walks the same values with a jsonpath).
 */
function hasValueContaining(value: unknown, text: string): boolean {
  if (typeof value === 'string') return value.includes(text);
  if (typeof value === 'number') return String(value).includes(text);
  if (value === null || typeof value !== 'object') return false;
  return Object.values(value).some((child) => hasValueContaining(child, text));
}

/** A case, its moments and its place in the order received (a counter the store keeps). */
export type Ranked = { stored: StoredCase; moments: CaseMoments; received: number };

/** Compares two cases by number: numbering period, then serial (not the number's text). */
export function compareNumbers(
  a: Pick<StoredCase, 'period' | 'serial'>,
  b: Pick<StoredCase, 'period' | 'serial'>,
): number {
  if (a.period !== b.period) return a.period < b.period ? -1 : 1;
  return a.serial - b.serial;
}

/** Compares two cases in a query's order; ties (and "received") go by the order received. */
export function compareIn(order: CaseOrder): (a: Ranked, b: Ranked) => number {
  if (order === 'received') return (a, b) => a.received - b.received;
  if (order === 'number')
    return (a, b) => compareNumbers(a.stored, b.stored) || a.received - b.received;
  return (a, b) => {
    const x = a.moments.nextDue;
    const y = b.moments.nextDue;
    if (x !== y) {
      if (x === null) return 1;
      if (y === null) return -1;
      return x - y;
    }
    return a.received - b.received;
  };
}
