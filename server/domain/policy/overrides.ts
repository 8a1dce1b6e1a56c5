/**
 * How overrides apply to a template, and the overrides that turn a template into a given policy.
 *
 * The rules, in order, for an override value at a path:
 * 1. At a whole-value path (WHOLE_VALUES: conditions, guards, events, `when`, durations, examples)
 *    the value replaces the template's.
 * 2. At a keyed list (KEYED_LISTS: transitions, approval rows, rule sets, rules, examples, …) it must
 *    be a list; its items merge with the template's item of the same key (`id`, or `name` for rules,
 *    `level` for clock levels, `date` for calendar days), others are appended in order, and
 *    `{"<key>": …, "$remove": true}` removes the template's item.
 * 3. An object merges key by key with the template's object; `{"$remove": true}` as a value removes
 *    that key (a form, a category value, a state, a clock …).
 * 4. Any other value (text, number, a list without keys) replaces the template's.
 */
import { DomainError, type FieldError } from '../errors.ts';

type Path = readonly string[];
type Json = Record<string, unknown>;

/** Lists whose items are merged by a key field rather than replaced whole. */
export const KEYED_LISTS: readonly (readonly [pattern: string, key: string])[] = [
  ['workflow/transitions', 'id'],
  ['approvals/rows', 'id'],
  ['durationTables/*/rows', 'id'],
  ['clocks/*/warnings', 'level'],
  ['clocks/*/escalations', 'level'],
  ['calendars/*/workingHours', 'effectiveFrom'],
  ['calendars/*/holidays', 'date'],
  ['calendars/*/makeUpWorkdays', 'date'],
  ['ruleSets', 'id'],
  ['ruleSets/*/rules', 'name'],
  ['assessment', 'id'],
  ['examples', 'id'],
];

/** Values replaced whole even though they are objects: merging them key by key would mean nothing. */
export const WHOLE_VALUES: readonly string[] = [
  'workflow/transitions/*/guard',
  'approvals/rows/*/when',
  'durationTables/*/rows/*/when',
  'durationTables/*/rows/*/duration',
  'durationTables/*/default',
  'clocks/*/duration',
  'clocks/*/warnings/*/after',
  'clocks/*/escalations/*/after',
  'ruleSets/*/rules/*/conditions',
  'ruleSets/*/rules/*/event',
  'examples/*',
];

const matches = (pattern: string, path: Path) => {
  const parts = pattern.split('/');
  return parts.length === path.length && parts.every((part, i) => part === '*' || part === path[i]);
};

/** The key field of the keyed list at `path`, if it is one. */
export function keyedListKey(path: Path): string | undefined {
  return KEYED_LISTS.find(([pattern]) => matches(pattern, path))?.[1];
}

/** True where a value is replaced whole. */
export function isWholeValue(path: Path): boolean {
  return WHOLE_VALUES.some((pattern) => matches(pattern, path));
}

export const isRecord = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** `{"$remove": true}`, or a keyed item with `$remove: true`. */
export const isRemoval = (value: unknown): boolean => isRecord(value) && value.$remove === true;

/** Deep equality of JSON values, key order ignored. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => sameJson(item, b[i]));
  }
  if (!isRecord(a) || !isRecord(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => key in b && sameJson(a[key], b[key]));
}

/** A path as a JSON Pointer with item keys ("/workflow/transitions/close"). */
export const pointer = (path: Path) => '/' + path.join('/');

// Field errors name fields the rjsf way (".workflow.transitions.close").
const field = (path: Path) => '.' + path.join('.');

/** The item key of a keyed-list item, as a path segment. */
export const itemKey = (item: unknown, key: string): string | undefined => {
  const value = isRecord(item) ? item[key] : undefined;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
};

