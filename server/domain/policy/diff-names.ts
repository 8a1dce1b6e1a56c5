/**
 * The labels a policy change reads in: for each id a change names (roles of an approver chain, a
 * clock, a transition, a state, a category and its values), its label in the new policy or, when
 * the change removed it, in the old one.
 */
import type { DiffBand, DiffNames, DiffPart, PolicyChange } from './diff-policies.ts';
import type { Label, Policy } from './format.ts';

/** What an id names, as the key of DiffNames says it ("role", "clock", "value:severity"). */
type Kind = 'role' | 'clock' | 'transition' | 'state' | 'dimension' | `value:${string}`;

const PART_KINDS: Partial<Record<DiffPart, Kind>> = {
  role: 'role',
  clock: 'clock',
  transition: 'transition',
  state: 'state',
  categoryDimension: 'dimension',
};

/** The ids a change names, with what each names. */
function mentions(change: PolicyChange): [Kind, string][] {
  const roles = (ids: string[]) => ids.map((id): [Kind, string] => ['role', id]);
  // A band that applies to some categories only names their dimensions and values.
  const band = (b: DiffBand): [Kind, string][] => [
    ...roles(b.chain),
    ...Object.entries(b.when ?? {}).flatMap(([dimension, values]): [Kind, string][] => [
      ['dimension', dimension],
      ...values.map((value): [Kind, string] => [`value:${dimension}`, value]),
    ]),
  ];
  switch (change.code) {
    case 'band_added':
    case 'band_removed':
      return band(change.params.band);
    case 'band_changed':
      return [...band(change.params.before), ...band(change.params.after)];
    case 'part_added':
    case 'part_removed': {
      const { part, id, dimension } = change.params;
      if (part === 'categoryValue' && dimension !== undefined)
        return [
          ['dimension', dimension],
          [`value:${dimension}`, id],
        ];
      const kind = PART_KINDS[part];
      return kind ? [[kind, id]] : [];
    }
    case 'authority_changed':
      return [['role', change.params.role]];
    case 'clock_duration_changed':
    case 'clock_changed':
      return [['clock', change.params.clock]];
    case 'transition_roles_changed':
      return [
        ['transition', change.params.transition],
        ...roles([...change.params.before, ...change.params.after]),
      ];
    case 'transition_changed':
      return [['transition', change.params.transition]];
    default:
      return [];
  }
}

function labelIn(policy: Policy, kind: Kind, id: string): Label | undefined {
  if (kind === 'role') return policy.roles[id]?.label;
  if (kind === 'clock') return policy.clocks[id]?.label;
  if (kind === 'transition') return policy.workflow.transitions.find((t) => t.id === id)?.label;
  if (kind === 'state') return policy.workflow.states[id]?.label;
  if (kind === 'dimension') return policy.categories[id]?.label;
  return policy.categories[kind.slice('value:'.length)]?.values[id]?.label;
}

/** The changes, each with the labels of the ids it names (none when it names none with a label). */
export function withNames(changes: PolicyChange[], before: Policy, after: Policy): PolicyChange[] {
  return changes.map((change) => {
    const names: DiffNames = {};
    for (const [kind, id] of mentions(change)) {
      const label = labelIn(after, kind, id) ?? labelIn(before, kind, id);
      if (label) names[`${kind}:${id}`] = label;
    }
    return Object.keys(names).length === 0 ? change : { ...change, names };
  });
}
