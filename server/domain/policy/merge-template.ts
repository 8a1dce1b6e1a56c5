/**
 * mergeTemplate: a three-way merge of a new template version into a company policy that extends an
 * older one. Base is the template version the company extended, theirs the new template, ours the
 * company's policy (its overrides applied to base). Where only the template changed a part, the change
 * is taken; where only the company did, the company's value stays; where both changed it differently,
 * the company's value stays and the part is listed as a conflict — nothing is dropped silently.
 */
import {
  applyOverrides,
  computeOverrides,
  isRecord,
  isWholeValue,
  itemKey,
  keyedListKey,
  pointer,
  sameJson,
} from './overrides.ts';
import { policyBody, type ExtendsRef } from './inheritance.ts';

type Json = Record<string, unknown>;

/** A part both the template and the company changed: its value in each (absent = removed). */
export type MergeConflict = { path: string; base?: unknown; template?: unknown; company?: unknown };

export type TemplateMerge = {
  /** The merged full policy. */
  policy: Json;
  /** The merged policy in extends form, extending the new template. */
  document: Json;
  conflicts: MergeConflict[];
};

function merge(
  base: unknown,
  theirs: unknown,
  ours: unknown,
  path: string[],
  conflicts: MergeConflict[],
): unknown {
  if (sameJson(theirs, base)) return ours;
  if (sameJson(ours, base)) return theirs;
  if (sameJson(ours, theirs)) return ours;
  if (!isWholeValue(path)) {
    const key = keyedListKey(path);
    if (key && [base, theirs, ours].every(Array.isArray))
      return mergeList(
        base as unknown[],
        theirs as unknown[],
        ours as unknown[],
        key,
        path,
        conflicts,
      );
    if (!key && [base, theirs, ours].every(isRecord)) {
      const [b, t, o] = [base as Json, theirs as Json, ours as Json];
      const out: Json = {};
      for (const name of new Set([...Object.keys(t), ...Object.keys(o)])) {
        const value = merge(b[name], t[name], o[name], [...path, name], conflicts);
        if (value !== undefined) out[name] = value;
      }
      return out;
    }
  }
  conflicts.push({
    path: pointer(path),
    ...(base === undefined ? {} : { base }),
    ...(theirs === undefined ? {} : { template: theirs }),
    ...(ours === undefined ? {} : { company: ours }),
  });
  return ours;
}

function mergeList(
  base: unknown[],
  theirs: unknown[],
  ours: unknown[],
  key: string,
  path: string[],
  conflicts: MergeConflict[],
): unknown[] {
  const byKey = (list: unknown[]) => {
    const map = new Map<string, unknown>();
    for (const item of list) {
      const id = itemKey(item, key);
      if (id !== undefined) map.set(id, item);
    }
    return map;
  };
  const [b, t, o] = [byKey(base), byKey(theirs), byKey(ours)];
  const out: unknown[] = [];
  for (const id of new Set([...t.keys(), ...o.keys()])) {
    const value = merge(b.get(id), t.get(id), o.get(id), [...path, id], conflicts);
    if (value !== undefined) out.push(value);
  }
  return out;
}

/**
 * Merges the new template version into a company document in extends form.
 * @throws override_invalid when the document's overrides do not apply to the base
 */
export function mergeTemplate(input: {
  base: Json;
  theirs: Json;
  document: Json;
  ref: ExtendsRef;
}): TemplateMerge {
  const base = policyBody(input.base);
  const theirs = policyBody(input.theirs);
  const ours = applyOverrides(base, policyBody(input.document));
  const conflicts: MergeConflict[] = [];
  const policy = merge(base, theirs, ours, [], conflicts) as Json;
  const document = { extends: input.ref, ...computeOverrides(policy, theirs) };
  return { policy, document, conflicts };
}
