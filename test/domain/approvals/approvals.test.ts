import { describe, expect, it } from 'vitest';
import { isWithinAuthority, resolveApprovers } from '../../../server/domain/approvals/approvals.ts';
import { buildPolicy } from '../../support/policies.ts';

const policy = buildPolicy((p) => {
  p.categories.media = {
    label: { 'zh-CN': '媒体介入' },
    values: { none: { label: { 'zh-CN': '无' } }, involved: { label: { 'zh-CN': '有' } } },
    setBy: ['staff'],
    default: 'none',
  };
  p.approvals.rows = [
    { id: 'small', min: 0, max: 1000, chain: ['supervisor'], when: { media: ['none'] } },
    {
      id: 'smallMedia',
      min: 0,
      max: 1000,
      chain: ['supervisor', 'manager'],
      when: { media: ['involved'] },
    },
    { id: 'large', min: 1000, chain: ['supervisor', 'manager'] },
  ];
});

describe('approval resolution (核决权限)', () => {
  it.each<[string, number, Record<string, string>, string, string[]]>([
    ['below the first limit', 999.99, { media: 'none' }, 'small', ['supervisor']],
    [
      'at the band edge, the upper band',
      1000,
      { media: 'none' },
      'large',
      ['supervisor', 'manager'],
    ],
    [
      'small but with media involved',
      200,
      { media: 'involved' },
      'smallMedia',
      ['supervisor', 'manager'],
    ],
    ['zero', 0, { media: 'none' }, 'small', ['supervisor']],
  ])('%s', (_description, amount, categories, row, chain) => {
    const resolved = resolveApprovers(policy, amount, categories);
    expect(resolved.row.id).toBe(row);
    expect(resolved.chain).toEqual(chain);
  });

  it('refuses an amount no row covers', () => {
    expect(() => resolveApprovers(policy, 10, {})).toThrow(
      expect.objectContaining({ code: 'no_approval_row' }),
    );
  });

  it.each<[string, number, boolean]>([
    ['supervisor', 999.99, true],
    ['supervisor', 1000, false],
    ['manager', 1_000_000, true],
    ['clerk', 1, false],
    ['nobody', 1, false],
  ])(
    '%s within authority for %d: %s (a role outside the matrix has none)',
    (role, amount, expected) => {
      expect(isWithinAuthority(policy, role, amount)).toBe(expected);
    },
  );
});
