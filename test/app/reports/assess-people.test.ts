/** Count rules (assessment rules without a measure) judge each person's valid complaints per period. */
import { describe, expect, it } from 'vitest';
import { assessPeople } from '../../../server/app/reports/assess-people.ts';
import type { Case } from '../../../server/domain/case/case.ts';
import type { Policy } from '../../../server/domain/policy/format.ts';

const label = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/** A valid case assigned to `user`, received in `month`. */
const handled = (user: string, month: string) => ({
  c: { categories: { validity: 'valid' }, submissions: [], assignee: { user } } as unknown as Case,
  month,
});

const policy = {
  assessment: [
    {
      id: 'twoInAMonth',
      label: label('当月有效投诉2件', 'Two valid complaints in a month'),
      period: 'month',
      minCount: 2,
      consequence: label('约谈', 'A talk'),
    },
    {
      id: 'threeInAYear',
      label: label('全年有效投诉3件及以上', 'Three or more valid complaints in a year'),
      period: 'year',
      minCount: 3,
      consequence: label('通报批评', 'Public criticism'),
      penaltyAmount: 500,
    },
  ],
} as unknown as Policy;

// Li has one complaint in each of three months; Wang two in March.
const cases = [
  handled('li', '2026-01'),
  handled('li', '2026-02'),
  handled('li', '2026-03'),
  handled('wang', '2026-03'),
  handled('wang', '2026-03'),
];

describe('count rules by their period', () => {
  it('judges a month rule by the month and a year rule by the year, in an annual report', () => {
    const rows = assessPeople(policy, cases, 'year');
    expect(rows).toEqual([
      expect.objectContaining({ person: 'wang', month: '2026-03', count: 2, rule: 'twoInAMonth' }),
      expect.objectContaining({
        person: 'li',
        month: '2026',
        count: 3,
        rule: 'threeInAYear',
        penaltyAmount: 500,
      }),
    ]);
  });

  it('leaves year rules out of a monthly report (a month cannot judge a year)', () => {
    const march = [...cases.slice(2), handled('wang', '2026-03')];
    const rows = assessPeople(policy, march, 'month');
    expect(rows.map((row) => [row.person, row.month, row.count, row.rule])).toEqual([
      ['wang', '2026-03', 3, 'twoInAMonth'],
    ]);
  });
});
