/**
 * One case's figures as the report and the assessment read them: whom it is counted against, whether
 * it is valid and closed, its handling time, and which of its clocks were on time or late.
 */
import type { Policy } from '../../domain/policy/format.ts';
import type { StoredCase } from '../ports/ports.ts';
import { responsibleDepartment, responsiblePerson } from './count-case.ts';
import { handlingHours } from './handling-hours.ts';
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
