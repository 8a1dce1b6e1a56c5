/**
 * A case filter and order applied in memory, from a case and its moments: what the memory and
 * embedded stores answer queries with (the PostgreSQL store says the same in SQL).
 */
import type { CaseFilter, CaseOrder, StoredCase } from '../../app/ports/ports.ts';
import type { CaseMoments } from '../../domain/case/case-index.ts';
import { readPath, writePath } from '../../domain/policy/schema-fields.ts';

/** Whether the case matches every condition of the filter. */
export function matchesFilter(
  stored: StoredCase,
  moments: CaseMoments,
  filter: CaseFilter,
): boolean {
  const c = stored.case;
  if (filter.states?.length && !filter.states.includes(c.state)) return false;
  if (filter.open !== undefined && filter.open === Boolean(c.terminal)) return false;
  if (
    filter.assignees?.length &&
    !filter.assignees.some((who) => c.assignee.user === who || c.assignee.role === who)
  )
    return false;
  if (filter.department !== undefined && c.assignee.department !== filter.department) return false;
  for (const [dimension, value] of Object.entries(filter.categories ?? {}))
    if (c.categories[dimension] !== value) return false;
  if (filter.month !== undefined && !stored.month.startsWith(filter.month)) return false;
  const { nextDue, firstWarning, sweepAt } = moments;
  if (filter.dueBy !== undefined && !(nextDue !== null && nextDue <= filter.dueBy)) return false;
  if (
    filter.warnedBy !== undefined &&
    !(
      (nextDue !== null && nextDue <= filter.warnedBy) ||
      (firstWarning !== null && firstWarning <= filter.warnedBy)
    )
  )
    return false;
  if (filter.sweepBy !== undefined && !(sweepAt !== null && sweepAt <= filter.sweepBy))
    return false;
  if (
    filter.text !== undefined &&
    !c.number.includes(filter.text) &&
    !JSON.stringify(searchable(c.intake, filter.textExcept)).includes(filter.text)
  )
    return false;
  return true;
}

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

/** A case, its moments and its place in the order received (a counter the store keeps). */
export type Ranked = { stored: StoredCase; moments: CaseMoments; received: number };

/** Compares two cases in a query's order; ties (and "received") go by the order received. */
export function compareIn(order: CaseOrder): (a: Ranked, b: Ranked) => number {
  if (order === 'received') return (a, b) => a.received - b.received;
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
