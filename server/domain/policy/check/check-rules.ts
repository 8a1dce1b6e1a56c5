/** Policy checks of rule sets: the closed list of actions, their parameters, and the facts read. */
import type { ProblemSink, PathPart } from './check-sink.ts';
import { ACTION_TYPES, type Policy, type RuleAction } from '../format.ts';
import { ruleConditionFacts } from '../../rules/rules-engine.ts';
import { hasField, jsonPathToField } from '../schema-fields.ts';

/** The facts a rule condition may read (see CaseFacts). */
export const RULE_FACTS = [
  'intake',
  'categories',
  'remedy',
  'state',
  'flags',
  'receivedAt',
  'forms',
];

/** Checks every rule's action and conditions, and every transition guard's conditions. */
export function checkRules(policy: Policy, sink: ProblemSink): void {
  const ids = new Set<string>();
  policy.ruleSets.forEach((ruleSet, setIndex) => {
    if (ids.has(ruleSet.id))
      sink.add(['ruleSets', setIndex, 'id'], 'duplicate_id', { id: ruleSet.id });
    ids.add(ruleSet.id);
    ruleSet.rules.forEach((rule, ruleIndex) => {
      const at = ['ruleSets', setIndex, 'rules', ruleIndex];
      checkConditions(policy, rule.conditions, [...at, 'conditions'], sink);
      checkAction(policy, rule.event, [...at, 'event'], sink);
    });
  });
  policy.workflow.transitions.forEach((transition, index) => {
    if (transition.guard)
      checkConditions(policy, transition.guard, ['workflow', 'transitions', index, 'guard'], sink);
  });
}

/** Checks that conditions read known facts, and intake or category paths that exist. */
export function checkConditions(
  policy: Policy,
  conditions: Record<string, unknown>,
  at: PathPart[],
  sink: ProblemSink,
): void {
  for (const { fact, path } of ruleConditionFacts(conditions)) {
    if (!RULE_FACTS.includes(fact)) {
      sink.add(at, 'unknown_fact', { fact, allowed: RULE_FACTS });
      continue;
    }
    if (!path) continue;
    const field = jsonPathToField(path);
    if (fact === 'intake' && !hasField(policy.forms.intake.schema, field)) {
      sink.add(at, 'unknown_field', { field, form: 'intake' });
    }
    if (fact === 'categories' && !policy.categories[field]) {
      sink.add(at, 'unknown_category', { dimension: field });
    }
    if (fact === 'forms') checkFormPath(policy, field, at, sink);
  }
}

function checkFormPath(policy: Policy, field: string, at: PathPart[], sink: ProblemSink): void {
  const [form, ...rest] = field.split('.');
  const definition = form === undefined ? undefined : policy.forms[form];
  if (!definition) sink.add(at, 'unknown_form', { form });
  else if (!hasField(definition.schema, rest.join('.')))
    sink.add(at, 'unknown_field', { field: rest.join('.'), form });
}

/** Checks that an action is one of the closed list and names things that exist. */
function checkAction(policy: Policy, event: RuleAction, at: PathPart[], sink: ProblemSink): void {
  const type: string = event.type;
  if (!(ACTION_TYPES as readonly string[]).includes(type)) {
    sink.add([...at, 'type'], 'unknown_action', { action: type, allowed: ACTION_TYPES });
    return;
  }
  const params = [...at, 'params'];
  switch (event.type) {
    case 'setCategory': {
      const { dimension, value } = event.params;
      const definition = policy.categories[dimension];
      if (!definition) sink.add([...params, 'dimension'], 'unknown_category', { dimension });
      else if (!definition.values[value])
        sink.add([...params, 'value'], 'unknown_category_value', { dimension, value });
      else if (!definition.setBy.includes('rule'))
        sink.add([...params, 'dimension'], 'category_not_rule_set', { dimension });
      return;
    }
    case 'assign':
      if (event.params.role && !policy.roles[event.params.role])
        sink.add([...params, 'role'], 'unknown_role', { role: event.params.role });
      if (event.params.department && !policy.departments?.[event.params.department]) {
        sink.add([...params, 'department'], 'unknown_department', {
          department: event.params.department,
        });
      }
      return;
    case 'requireApproval':
    case 'notify':
      if (!policy.roles[event.params.role])
        sink.add([...params, 'role'], 'unknown_role', { role: event.params.role });
      return;
    case 'startClock':
    case 'stopClock':
    case 'pauseClock':
    case 'resumeClock':
      if (!policy.clocks[event.params.clock])
        sink.add([...params, 'clock'], 'unknown_clock', { clock: event.params.clock });
      return;
    case 'setField':
      if (!hasField(policy.forms.intake.schema, event.params.field)) {
        sink.add([...params, 'field'], 'unknown_field', {
          field: event.params.field,
          form: 'intake',
        });
      }
      return;
    case 'flag':
      return;
  }
}
