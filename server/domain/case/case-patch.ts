/**
 * What a write changed in a case, as a list of operations on JSON values: an audit entry keeps this
 * instead of two full copies of the case, and the case before and after is rebuilt when read.
 */

/** One change at a path of object keys: a value set, a key removed, or items appended to an array. */
export type PatchOp =
  | { op: 'set'; path: string[]; value: unknown }
  | { op: 'remove'; path: string[] }
  | { op: 'append'; path: string[]; values: unknown[] };

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The object's own value at `key` (never one inherited, such as `toString`). */
const own = (o: Record<string, unknown>, key: string): unknown =>
  Object.hasOwn(o, key) ? o[key] : undefined;

/** Whether two JSON values are equal (keys in any order; undefined keys count as absent). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, index) => sameJson(item, b[index]));
  if (isObject(a) && isObject(b)) {
    const keys = (o: Record<string, unknown>) => Object.keys(o).filter((k) => o[k] !== undefined);
    const ka = keys(a);
    return ka.length === keys(b).length && ka.every((key) => sameJson(a[key], own(b, key)));
  }
  return false;
}

/**
 * The operations that turn `before` into `after`: objects compared key by key, an array that only
 * grew as an append, anything else set whole.
 */
export function diffJson(before: unknown, after: unknown, path: string[] = []): PatchOp[] {
  if (sameJson(before, after)) return [];
  if (isObject(before) && isObject(after)) {
    const ops: PatchOp[] = [];
    for (const key of Object.keys(before))
      if (before[key] !== undefined && own(after, key) === undefined)
        ops.push({ op: 'remove', path: [...path, key] });
    for (const [key, value] of Object.entries(after))
      if (value !== undefined) ops.push(...diffJson(own(before, key), value, [...path, key]));
    return ops;
  }
  if (
    Array.isArray(before) &&
    Array.isArray(after) &&
    before.length > 0 &&
    after.length > before.length &&
    before.every((item, index) => sameJson(item, after[index]))
  )
    return [{ op: 'append', path, values: after.slice(before.length) }];
  return [{ op: 'set', path, value: after }];
}

/** The value at `path` replaced by what `change` makes of it; every object on the way copied. */
function update(value: unknown, path: string[], change: (current: unknown) => unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return change(value);
  const base = isObject(value) ? value : {};
  return { ...base, [head]: update(own(base, head), rest, change) };
}

/** `value` with the operations applied (a new value; `value` is left as it is). */
export function applyPatch<T>(value: T, ops: PatchOp[]): T {
  let result: unknown = value;
  for (const change of ops) {
    if (change.op === 'set') result = update(result, change.path, () => change.value);
    else if (change.op === 'append')
      result = update(result, change.path, (current) => [
        ...(Array.isArray(current) ? current : []),
        ...change.values,
      ]);
    else {
      const parent = change.path.slice(0, -1);
      const key = change.path.at(-1);
      result = update(result, parent, (current) => {
        if (!isObject(current) || key === undefined) return current;
        const { [key]: _removed, ...rest } = current;
        return rest;
      });
    }
  }
  return result as T;
}
