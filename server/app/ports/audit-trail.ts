/**
 * A case's replay trail (回放记录): its audit entries as a replay reads them — how it was opened,
 * and each action: who did what when, with the input given — without the copies of the case (`before`, `after`) and the changes an
 * entry keeps for the audit view. Stores keep or derive it so that a pass over many cases (a
 * backtest) reads a few hundred bytes an action instead of the case written beside each.
 */
import type { Case } from '../../domain/case/case.ts';
import type { AuditEntry, StoredCase } from './ports.ts';

/**
 * One audit entry of a case as a replay reads it. `intake` is the opened case's intake (on the
 * "intake" or "import" entry); `events` are kept where the replay still reads them: on an import,
 * and on an entry without `input` (written before input was kept).
 */
export type TrailEntry = Pick<AuditEntry, 'at' | 'by' | 'action' | 'input' | 'events'> & {
  intake?: Record<string, unknown>;
};

/** What a pass over cases reads of a case before its trail: what it is and what it ran under. */
export type CaseHead = Pick<StoredCase, 'policyVersion' | 'month'> & {
  case: Pick<Case, 'id' | 'number' | 'receivedAt'>;
};

/** Entries a replay never reads: the clock sweep's (breaches are read off the clocks). */
const SKIPPED = new Set(['sweep']);

/** Whether an entry opens its case (its `after` holds the intake). */
export function opensCase(action: string): boolean {
  return action === 'intake' || action === 'import';
}

/** Whether an entry is a workflow action: it moved its case through a transition of that name. */
function isTransitionOf(entry: Pick<AuditEntry, 'action' | 'events'>): boolean {
  return (entry.events ?? []).some(
    (event) => event.type === 'transition' && event.data.transition === entry.action,
  );
}

/**
 * The entry as a replay reads it, or undefined for one a replay never reads: a sweep's, one not
 * about a case, or one that neither opened its case nor acted on it (an attachment added, say).
 */
export function trailEntryOf(entry: AuditEntry): TrailEntry | undefined {
  if (entry.caseId === undefined || SKIPPED.has(entry.action)) return undefined;
  if (!opensCase(entry.action) && !entry.input && !isTransitionOf(entry)) return undefined;
  const trail: TrailEntry = { at: entry.at, by: entry.by, action: entry.action };
  if (entry.input) trail.input = entry.input;
  if (entry.events && (!entry.input || entry.action === 'import')) trail.events = entry.events;
  if (opensCase(entry.action)) {
    const intake = (entry.after as Case | undefined)?.intake;
    if (intake) trail.intake = intake;
  }
  return trail;
}

/** The trail entries of `entries` (those a replay reads), in order. */
export function trailOf(entries: readonly AuditEntry[]): TrailEntry[] {
  const trail: TrailEntry[] = [];
  for (const entry of entries) {
    const found = trailEntryOf(entry);
    if (found) trail.push(found);
  }
  return trail;
}

/** The head of a stored case (or of anything shaped like one), and nothing more. */
export function caseHeadOf(stored: CaseHead): CaseHead {
  const { id, number, receivedAt } = stored.case;
  return {
    policyVersion: stored.policyVersion,
    month: stored.month,
    case: { id, number, receivedAt },
  };
}
