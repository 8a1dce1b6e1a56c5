import { describe, expect, it } from 'vitest';
import type { CaseSummary } from '../../../server/adapters/storage/journal/case-summary.ts';
import { CaseEntry, MomentTable } from '../../../server/adapters/storage/journal/case-entry.ts';
import { firstDue, firstDueRanks } from '../../../server/adapters/storage/journal/journal-reads.ts';

/** Entries with few distinct due times (many ties) and some without one, in the order received. */
function entries(count: number, seed: number): CaseEntry[] {
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const table = new MomentTable();
  return Array.from({ length: count }, (_, received) => {
    const nextDue = random() < 0.2 ? null : Math.floor(random() * 50);
    table.set(received, { nextDue, firstWarning: null, sweepAt: null });
    return new CaseEntry({} as CaseSummary, table, received, 1, received, 1);
  });
}

/** The order "due" by sorting everything: the earliest first, none last, ties as received. */
function sortedDue(all: CaseEntry[]): CaseEntry[] {
  return [...all].sort((a, b) => {
    if (a.nextDue !== b.nextDue) {
      if (a.nextDue === null) return 1;
      if (b.nextDue === null) return -1;
      return a.nextDue - b.nextDue;
    }
    return a.received - b.received;
  });
}

describe('the first cases due, selected without sorting every case', () => {
  it('gives what a full sort then a slice gives, ties and cases without a due time included', () => {
    for (const seed of [1, 2, 3]) {
      const all = entries(2000, seed);
      const sorted = sortedDue(all).map((entry) => entry.received);
      for (const count of [0, 1, 7, 50, 249, 250, 1999, 2000, 2500]) {
        expect(firstDue(all, count).map((entry) => entry.received)).toEqual(sorted.slice(0, count));
      }
    }
  });

  it('gives the same ranks from the packed due times', () => {
    for (const seed of [4, 5]) {
      const all = entries(5000, seed);
      const due = Float64Array.from(all, (entry) => entry.nextDue ?? Infinity);
      const sorted = sortedDue(all).map((entry) => entry.received);
      for (const count of [0, 1, 50, 620, 1001, 4999, 6000]) {
        expect(firstDueRanks(due, all.length, count)).toEqual(sorted.slice(0, count));
      }
    }
  });
});
