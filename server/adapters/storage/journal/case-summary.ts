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

// Built property by property (or with Object.assign onto a literal): in V8 an object spread
// followed by further properties is many times slower, and these run once per case on start.

/** The summary of a stored case (or of a summary read back from a snapshot): no body kept. */
export function summarize(stored: CaseSummary): CaseSummary {
  const full = stored.case;
  // Copies of the nested objects: the index never shares an object with what callers hold.
  const keys: CaseKeys = {
    id: full.id,
    number: full.number,
    state: full.state,
    receivedAt: full.receivedAt,
    categories: Object.assign({}, full.categories),
    assignee: Object.assign({}, full.assignee),
  };
  if (full.terminal !== undefined) keys.terminal = full.terminal;
  const summary: CaseSummary = {
    companyId: stored.companyId,
    case: keys,
    policyVersion: stored.policyVersion,
    period: stored.period,
    serial: stored.serial,
    month: stored.month,
    version: stored.version,
    updatedAt: stored.updatedAt,
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
