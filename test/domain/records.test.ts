import { describe, expect, it } from 'vitest';
import { merged, withEntry } from '../../server/domain/records.ts';

/** Own keys and values in order, "__proto__" included, as a spread defines them. */
const entries = (record: object) =>
  Object.getOwnPropertyNames(record).map((key) => [key, (record as Record<string, unknown>)[key]]);

const proto = (value: unknown) => JSON.parse(`{"__proto__": ${JSON.stringify(value)}}`) as object;

describe('records copied with entries set, as the spreads they stand for', () => {
  it.each([
    ['a new key last', { a: 1 }, 'b', 2],
    ['an existing key in its place', { a: 1, b: 2 }, 'a', 3],
    ['"__proto__" as an own key', { a: 1 }, '__proto__', 4],
  ])('withEntry sets %s', (_, record, key, value) => {
    const copy = withEntry(record as Record<string, number>, key, value);
    expect(entries(copy)).toEqual(entries({ ...record, [key]: value }));
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
  });

  it.each([
    ['new keys after the first record’s', { user: 'u' }, { role: 'r', department: 'd' }],
    [
      'a key of both in the first’s place, with the second’s value',
      { role: 'a', user: 'u' },
      { role: 'b' },
    ],
    ['an own "__proto__" of the second', { a: 1 }, proto({ b: 2 })],
    ['an own "__proto__" of the first', proto({ b: 2 }), { a: 1 }],
  ])('merged keeps %s', (_, first, second) => {
    const copy = merged(first as Record<string, unknown>, second as Record<string, unknown>);
    expect(entries(copy)).toEqual(entries({ ...first, ...second }));
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(copy).not.toBe(first);
  });
});
