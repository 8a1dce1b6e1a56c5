/**
 * Counting one case into a report: per state, category, department, person and month, and its
 * outcome.
 */
import type { Case } from '../../domain/case/case.ts';
import type { Policy } from '../../domain/policy/format.ts';
import type { StoredCase } from '../ports/ports.ts';
import { handlingHours } from './handling-hours.ts';
import type { Report } from './report.ts';
import { countClocks } from './timely-rates.ts';

/** What the report's averages are computed from once every case is counted. */
export type Samples = { hours: number[]; scores: number[] };

const bump = (map: Record<string, number>, key: string) => void (map[key] = (map[key] ?? 0) + 1);

/** The person responsible: the latest submission that names one, else the assignee. */
export function responsiblePerson(c: Case): string {
  for (const submission of [...c.submissions].reverse()) {
    const person = submission.data.responsiblePerson;
    if (typeof person === 'string' && person) return person;
  }
  return c.assignee.user ?? '(none)';
}

/** The responsible department: the category `responsibleDepartment`, else the assignee's. */
export function responsibleDepartment(c: Case): string {
  return c.categories.responsibleDepartment ?? c.assignee.department ?? '(none)';
}

/** Counts the case in its month received, overall and per category value. */
export function countMonth(report: Report, c: Case, month: string): void {
  bump(report.byMonth, month);
  for (const [dimension, value] of Object.entries(c.categories))
    bump(((report.byCategoryByMonth[dimension] ??= {})[value] ??= {}), month);
}

function countDimensions(report: Report, c: Case): void {
  report.total += 1;
  bump(report.byState, c.state);
  for (const [dimension, value] of Object.entries(c.categories))
    bump((report.byCategory[dimension] ??= {}), value);
  bump(report.byDepartment, responsibleDepartment(c));
  bump(report.byPerson, responsiblePerson(c));
}

function countOutcome(report: Report, stored: StoredCase, samples: Samples): void {
  const c = stored.case;
  const hours = handlingHours(stored);
  if (hours !== null) {
    report.closed += 1;
    samples.hours.push(hours);
  }
  if (c.satisfaction !== undefined) samples.scores.push(c.satisfaction);
  if (c.remedy) {
    report.remedies.count += 1;
    if (c.remedy.chain.every((step) => step.status === 'approved'))
      report.remedies.approvedAmount += c.remedy.amount;
  }
}

/** Counts a case of the period: its dimensions, its clocks and its outcome. */
export function countCase(
  report: Report,
  policy: Policy,
  stored: StoredCase,
  nowMs: number,
  samples: Samples,
): void {
  countDimensions(report, stored.case);
  countClocks(report, policy, stored.case, nowMs);
  countOutcome(report, stored, samples);
}
