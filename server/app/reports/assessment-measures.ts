/**
 * The aggregate an assessment rule measures over a group of cases (one subject's cases of one
 * period), computed as the report computes the same figure.
 */
import type { AssessmentRule } from '../../domain/policy/format.ts';
import type { CaseFigures } from './case-figures.ts';

const average = (values: number[]) =>
  values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;

/** The clocks a rule reads: its `clock` only, or every clock. */
const clocksOf = (rule: AssessmentRule, figures: CaseFigures) =>
  figures.clocks.filter((entry) => rule.clock === undefined || entry.clock === rule.clock);

/**
 * The rule's measure over the cases, or null where it has no value (an average or a rate of
 * nothing: no closed case, no decided clock, no case).
 */
export function measureCases(rule: AssessmentRule, cases: CaseFigures[]): number | null {
  switch (rule.measure ?? 'validComplaints') {
    case 'complaints':
      return cases.length;
    case 'validComplaints':
      return cases.filter((c) => c.valid).length;
    case 'lateCases':
      return cases.filter((c) => clocksOf(rule, c).some((entry) => entry.late)).length;
    case 'averageHandlingHours':
      return average(cases.flatMap((c) => (c.handlingHours === null ? [] : [c.handlingHours])));
    case 'timelyRate': {
      const clocks = cases.flatMap((c) => clocksOf(rule, c));
      return clocks.length ? clocks.filter((entry) => !entry.late).length / clocks.length : null;
    }
    case 'closureRate':
      return cases.length ? cases.filter((c) => c.closed).length / cases.length : null;
  }
}

/** Whether a measured value meets every threshold the rule sets (above, atLeast, below, atMost). */
export function meetsThresholds(rule: AssessmentRule, value: number): boolean {
  return (
    (rule.above === undefined || value > rule.above) &&
    (rule.atLeast === undefined || value >= rule.atLeast) &&
    (rule.below === undefined || value < rule.below) &&
    (rule.atMost === undefined || value <= rule.atMost)
  );
}