function apply(base: unknown, over: unknown, path: Path, errors: FieldError[]): unknown {
  if (isWholeValue(path) || (!isRecord(over) && !Array.isArray(over))) return structuredClone(over);
  const key = keyedListKey(path);
  if (key) {
    if (!Array.isArray(over)) {
      errors.push({ property: field(path), message: `must be a list of items with "${key}"` });
      return structuredClone(base);
    }
    return applyList(Array.isArray(base) ? base : [], over, key, path, errors);
  }
  if (Array.isArray(over)) return structuredClone(over);
  const result: Json = isRecord(base) ? { ...base } : {};
  for (const [name, value] of Object.entries(over as Json)) {
    if (isRemoval(value)) {
      if (!(name in result))
        errors.push({ property: field([...path, name]), message: 'nothing to remove here' });
      delete result[name];
    } else result[name] = apply(result[name], value, [...path, name], errors);
  }
  return result;
}

function applyList(
  base: unknown[],
  over: unknown[],
  key: string,
  path: Path,
  errors: FieldError[],
): unknown[] {
  const out = base.map((item) => structuredClone(item));
  over.forEach((item, index) => {
    const id = itemKey(item, key);
    if (id === undefined) {
      errors.push({ property: field([...path, String(index)]), message: `needs "${key}"` });
      return;
    }
    const at = out.findIndex((candidate) => itemKey(candidate, key) === id);
    if (isRemoval(item)) {
      if (at < 0)
        errors.push({ property: field([...path, id]), message: 'nothing to remove here' });
      else out.splice(at, 1);
    } else if (at >= 0) out[at] = apply(out[at], item, [...path, id], errors);
    else out.push(apply(undefined, item, [...path, id], errors));
  });
  return out;
}

/**
 * The template with the overrides applied (module comment: the rules).
 * @throws override_invalid with a field error for each override that cannot apply
 */
export function applyOverrides(template: Json, overrides: Json): Json {
  const errors: FieldError[] = [];
  const result = apply(template, overrides, [], errors) as Json;
  if (errors.length > 0) {
    throw new DomainError(
      'override_invalid',
      `The overrides cannot be applied: ${errors.map((e) => `${e.property} ${e.message}`).join('; ')}`,
      {},
      errors,
    );
  }
  return result;
}

const SAME = Symbol('same');

function diff(full: unknown, base: unknown, path: Path): unknown {
  if (sameJson(full, base)) return SAME;
  if (isWholeValue(path)) return structuredClone(full);
  const key = keyedListKey(path);
  if (key && Array.isArray(full) && Array.isArray(base)) {
    const keyed = (list: unknown[]) => list.every((item) => itemKey(item, key) !== undefined);
    if (keyed(full) && keyed(base)) return diffList(full, base, key, path);
  }
  if (isRecord(full) && isRecord(base)) {
    const out: Json = {};
    for (const [name, value] of Object.entries(full)) {
      const changed = name in base ? diff(value, base[name], [...path, name]) : value;
      if (changed !== SAME) out[name] = structuredClone(changed);
    }
    for (const name of Object.keys(base)) if (!(name in full)) out[name] = { $remove: true };
    return out;
  }
  return structuredClone(full);
}

function diffList(full: unknown[], base: unknown[], key: string, path: Path): unknown[] {
  const out: unknown[] = [];
  for (const item of full) {
    const id = itemKey(item, key) as string;
    const old = base.find((candidate) => itemKey(candidate, key) === id);
    const changed = old === undefined ? item : diff(item, old, [...path, id]);
    if (changed === SAME) continue;
    out.push(isRecord(changed) ? { [key]: (item as Json)[key], ...changed } : changed);
  }
  for (const item of base) {
    const id = itemKey(item, key) as string;
    if (!full.some((candidate) => itemKey(candidate, key) === id))
      out.push({ [key]: (item as Json)[key], $remove: true });
  }
  return out;
}

/**
 * The smallest overrides that turn `template` into `full` (keyed lists keep the template's order,
 * so an order-only change is not kept).
 */
export function computeOverrides(full: Json, template: Json): Json {
  const result = diff(full, template, []);
  return result === SAME ? {} : (result as Json);
}
