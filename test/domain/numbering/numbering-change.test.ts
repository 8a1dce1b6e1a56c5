import { describe, expect, it } from 'vitest';
import {
  formatCaseNumber,
  numberingChangeWarnings,
  type PublishedNumbering,
} from '../../../server/domain/numbering/index.ts';
import type { Numbering } from '../../../server/domain/policy/format.ts';

const monthly: Numbering = { pattern: 'YYMMCC', reset: 'month' };
const yearly: Numbering = { pattern: 'YYMMCC', reset: 'year' };
const v = (version: number, numbering: Numbering): PublishedNumbering => ({ version, numbering });

describe('a change of numbering that can repeat a number', () => {
  it('is real: monthly → yearly with the same pattern gives a number already given', () => {
    const march = Date.parse('2026-03-05T09:00:00+08:00');
    // The 1st case of March under the monthly reset, and the 1st case of 2026 under the yearly.
    expect(formatCaseNumber(monthly, march, 'Asia/Shanghai', 1)).toBe(
      formatCaseNumber(yearly, march, 'Asia/Shanghai', 1),
    );
  });

  it.each<[string, PublishedNumbering[], Numbering, { version: number; before: string }[]]>([
    ['monthly → yearly, same pattern', [v(1, monthly)], yearly, [{ version: 1, before: 'YYMMCC' }]],
    [
      'a new pattern with the same literal text',
      [v(1, monthly)],
      { pattern: 'YYYYMMCCC', reset: 'month' },
      [{ version: 1, before: 'YYMMCC' }],
    ],
    [
      'each earlier numbering once, the latest first, named by its last version',
      [v(1, monthly), v(2, yearly), v(3, yearly)],
      { pattern: 'YYMMCC', reset: 'never' },
      [
        { version: 3, before: 'YYMMCC' },
        { version: 1, before: 'YYMMCC' },
      ],
    ],
    ['no change', [v(1, monthly), v(2, monthly)], monthly, []],
    ['nothing published', [], yearly, []],
    [
      'a literal prefix keeps them apart',
      [v(1, monthly)],
      { pattern: '[B]YYMMCC', reset: 'year' },
      [],
    ],
    [
      'a prefix added earlier keeps those apart, not the ones without it',
      [v(1, monthly), v(2, { pattern: '[B]YYMMCC', reset: 'year' })],
      { pattern: 'YYMMCC', reset: 'year' },
      [{ version: 1, before: 'YYMMCC' }],
    ],
  ])('%s', (_description, published, next, expected) => {
    const warnings = numberingChangeWarnings(next, published);
    expect(warnings.map((w) => ({ version: w.params.version, before: w.params.before }))).toEqual(
      expected,
    );
    for (const warning of warnings)
      expect(warning).toMatchObject({ path: '/numbering/pattern', code: 'numbering_may_repeat' });
  });

  it('suggests a literal prefix no earlier numbering writes', () => {
    const [warning] = numberingChangeWarnings(yearly, [
      v(1, { pattern: '[A]YYMMCC', reset: 'month' }),
      v(2, monthly),
    ]);
    expect(warning?.params).toMatchObject({ suggestion: '[B]YYMMCC', afterReset: 'year' });
  });
});
