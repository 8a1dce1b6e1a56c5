/**
 * The policy's assessment (penalty) rules applied to each responsible person's valid complaints a
 * month.
 */
import type { Case } from '../../domain/case/case.ts';
import type { Policy } from '../../domain/policy/format.ts';
import { responsiblePerson } from './count-case.ts';
import type { Report } from './report.ts';

/**
 * The count rule (one without a `measure`) that covers a month's count of valid complaints (the
 * last such rule).
 */
export function assessmentRule(policy: Policy, count: number) {
  return [...(policy.assessment ?? [])]
    .reverse()
    .find(
      (r) =>
        r.measure === undefined &&
        r.minCount !== undefined &&
        count >= r.minCount &&
        (r.maxCount === undefined || count <= r.maxCount),
    );
}

/** The assessment row of every person and month whose count a rule covers (the last such rule). */
export function assessPeople(
  policy: Policy,
  cases: { c: Case; month: string }[],
): Report['assessment'] {
  const counts = new Map<string, number>();
  for (const { c, month } of cases) {
    if (c.categories.validity !== undefined && c.categories.validity !== 'valid') continue;
    const key = `${responsiblePerson(c)}\u0000${month}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const rows: Report['assessment'] = [];
  for (const [key, count] of counts) {
    const [person = '', month = ''] = key.split('\u0000');
    const rule = assessmentRule(policy, count);
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
