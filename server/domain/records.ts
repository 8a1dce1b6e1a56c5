/**
 * Copying records with one entry set. `{ ...record, [key]: value }` is the plain way, but when
 * `key` is new V8 (Node 20) takes a slow path that costs about a microsecond a copy — several per
 * case on the hot path of opening one — while building the copy from an empty object does not.
 */

/** A copy of `record` with `key` set to `value`, as `{ ...record, [key]: value }` makes it. */
export function withEntry<T>(record: Record<string, T>, key: string, value: T): Record<string, T> {
  // Object.assign would call the __proto__ setter where a spread defines a key: keep the spread.
  if (key === '__proto__' || Object.hasOwn(record, '__proto__')) return { ...record, [key]: value };
  const copy = Object.assign({}, record);
  copy[key] = value;
  return copy;
}
