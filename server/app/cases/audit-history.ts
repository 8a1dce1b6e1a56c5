/** A case's audit entries with the case before and after each write, rebuilt from their changes. */
import { applyPatch } from '../../domain/case/case-patch.ts';
import type { AuditEntry } from '../ports/ports.ts';

/**
 * The entries (in the order written) with `before` and `after` filled in: an entry that keeps only
 * its changes is applied to the case after the entry before it. Entries written with both copies
 * (before changes were kept instead) are left as they are.
 */
export function withCaseStates(entries: AuditEntry[]): AuditEntry[] {
  let current: unknown;
  return entries.map((entry) => {
    const { changes, ...rest } = entry;
    if (changes && current !== undefined) {
      const after = applyPatch(current, changes);
      const rebuilt = { ...rest, before: current, after };
      current = after;
      return rebuilt;
    }
    if (entry.after !== undefined) current = entry.after;
    return entry;
  });
}
