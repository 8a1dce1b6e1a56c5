/** A clock's duration from a duration table: the first matching row, looked up per combination. */
import { describe, expect, it } from 'vitest';
import { resolveClockDuration } from '../../../server/domain/clocks/clocks.ts';
import type { ClockDefinition, Policy } from '../../../server/domain/policy/format.ts';

const policy: Pick<Policy, 'durationTables'> = {
  durationTables: {
    reply: {
      rows: [
        {
          id: 'urgentQuality',
          when: { severity: ['urgent'], cause: ['quality'] },
          duration: { amount: 1, unit: 'days' },
        },
        {
          id: 'urgent',
          when: { severity: ['urgent', 'high'] },
          duration: { amount: 2, unit: 'days' },
        },
        {
          id: 'quality',
          when: { cause: ['quality'] },
          duration: { amount: 5, unit: 'workingDays' },
        },
      ],
      default: { amount: 10, unit: 'workingDays' },
    },
    strict: {
      rows: [{ id: 'only', when: { cause: ['quality'] }, duration: { amount: 3, unit: 'hours' } }],
    },
  },
};
const clock = (table: string) => ({ duration: { table } }) as unknown as ClockDefinition;

describe('resolveClockDuration', () => {
  it.each([
    {
      description: 'the first of two matching rows',
      categories: { severity: 'urgent', cause: 'quality' },
      row: 'urgentQuality',
      amount: 1,
    },
    {
      description: 'a row matching one of its values',
      categories: { severity: 'high', cause: 'quality' },
      row: 'urgent',
      amount: 2,
    },
    {
      description: 'a row on another dimension',
      categories: { severity: 'low', cause: 'quality' },
      row: 'quality',
      amount: 5,
    },
    {
      description: 'the default when no row matches',
      categories: { severity: 'low' },
      row: 'default',
      amount: 10,
    },
    {
      description: 'the default for a missing dimension',
      categories: {},
      row: 'default',
      amount: 10,
    },
    {
      description: 'dimensions no row names ignored',
      categories: { severity: 'urgent', channel: 'phone' },
      row: 'urgent',
      amount: 2,
    },
  ] as {
    description: string;
    categories: Record<string, string>;
    row: string;
    amount: number;
  }[])('chooses $description, asked once or again', ({ categories, row, amount }) => {
    for (let i = 0; i < 2; i += 1) {
      const { duration, source } = resolveClockDuration(policy, clock('reply'), categories);
      expect(source).toEqual({ kind: 'table', table: 'reply', row });
      expect(duration.amount).toBe(amount);
    }
  });

  it('refuses a case no row and no default covers, also when asked again', () => {
    for (let i = 0; i < 2; i += 1)
      expect(() => resolveClockDuration(policy, clock('strict'), { cause: 'other' })).toThrowError(
        expect.objectContaining({ code: 'unknown_clock' }),
      );
    expect(resolveClockDuration(policy, clock('strict'), { cause: 'quality' }).source).toEqual({
      kind: 'table',
      table: 'strict',
      row: 'only',
    });
  });
});
