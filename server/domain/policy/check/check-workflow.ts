/** Policy checks of the workflow: references, reachability, and that every state can end. */
import type { ProblemSink } from './check-sink.ts';
import { hasField } from '../schema-fields.ts';
import type { Policy, TransitionEffect } from '../format.ts';

/** Checks states, transitions and the roles and forms they name. */
export function checkWorkflow(policy: Policy, sink: ProblemSink): void {
  const { workflow } = policy;
  const states = workflow.states;
  if (!states[workflow.initial])
    sink.add(['workflow', 'initial'], 'unknown_state', { state: workflow.initial });
  const seen = new Set<string>();
  workflow.transitions.forEach((transition, index) => {
    const at = ['workflow', 'transitions', index];
    if (seen.has(transition.id)) sink.add([...at, 'id'], 'duplicate_id', { id: transition.id });
    seen.add(transition.id);
    transition.from.forEach((state, i) => {
      if (!states[state]) sink.add([...at, 'from', i], 'unknown_state', { state });
      else if (states[state]?.terminal)
        sink.add([...at, 'from', i], 'terminal_has_exit', { state });
    });
    if (transition.to !== undefined && !states[transition.to])
      sink.add([...at, 'to'], 'unknown_state', { state: transition.to });
    transition.roles.forEach((role, i) => {
      if (!policy.roles[role]) sink.add([...at, 'roles', i], 'unknown_role', { role });
    });
    if (transition.form && !policy.forms[transition.form]) {
      sink.add([...at, 'form'], 'unknown_form', { form: transition.form });
    }
  });
  checkApprovalEffects(policy, sink);
  checkGraph(policy, sink);
}

function hasEffect(policy: Policy, effect: TransitionEffect): boolean {
  return policy.workflow.transitions.some((transition) => transition.effect === effect);
}

/** The matrix is only usable if remedies can be proposed (with an amount field) and approved. */
function checkApprovalEffects(policy: Policy, sink: ProblemSink): void {
  if (policy.approvals.rows.length === 0) return;
  for (const effect of ['proposeRemedy', 'approve'] as const) {
    if (!hasEffect(policy, effect))
      sink.add(['workflow', 'transitions'], 'effect_missing', { effect });
  }
  policy.workflow.transitions.forEach((transition, index) => {
    if (transition.effect !== 'proposeRemedy') return;
    const form = transition.form ? policy.forms[transition.form] : undefined;
    if (form && !hasField(form.schema, policy.approvals.amountField)) {
      sink.add(['approvals', 'amountField'], 'unknown_field', {
        field: policy.approvals.amountField,
        form: transition.form,
      });
    } else if (!transition.form) {
      sink.add(['workflow', 'transitions', index, 'form'], 'unknown_form', { form: '(none)' });
    }
  });
}

function reachable(start: string[], edges: Map<string, Set<string>>): Set<string> {
  const seen = new Set(start);
  const queue = [...start];
  for (let state = queue.shift(); state !== undefined; state = queue.shift()) {
    for (const next of edges.get(state) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

/** Unreachable states, states from which no terminal state can be reached, no terminal at all. */
function checkGraph(policy: Policy, sink: ProblemSink): void {
  const { states, transitions, initial } = policy.workflow;
  const forward = new Map<string, Set<string>>();
  const backward = new Map<string, Set<string>>();
  for (const transition of transitions) {
    if (transition.to === undefined) continue;
    for (const from of transition.from) {
      if (!forward.has(from)) forward.set(from, new Set());
      forward.get(from)?.add(transition.to);
      if (!backward.has(transition.to)) backward.set(transition.to, new Set());
      backward.get(transition.to)?.add(from);
    }
  }
  const terminals = Object.keys(states).filter((id) => states[id]?.terminal);
  if (terminals.length === 0) sink.add(['workflow', 'states'], 'no_terminal_state');
  const fromInitial = reachable([initial], forward);
  const canEnd = reachable(terminals, backward);
  for (const state of Object.keys(states)) {
    if (!fromInitial.has(state))
      sink.add(['workflow', 'states', state], 'state_unreachable', { state });
    else if (terminals.length > 0 && !canEnd.has(state)) {
      sink.add(['workflow', 'states', state], 'state_cannot_end', { state });
    }
  }
}
