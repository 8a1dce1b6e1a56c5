import { describe, expect, it } from 'vitest';
import {
  decodeSnapshot,
  encodeSnapshot,
} from '../../../server/adapters/storage/journal/index-snapshot.ts';
import type { JournalIndex } from '../../../server/adapters/storage/journal/journal-index.ts';

const at = '2026-03-01T08:00:00.000Z';

/** A snapshot of format 2, as data directories written before format 3 hold them. */
const format2 = {
  format: 2,
  companyId: 'acme',
  position: [2, 900],
  caseLines: 3,
  serials: { '2026-03': 7 },
  shapes: [{ kind: '质量' }, { role: 'cs', department: '客服部' }, {}],
  cases: [
    [
      'c1',
      'Q-2026-03-1',
      'open',
      0,
      at,
      0,
      1,
      1,
      '2026-03',
      1,
      '2026-03',
      2,
      at,
      0,
      0,
      5000,
      4000,
      3000,
      1,
      0,
      120,
    ],
    [
      'c2',
      'Q-2026-03-2',
      'closed',
      'closed',
      at,
      0,
      2,
      1,
      '2026-03',
      2,
      '2026-03',
      1,
      '2026-03-02T00:00:00.000Z',
      'imp-2',
      { k1: { version: 1, request: 'r' } },
      null,
      null,
      null,
      2,
      500,
      80,
    ],
  ],
  audit: [1, 120, 60, 1, 2, 500, 80, 2],
  auditByCase: [
    ['c1', 1, 120, 60],
    ['c2', 2, 500, 80],
    ['gone', 2, 500, 80],
  ],
};

/** What the index knows, in plain values. */
function contents(index: JournalIndex) {
  return {
    position: index.position,
    caseLines: index.caseLines,
    cases: index.cases.map((entry) => ({
      ...entry,
      place: entry.place,
      stored: structuredClone(entry.stored),
    })),
    audit: index.auditLines,
    auditOf: ['c1', 'c2', 'gone'].map((id) => index.auditPlaces(id)),
    serials: [...index.serials()],
    claimed: index.claimed('k1'),
    imported: index.caseWithImportKey('imp-2'),
    numbered: index.caseWithNumber('Q-2026-03-1'),
  };
}

describe('index snapshot files', () => {
  it('reads a snapshot of format 2 and writes it again, as format 3, to the same index', () => {
    const old = decodeSnapshot(JSON.stringify(format2), 'snapshot.json');
    const c2 = old.get('c2')!;
    expect(c2.stored).toMatchObject({
      companyId: 'acme',
      importKey: 'imp-2',
      updatedAt: '2026-03-02T00:00:00.000Z',
      case: { state: 'closed', terminal: 'closed', assignee: {} },
    });
    expect(old.get('c1')).toMatchObject({ nextDue: 5000, firstWarning: 4000, sweepAt: 3000 });
    expect(old.auditPlaces('gone')).toEqual([[2, 500, 80]]);
    expect(old.claimed('k1')).toEqual({ caseId: 'c2', version: 1, request: 'r' });
    const text = encodeSnapshot(old, 'acme');
    expect(JSON.parse(text)).toMatchObject({ format: 3 });
    // Written as ASCII (the Chinese values escaped): read back byte for byte.
    expect(/^[\x20-\x7e]*$/.test(text)).toBe(true);
    expect(contents(decodeSnapshot(text, 'snapshot.json'))).toEqual(contents(old));
  });

  it('refuses a file that is not a snapshot it can read, naming it', () => {
    expect(() => decodeSnapshot('{"format":9}', 'x/snapshot.json')).toThrow(/x\/snapshot.json/);
    expect(() => decodeSnapshot('{', 'x/snapshot.json')).toThrow(/not valid JSON/);
  });
});
