import { describe, expect, it } from 'vitest';
import {
  formatCaseNumber,
  nextCaseNumber,
  numberingPeriod,
} from '../../../server/domain/numbering/numbering.ts';
import type { Numbering } from '../../../server/domain/policy/format.ts';

const at = (iso: string) => Date.parse(iso);
const monthly: Numbering = { pattern: 'YYMMCC', reset: 'month' };
const daily9: Numbering = {
  pattern: 'AABBCCDDD',
  tokens: { A: 'year', B: 'month', C: 'day', D: 'serial' },
  reset: 'year',
};

describe('case numbering', () => {
  it.each<[string, Numbering, string, number, string]>([
    ['YYMMCC, first of the month', monthly, '2026-02-01T00:10:00+08:00', 1, '260201'],
    ['YYMMCC, twelfth', monthly, '2026-02-13T17:30:00+08:00', 12, '260212'],
    [
      'YYMMCC widens past 99 instead of wrapping',
      monthly,
      '2026-02-13T17:30:00+08:00',
      100,
      '2602100',
    ],
    ['AABBCCDDD with a yearly serial', daily9, '2026-11-25T09:00:00+08:00', 7, '261125007'],
    [
      'literal text and a four-digit year',
      { pattern: '[QC]-YYYY-CCCC', reset: 'year' },
      '2026-01-05T09:00:00+08:00',
      3,
      'QC-2026-0003',
    ],
    [
      'the date is the company time zone’s, not UTC’s',
      monthly,
      '2026-02-28T16:30:00Z',
      1,
      '260301',
    ],
  ])('%s', (_description, numbering, time, serial, expected) => {
    expect(formatCaseNumber(numbering, at(time), 'Asia/Shanghai', serial)).toBe(expected);
  });

  it.each<[Numbering['reset'], string]>([
    ['never', 'all'],
    ['year', '2026'],
    ['month', '2026-03'],
    ['day', '2026-03-01'],
  ])('counts serials per %s', (reset, period) => {
    expect(
      numberingPeriod({ pattern: 'YYMMDDCC', reset }, at('2026-02-28T16:30:00Z'), 'Asia/Shanghai'),
    ).toBe(period);
  });

  it('gives the serial after the last one used', () => {
    expect(nextCaseNumber(monthly, at('2026-02-13T10:00:00+08:00'), 'Asia/Shanghai', 2)).toEqual({
      number: '260203',
      period: '2026-02',
      serial: 3,
    });
  });
});
