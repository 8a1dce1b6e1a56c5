/**
 * What a parsed JSON body may hold beyond the JSON grammar: nesting no deeper than Kesu's copies
 * and stores can walk, and numbers a double holds (JSON.parse turns `1e309` into Infinity, which
 * JSON.stringify would store as null).
 */
import { HttpError } from './http-error.ts';

/** The deepest nesting of objects and arrays a body may have, the body itself counting as one. */
export const MAX_BODY_DEPTH = 64;

/**
 * Refuses a value nested deeper than MAX_BODY_DEPTH or holding a non-finite number, naming the
 * first such field (".intake.extra.a").
 * @throws body_too_deep, number_not_finite
 */
export function assertStorableJson(value: unknown): void {
  visit(value, '', 1);
}

function visit(value: unknown, property: string, depth: number): void {
  if (typeof value === 'number' && !Number.isFinite(value))
    throw new HttpError('number_not_finite', `${property || '.'} is beyond a double`, [
      { property: property || '.', message: 'number out of range' },
    ]);
  if (value === null || typeof value !== 'object') return;
  if (depth > MAX_BODY_DEPTH)
    throw new HttpError('body_too_deep', `nested deeper than ${MAX_BODY_DEPTH} at ${property}`, [
      { property, message: `nested deeper than ${MAX_BODY_DEPTH} levels` },
    ]);
  const entries = Array.isArray(value) ? value.entries() : Object.entries(value);
  for (const [key, child] of entries) visit(child, `${property}.${String(key)}`, depth + 1);
}
