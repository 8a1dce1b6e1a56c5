/** Rule sets (json-rules-engine rules whose events are Kesu's actions) and assessment rules. */
import { Type, type Static, type TProperties } from '@sinclair/typebox';
import { LabelSchema, RuleConditionSchema } from './labels.ts';
import { Id, oneOfStrings, openObject, ref, strictObject } from './schema-builders.ts';

const label = ref('label', LabelSchema);

/** The closed list of actions a rule's event may take. */
export const ACTION_TYPES = [
  'setCategory',
  'assign',
  'requireApproval',
  'startClock',
  'stopClock',
  'pauseClock',
  'resumeClock',
  'notify',
  'flag',
  'setField',
] as const;

/** The closed list of actions a rule's event may take. */
export type ActionType = (typeof ACTION_TYPES)[number];

const action = <K extends ActionType, P extends TProperties>(type: K, params: P) =>
  Type.Object({ type: Type.Literal(type), params: Type.Object(params) });
const clock = { clock: Type.String() };

/**
 * The actions with their parameters. The format's JSON Schema keeps the event open (a type and an
 * object), so that the check can name an unknown action or a missing parameter in its own words.
 */
export const RuleActionSchema = Type.Union([
  action('setCategory', { dimension: Type.String(), value: Type.String() }),
  action('assign', {
    role: Type.Optional(Type.String()),
    department: Type.Optional(Type.String()),
  }),
  action('requireApproval', { role: Type.String() }),
  action('startClock', clock),
  action('stopClock', clock),
  action('pauseClock', clock),
  action('resumeClock', clock),
  action('notify', { role: Type.String(), message: Type.Optional(LabelSchema) }),
  action('flag', { flag: Type.String(), message: Type.Optional(LabelSchema) }),
  action('setField', { field: Type.String(), value: Type.Unknown() }),
]);
/** An action a rule (or a transition's effect) decides, with its parameters. */
export type RuleAction = Static<typeof RuleActionSchema>;

/** A rule's event as the format's schema sees it: a type and its parameters. */
export const RuleEventSchema = Type.Unsafe<RuleAction>(
  strictObject({ type: Type.String(), params: Type.Optional(openObject()) }),
);

/** A json-rules-engine rule whose event is one of our typed actions. */
export const RuleSchema = strictObject({
  name: Type.String({ minLength: 1 }),
  priority: Type.Optional(Type.Integer({ minimum: 1 })),
  conditions: ref('condition', RuleConditionSchema),
  event: ref('ruleEvent', RuleEventSchema),
  description: Type.Optional(label),
});
/** A json-rules-engine rule whose event is one of our typed actions. */
export type PolicyRule = Static<typeof RuleSchema>;

/** A named set of rules, evaluated on intake or after every action. */
export const RuleSetSchema = strictObject({
  id: Id,
  label: Type.Optional(label),
  description: Type.Optional(label),
  /** Evaluated on case opening ("intake"), or after any action ("always"). */
  on: Type.Optional(oneOfStrings(['intake', 'always'])),
  rules: Type.Array(ref('rule', RuleSchema)),
});
/** A named set of rules, evaluated on intake or after every action. */
export type RuleSet = Static<typeof RuleSetSchema>;

/** A penalty or assessment rule: per person per month, count of valid complaints → consequence. */
export const AssessmentSchema = strictObject({
  id: Id,
  label,
  period: oneOfStrings(['month', 'year']),
  minCount: Type.Integer({ minimum: 1 }),
  maxCount: Type.Optional(Type.Integer({ minimum: 1 })),
  consequence: label,
  penaltyAmount: Type.Optional(Type.Number({ minimum: 0 })),
});
/** A penalty or assessment rule: per person per month, count of valid complaints → consequence. */
export type AssessmentRule = Static<typeof AssessmentSchema>;
