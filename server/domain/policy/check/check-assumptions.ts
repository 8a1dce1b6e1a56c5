/** Policy checks of a template's assumptions: each must be about a part the policy has. */
import type { ProblemSink } from './check-sink.ts';
import type { Policy } from '../format.ts';

/**
 * The value a part name points to in a policy document, as sources and assumptions name parts:
 * dot-separated steps, each a key of an object or the `id` (rules: `name`) of a list item —
 * `clocks.reply`, `workflow.transitions.close`, `ruleSets.triage.rules.largeClaimIsMajor`.
 * Undefined when there is no such part.
 */
export function resolvePart(document: unknown, part: string): unknown {
  let at: unknown = document;
  for (const step of part.split('.')) {
    if (Array.isArray(at)) at = at.find((item: unknown) => itemKey(item) === step);
    else if (at !== null && typeof at === 'object') at = (at as Record<string, unknown>)[step];
    else return undefined;
  }
  return at;
}

function itemKey(item: unknown): unknown {
  if (item === null || typeof item !== 'object') return undefined;
  const { id, name } = item as { id?: unknown; name?: unknown };
  return id ?? name;
}

/** Checks that every assumption names a part of the policy (`unknown_part` otherwise). */
export function checkAssumptions(policy: Policy, sink: ProblemSink): void {
  (policy.assumptions ?? []).forEach(({ part }, index) => {
    if (resolvePart(policy, part) === undefined)
      sink.add(['assumptions', index, 'part'], 'unknown_part', { part });
  });
}
