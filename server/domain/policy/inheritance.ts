/**
 * Template inheritance: a company policy that says `"extends": {"template", "version"}` carries only
 * its overrides (policy-overrides.ts has the rules); resolving it against that template version gives
 * the full policy, and a report says of every part whether it is inherited, overridden, added or removed.
 */
import { canonicalJson } from '../canonical-json.ts';
import { DomainError } from '../errors.ts';
import {
  applyOverrides,
  computeOverrides,
  isRecord,
  isRemoval,
  isWholeValue,
  itemKey,
  keyedListKey,
  pointer,
} from './overrides.ts';

type Json = Record<string, unknown>;

/** Which template, at which version (its `version`, or its content hash), a policy extends. */
export type ExtendsRef = { template: string; version: string };

export type PartStatus = 'inherited' | 'overridden' | 'added' | 'removed';

/** One part of a policy (a role, a form, a clock, a transition, the numbering …) and where it comes from. */
export type InheritedPart = {
  path: string;
  status: PartStatus;
  /** For an overridden part: the paths inside it that the company's document sets. */
  changes?: string[];
};

// Keys that describe the document rather than the policy.
const OWN_KEYS = ['$schema', 'extends', 'version'];

/** The document without `$schema`, `extends` and `version`. */
export function policyBody(document: Json): Json {
  return Object.fromEntries(Object.entries(document).filter(([key]) => !OWN_KEYS.includes(key)));
}

/** True for a document in extends form. */
export function isExtendsForm(document: unknown): document is Json & { extends: unknown } {
  return isRecord(document) && 'extends' in document;
}

/**
 * The extends reference of a document in extends form.
 * @throws override_invalid naming `.extends.template` or `.extends.version`
 */
export function extendsRefOf(document: Json): ExtendsRef {
  const ref = document.extends;
  const bad = (field: string) =>
    new DomainError('override_invalid', `extends.${field} must be a non-empty string`, {}, [
      { property: `.extends.${field}`, message: 'required non-empty string' },
    ]);
  if (!isRecord(ref) || typeof ref.template !== 'string' || ref.template === '')
    throw bad('template');
  if (typeof ref.version !== 'string' || ref.version === '') throw bad('version');
  const extra = Object.keys(ref).filter((key) => key !== 'template' && key !== 'version');
  if (extra.length > 0)
    throw new DomainError(
      'override_invalid',
      `extends has unknown fields: ${extra.join(', ')}`,
      {},
      [...extra.map((key) => ({ property: `.extends.${key}`, message: 'unknown field' }))],
    );
  return { template: ref.template, version: ref.version };
}

// cyrb53 (public domain): a fast 53-bit string hash; two seeds give 106 bits. It names a version of
// a template's content; it is not a security measure.
function hash53(text: string, seed: number): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/** A template's version: its `version` field, else "h-" and a hash of its content (key order ignored). */
export function templateVersion(template: unknown): string {
  if (isRecord(template) && typeof template.version === 'string') return template.version;
  const text = canonicalJson(isRecord(template) ? policyBody(template) : template);
  return `h-${hash53(text, 1)}${hash53(text, 2)}`;
}

/**
 * The full policy a document in extends form stands for: the template with the document's overrides.
 * @throws override_invalid for a bad extends reference or an override that cannot apply
 */
export function resolveExtends(template: Json, document: Json): Json {
  extendsRefOf(document);
  return applyOverrides(policyBody(template), policyBody(document));
}

/** The extends form of a full policy: the reference and the smallest overrides of the template. */
export function toExtendsForm(full: Json, template: Json, ref: ExtendsRef): Json {
  return { extends: ref, ...computeOverrides(policyBody(full), policyBody(template)) };
}

// Collections whose entries are each a part; other top-level keys (and workflow.initial,
// approvals.currency …) are parts themselves.
const COLLECTIONS = [
  'roles',
  'departments',
  'forms',
  'categories',
  'workflow/states',
  'workflow/transitions',
  'approvals/rows',
  'durationTables',
  'clocks',
  'calendars',
  'ruleSets',
  'assessment',
  'examples',
];
const GROUPS = ['workflow', 'approvals'];

/** The parts of a policy (or of overrides), path → value. */
function partsOf(document: Json): Map<string, unknown> {
  const parts = new Map<string, unknown>();
  const entries = (value: unknown, path: string[]) => {
    const key = keyedListKey(path);
    if (key && Array.isArray(value)) {
      for (const item of value) {
        const id = itemKey(item, key);
        if (id !== undefined) parts.set(pointer([...path, id]), item);
      }
    } else if (isRecord(value)) {
      for (const [name, item] of Object.entries(value)) parts.set(pointer([...path, name]), item);
    } else parts.set(pointer(path), value);
  };
  for (const [name, value] of Object.entries(policyBody(document))) {
    if (COLLECTIONS.includes(name)) entries(value, [name]);
    else if (GROUPS.includes(name) && isRecord(value)) {
      for (const [inner, item] of Object.entries(value)) {
        const path = [name, inner];
        if (COLLECTIONS.includes(path.join('/'))) entries(item, path);
        else parts.set(pointer(path), item);
      }
    } else parts.set(pointer([name]), value);
  }
  return parts;
}

/** The paths an override value sets, down to its leaves. */
function leafPaths(value: unknown, path: string[]): string[] {
  if (isRemoval(value) || isWholeValue(path)) return [pointer(path)];
  const key = keyedListKey(path);
  if (key && Array.isArray(value))
    return value.flatMap((item) => {
      const id = itemKey(item, key) ?? '?';
      const { [key]: _key, ...rest } = isRecord(item) ? item : {};
      return isRemoval(item) || Object.keys(rest).length === 0
        ? [pointer([...path, id])]
        : leafPaths(rest, [...path, id]);
    });
  if (isRecord(value) && Object.keys(value).length > 0)
    return Object.entries(value).flatMap(([name, item]) => leafPaths(item, [...path, name]));
  return [pointer(path)];
}

/**
 * Of every part of the resolved policy or the template: inherited, overridden (with what the
 * overrides set inside it), added or removed. Template parts come first, in the template's order.
 */
export function inheritanceReport(template: Json, document: Json, resolved: Json): InheritedPart[] {
  const base = partsOf(template);
  const result = partsOf(resolved);
  const overrides = partsOf(document);
  const report: InheritedPart[] = [];
  for (const path of new Set([...base.keys(), ...result.keys()])) {
    const status: PartStatus = !base.has(path)
      ? 'added'
      : !result.has(path)
        ? 'removed'
        : overrides.has(path)
          ? 'overridden'
          : 'inherited';
    if (status !== 'overridden') report.push({ path, status });
    else {
      const segments = path.split('/').slice(1);
      const key = keyedListKey(segments.slice(0, -1));
      const value = overrides.get(path);
      const inner =
        key && isRecord(value)
          ? Object.fromEntries(Object.entries(value).filter(([name]) => name !== key))
          : value;
      report.push({ path, status, changes: leafPaths(inner, segments) });
    }
  }
  return report;
}
