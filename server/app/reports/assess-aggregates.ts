/**
 * Assessment rules over aggregates per period: each rule with a `measure` is applied to every
 * subject (person, department or the company) and period (month, or year in an annual report) —
 * "the month's average handling time above 17 h → −5 points".
 */
import type { AssessmentRule, Policy } from '../../domain/policy/format.ts';
import { measureCases, meetsThresholds } from './assessment-measures.ts';
import type { CaseFigures } from './case-figures.ts';
import type { AggregateAssessmentRow } from './report.ts';

/** A case of the report with its month received ("YYYY-MM") and its figures. */
export type FiguresInMonth = { month: string; figures: CaseFigures };

/** The subject a rule groups a case under. */
function subjectOf(rule: AssessmentRule, company: string, figures: CaseFigures): string {
  const per = rule.per ?? 'person';
  return per === 'person' ? figures.person : per === 'department' ? figures.department : company;
}

/** The cases per subject and period of one rule ("YYYY-MM" for month rules, "YYYY" for year). */
function groupCases(rule: AssessmentRule, company: string, cases: FiguresInMonth[]) {
  const groups = new Map<string, { subject: string; period: string; cases: CaseFigures[] }>();
  for (const { month, figures } of cases) {
    const subject = subjectOf(rule, company, figures);
    const period = rule.period === 'year' ? month.slice(0, 4) : month;
    const key = `${subject}\u0000${period}`;
    const group = groups.get(key) ?? { subject, period, cases: [] };
    group.cases.push(figures);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/**
 * The rows of the policy's measure rules for the report's cases: one per rule, subject and period
 * whose measure meets the rule's thresholds. A year rule is applied only to an annual report (a
 * month's cases are not the year's).
 */
export function assessAggregates(
  policy: Policy,
  report: { company: string; period: string },
  cases: FiguresInMonth[],
): AggregateAssessmentRow[] {
  const annual = report.period.length === 4;
  const rows: AggregateAssessmentRow[] = [];
  for (const rule of policy.assessment ?? []) {
    if (rule.measure === undefined || (rule.period === 'year' && !annual)) continue;
    for (const group of groupCases(rule, report.company, cases)) {
      const value = measureCases(rule, group.cases);
      if (value === null || !meetsThresholds(rule, value)) continue;
      rows.push({
        rule: rule.id,
        measure: rule.measure,
        per: rule.per ?? 'person',
        subject: group.subject,
        period: group.period,
        value,
        cases: group.cases.length,
        consequence: rule.consequence['zh-CN'],
        ...(rule.penaltyAmount !== undefined ? { penaltyAmount: rule.penaltyAmount } : {}),
        ...(rule.deductPoints !== undefined ? { deductPoints: rule.deductPoints } : {}),
      });
    }
  }
  return rows;
}
