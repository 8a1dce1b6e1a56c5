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

/** The summary of a stored case (or of a summary read back from a snapshot): no body kept. */
export function summarize(stored: CaseSummary): CaseSummary {
  const { case: full, idempotency, ...record } = stored;
  // Copies of the nested objects: the index never shares an object with what callers hold.
  const keys: CaseKeys = {
    id: full.id,
    number: full.number,
    state: full.state,
    receivedAt: full.receivedAt,
    categories: { ...full.categories },
    assignee: { ...full.assignee },
    ...(full.terminal === undefined ? {} : { terminal: full.terminal }),
  };
  return {
    ...record,
    ...(idempotency ? { idempotency: structuredClone(idempotency) } : {}),
    case: keys,
  };
}

/**
 * A stored case made of a summary, for the filter (which reads only the keys and, for a text
 * search, the intake — given empty here: a text search reads the body from disk).
 */
export function asStoredCase(summary: CaseSummary): StoredCase {
  return {
    ...summary,
    case: {
      ...summary.case,
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
    },
  };
}
