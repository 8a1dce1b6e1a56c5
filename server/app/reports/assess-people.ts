/**
 * The policy's assessment (penalty) rules applied to each responsible person's valid complaints a
 * month.
 */
import type { Case } from '../../domain/case/case.ts';
import type { Policy } from '../../domain/policy/format.ts';
import { responsiblePerson } from './count-case.ts';
import type { Report } from './report.ts';

/** The period a count rule judges: each month, or each year. */
export type CountPeriod = 'month' | 'year';

/**
 * The count rule (one without a `measure`) of `period` that covers a count of valid complaints
 * (the last such rule).
 */
export function assessmentRule(policy: Policy, count: number, period: CountPeriod = 'month') {
  return [...(policy.assessment ?? [])]
    .reverse()
    .find(
      (r) =>
        r.measure === undefined &&
        r.period === period &&
        r.minCount !== undefined &&
        count >= r.minCount &&
        (r.maxCount === undefined || count <= r.maxCount),
    );
}

/**
 * The assessment row of every person and period whose count a rule covers (the last such rule of
 * that period): month rules per month; year rules per year, in an annual report only (`month` is
 * then the year, "YYYY").
 */
export function assessPeople(
  policy: Policy,
  cases: { c: Case; month: string }[],
  report: CountPeriod,
): Report['assessment'] {
  const periods: CountPeriod[] = report === 'year' ? ['month', 'year'] : ['month'];
  return periods.flatMap((period) => assessPeriod(policy, cases, period));
}

function assessPeriod(
  policy: Policy,
  cases: { c: Case; month: string }[],
  period: CountPeriod,
): Report['assessment'] {
  const counts = new Map<string, number>();
  for (const { c, month } of cases) {
    if (c.categories.validity !== undefined && c.categories.validity !== 'valid') continue;
    const when = period === 'year' ? month.slice(0, 4) : month;
    const key = `${responsiblePerson(c)}\u0000${when}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const rows: Report['assessment'] = [];
  for (const [key, count] of counts) {
    const [person = '', month = ''] = key.split('\u0000');
    const rule = assessmentRule(policy, count, period);
    if (rule)
      rows.push({
        person,
        month,
        count,
        rule: rule.id,
        consequence: rule.consequence['zh-CN'],
        ...(rule.penaltyAmount !== undefined ? { penaltyAmount: rule.penaltyAmount } : {}),
        ...(rule.deductPoints !== undefined ? { deductPoints: rule.deductPoints } : {}),
      });
  }
  return rows;
}
