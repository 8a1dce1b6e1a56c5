/** Reads a JSON value at a dotted path ("clocks.reply.duration", "rows.0.id"); undefined if absent. */
export function get(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** The ids (or another key) of a list of items at a dotted path. */
export function keysAt(value: unknown, path: string, key = 'id'): unknown[] {
  const list = get(value, path);
  return Array.isArray(list) ? list.map((item) => get(item, key)) : [];
}
