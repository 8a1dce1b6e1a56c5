import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyPatch, diffJson, sameJson } from '../../../server/domain/case/case-patch.ts';

/** JSON values without undefined: what a stored case is made of. */
const json = fc.jsonValue({ maxDepth: 4 });

describe('case patches', () => {
  it('rebuild any JSON value from any other', () => {
    fc.assert(
      fc.property(json, json, (before, after) => {
        expect(sameJson(applyPatch(before, diffJson(before, after)), after)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('rebuild a value changed in a few places, and leave the original as it was', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), json), fc.string(), json, (before, key, value) => {
        const copy = structuredClone(before);
        const after = {
          ...before,
          [key]: value,
          list: [...(Array.isArray(before.list) ? before.list : []), 1],
        };
        expect(sameJson(applyPatch(before, diffJson(before, after)), after)).toBe(true);
        expect(before).toEqual(copy);
      }),
    );
  });

  it('keeps an appended submission as an append, not the whole list again', () => {
    const before = { state: 'a', submissions: [{ form: 'x' }], remedy: null };
    const after = { state: 'b', submissions: [{ form: 'x' }, { form: 'y' }], remedy: null };
    expect(diffJson(before, after)).toEqual([
      { op: 'set', path: ['state'], value: 'b' },
      { op: 'append', path: ['submissions'], values: [{ form: 'y' }] },
    ]);
  });
});
