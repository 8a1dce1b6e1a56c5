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

/**
 * `{ ...first, ...second }`: for two records V8 (Node 20) takes a path that costs microseconds
 * (so does adding a key to a spread copy), where setting both's entries on an empty object does not.
 */
export function merged<T>(first: Record<string, T>, second: Record<string, T>): Record<string, T> {
  // Setting "__proto__" would call its setter where a spread defines a key: keep the spread.
  if (Object.hasOwn(first, '__proto__') || Object.hasOwn(second, '__proto__'))
    return { ...first, ...second };
  const copy: Record<string, T> = {};
  for (const key of Object.keys(first)) copy[key] = first[key] as T;
  for (const key of Object.keys(second)) copy[key] = second[key] as T;
  return copy;
}
