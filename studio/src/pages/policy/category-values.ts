/** New ids for policy parts (category dimensions and values, roles), made from their English names. */

/** Ids of policy parts: a letter, then letters, digits, "_" or "-" (the format's Id). */
export const PART_ID = /^[A-Za-z][A-Za-z0-9_-]*$/;

/**
 * An id from an English name in camelCase ("Media involvement" → "mediaInvolvement"), else
 * `fallback`; numbered ("value2") when `taken` has it already.
 */
export function newPartId(taken: Record<string, unknown>, en: string, fallback: string): string {
  const base =
    en
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ''))
      .replace(/^[0-9]+/, '') || fallback;
  let id = base;
  let n = 2;
  while (taken[id] !== undefined) id = `${base}${n++}`;
  return id;
}
