/**
 * The names of removed parts, for the problems panel: once a role, state, action, category or value is
 * removed, the check reports "role media does not exist" by its code; the editor remembers every
 * name it has seen in the draft, so the panel can say "the removed role 媒体专员 is still used here".
 */
import { useRef } from 'react';
import type { TFunction } from 'i18next';
import type { Label, Policy, PolicyProblem } from '../../api/types.ts';
import { labelText } from '../../i18n/index.ts';

/** Labels by part key ("role:media", "value:severity/minor"). */
export type KnownNames = Map<string, Label>;

/** Adds the labels of the draft's roles, states, categories and values to `known`. */
export function rememberNames(known: KnownNames, policy: Policy): void {
  for (const [id, role] of Object.entries(policy.roles)) known.set(`role:${id}`, role.label);
  for (const [id, state] of Object.entries(policy.workflow.states))
    known.set(`state:${id}`, state.label);
  for (const transition of policy.workflow.transitions)
    known.set(`transition:${transition.id}`, transition.label);
  for (const [id, dimension] of Object.entries(policy.categories)) {
    known.set(`dimension:${id}`, dimension.label);
    for (const [value, v] of Object.entries(dimension.values))
      known.set(`value:${id}/${value}`, v.label);
  }
}

/** The names seen in every version of the draft this editor has shown. */
export function useKnownNames(policy: Policy): KnownNames {
  const known = useRef<KnownNames>(new Map());
  rememberNames(known.current, policy);
  return known.current;
}

/** The removed part a problem refers to (kind and key), if its code is about a missing one. */
function missingPart(problem: PolicyProblem, policy: Policy): [string, string] | null {
  const p = problem.params ?? {};
  const s = (v: unknown) => (typeof v === 'string' ? v : '');
  switch (problem.code) {
    case 'unknown_role':
      return policy.roles[s(p.role)] ? null : ['role', `role:${s(p.role)}`];
    case 'unknown_state':
      return policy.workflow.states[s(p.state)] ? null : ['state', `state:${s(p.state)}`];
    case 'unknown_transition':
      return policy.workflow.transitions.some((tr) => tr.id === s(p.transition))
        ? null
        : ['transition', `transition:${s(p.transition)}`];
    case 'unknown_category':
      return policy.categories[s(p.dimension)]
        ? null
        : ['dimension', `dimension:${s(p.dimension)}`];
    case 'unknown_category_value':
      return policy.categories[s(p.dimension)]?.values[s(p.value)]
        ? null
        : ['value', `value:${s(p.dimension)}/${s(p.value)}`];
    default:
      return null;
  }
}

/** The problem in words when it is about a removed part the editor knew ("已删除的角色「副总经理」…"), else null. */
export function removedPartWords(
  problem: PolicyProblem,
  policy: Policy,
  known: KnownNames,
  lang: string,
  t: TFunction<'policy'>,
): string | null {
  const missing = missingPart(problem, policy);
  const label = missing ? known.get(missing[1]) : undefined;
  if (!missing || !label) return null;
  return t('removal.problem', {
    what: t(`removal.kinds.${missing[0]}`),
    name: labelText(label, lang),
  });
}

/** A workflow state's reachability problem naming the state by its label, else null. */
function stateWords(problem: PolicyProblem, policy: Policy, lang: string, t: TFunction<'policy'>) {
  const state = problem.params?.state;
  const label = typeof state === 'string' ? policy.workflow.states[state]?.label : undefined;
  if (!label) return null;
  const name = labelText(label, lang);
  if (problem.code === 'state_unreachable') return t('workflow.unreachable', { name });
  if (problem.code === 'state_cannot_end') return t('workflow.cannotEnd', { name });
  return null;
}

/**
 * The problem's message with parts named as the administrator named them: a removed part by the
 * name it had, a state that cannot be reached (a newly added one) by its label; else the check's
 * message.
 */
export function removedPartText(
  problem: PolicyProblem,
  policy: Policy,
  known: KnownNames,
  lang: string,
  t: TFunction<'policy'>,
): string {
  return (
    removedPartWords(problem, policy, known, lang, t) ??
    stateWords(problem, policy, lang, t) ??
    problem.message
  );
}
