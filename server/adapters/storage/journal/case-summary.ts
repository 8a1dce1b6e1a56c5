/**
 * What the embedded store keeps in memory of a case: its record without the body (no intake,
 * history, decisions, clocks …), in the shape the shared filter reads, and its moments.
 */
import type { StoredCase } from '../../../app/ports/ports.ts';
import type { Case } from '../../../domain/case/case.ts';

/** The fields of a case the index keeps (what filters, numbering and idempotency read). */
export type CaseKeys = Pick<
  Case,
  'id' | 'number' | 'state' | 'terminal' | 'receivedAt' | 'categories' | 'assignee'
>;

/** A case's record as a snapshot keeps it: every field of the record, only the keys of the case. */
export type CaseSummary = Omit<StoredCase, 'case'> & { case: CaseKeys };

// Shared, never changed: the body fields a summary leaves out.
const NONE: never[] = [];
const NO_FIELDS: Record<string, never> = Object.freeze({});

// Values many cases share (states, periods, months, category and assignee objects) are kept once:
// at 100,000 cases a copy per case is most of the index's memory. Bounded, so that a company with
// values unique to each case only stops sharing, never grows this without end.
const SHARED_LIMIT = 50_000;
const sharedText = new Map<string, string>();
const sharedShapes = new Map<string, Readonly<Record<string, string>>>();

/** The one copy kept of a string many cases share. */
export function shared(value: string): string {
  const found = sharedText.get(value);
  if (found !== undefined) return found;
  if (sharedText.size < SHARED_LIMIT) sharedText.set(value, value);
  return value;
}

/** The one frozen copy kept of a categories or assignee object many cases share. */
export function sharedShape(value: Record<string, string | undefined>): Record<string, string> {
  const key = JSON.stringify(value);
  const found = sharedShapes.get(key);
  if (found !== undefined) return found;
  const copy = Object.freeze(JSON.parse(key) as Record<string, string>);
  if (sharedShapes.size < SHARED_LIMIT) sharedShapes.set(key, copy);
  return copy;
}

// Built property by property (or with Object.assign onto a literal): in V8 an object spread
// followed by further properties is many times slower, and these run once per case on start.

/** The summary of a stored case (or of a summary read back from a snapshot): no body kept. */
export function summarize(stored: CaseSummary): CaseSummary {
  const full = stored.case;
  // Shared frozen copies of the nested objects: the index never shares an object with callers.
  const keys: CaseKeys = {
    id: full.id,
    number: full.number,
    state: shared(full.state),
    receivedAt: full.receivedAt,
    categories: sharedShape(full.categories),
    assignee: sharedShape(full.assignee) as Case['assignee'],
  };
  if (full.terminal !== undefined) keys.terminal = full.terminal;
  const summary: CaseSummary = {
    companyId: shared(stored.companyId),
    case: keys,
    policyVersion: stored.policyVersion,
    period: shared(stored.period),
    serial: stored.serial,
    month: shared(stored.month),
    version: stored.version,
    updatedAt: stored.updatedAt === full.receivedAt ? keys.receivedAt : stored.updatedAt,
  };
  if (stored.importKey !== undefined) summary.importKey = stored.importKey;
  if (stored.idempotency) summary.idempotency = structuredClone(stored.idempotency);
  return summary;
}

/**
 * A stored case made of a summary, for the filter (which reads only the keys and, for a text
 * search, the intake — given empty here: a text search reads the body from disk).
 */
export function asStoredCase(summary: CaseSummary): StoredCase {
  return Object.assign({}, summary, { case: Object.assign(emptyBody(), summary.case) });
}

/** The body fields of a case, empty (shared empty arrays and objects, never changed). */
export function emptyBody(): Omit<Case, keyof CaseKeys> {
  return {
    intake: NO_FIELDS,
    categoryHistory: NONE,
    flags: NONE,
    decisions: NONE,
    remedy: null,
    requiredApprovals: NONE,
    submissions: NONE,
    clocks: NO_FIELDS,
    reopened: NONE,
    notifications: NONE,
  };
}
