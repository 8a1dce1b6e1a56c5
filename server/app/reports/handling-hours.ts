/** A closed case's handling time, as the report and the assessment read it. */
import { parseInstant } from '../../domain/time/time.ts';
import type { StoredCase } from '../ports/ports.ts';

/**
 * Handling time in hours of a closed (terminal) case: from its receipt to its last change, which
 * for a closed case is its closing. Null for an open case.
 */
export function handlingHours(stored: StoredCase): number | null {
  if (!stored.case.terminal) return null;
  return (parseInstant(stored.updatedAt) - parseInstant(stored.case.receivedAt)) / 3_600_000;
}
