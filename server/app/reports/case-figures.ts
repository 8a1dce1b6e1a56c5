/**
 * One case's figures as the report and the assessment read them: whom it is counted against, whether
 * it is valid and closed, its handling time, and which of its clocks were on time or late.
 */
import type { Case } from '../../domain/case/case.ts';
import type { Policy } from '../../domain/policy/format.ts';
import { parseInstant } from '../../domain/time/time.ts';
import type { StoredCase } from '../ports/ports.ts';
import { responsiblePerson } from './count-case.ts';
import { decidedClocks } from './timely-rates.ts';

/** A case's figures (see the module comment). */
export type CaseFigures = {
  person: string;
  department: string;
  valid: boolean;
  closed: boolean;
  /** Hours from receipt to the last change of a closed case; null while it is open. */
  handlingHours: number | null;
  /** Its decided clocks (stopped, or running past due) and whether each was late. */
  clocks: { clock: string; late: boolean }[];
};

/** The responsible department: the category `responsibleDepartment`, else the assignee's. */
export function responsibleDepartment(c: Case): string {
  return c.categories.responsibleDepartment ?? c.assignee.department ?? '(none)';
}

/**
 * Handling time in hours of a closed (terminal) case: from its receipt to its last change, which
 * for a closed case is its closing. Null for an open case.
 */
export function handlingHours(stored: StoredCase): number | null {
  if (!stored.case.terminal) return null;
  return (parseInstant(stored.updatedAt) - parseInstant(stored.case.receivedAt)) / 3_600_000;
}

/** The figures of a stored case under the policy version it runs under, at `nowMs`. */
export function caseFigures(policy: Policy, stored: StoredCase, nowMs: number): CaseFigures {
  const c = stored.case;
  return {
    person: responsiblePerson(c),
    department: responsibleDepartment(c),
    valid: c.categories.validity === undefined || c.categories.validity === 'valid',
    closed: c.terminal !== undefined,
    handlingHours: handlingHours(stored),
    clocks: decidedClocks(policy, c, nowMs),
  };
}
