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
  /**
   * Marks the rule set as a decision table (决策表), edited in the studio as rows × columns: one
   * rule a row; "first" rows are guarded by the rows above them, "collect" rows are not. The
   * rules alone decide what runs; the mark only says how the studio shows them.
   */
  table: Type.Optional(strictObject({ hitPolicy: oneOfStrings(['first', 'collect']) })),
  rules: Type.Array(ref('rule', RuleSchema)),
});
/** A named set of rules, evaluated on intake or after every action. */
export type RuleSet = Static<typeof RuleSetSchema>;

/**
 * What an assessment rule measures per subject and period: the cases received (all, or the valid
 * ones), the cases with a late clock, the average handling time in hours of the closed ones, the
 * timely rate of the decided clocks, or the closure rate.
 */
export const ASSESSMENT_MEASURES = [
  'complaints',
  'validComplaints',
  'lateCases',
  'averageHandlingHours',
  'timelyRate',
  'closureRate',
] as const;
/** What an assessment rule measures per subject and period. */
export type AssessmentMeasure = (typeof ASSESSMENT_MEASURES)[number];

/** Whom an assessment rule judges: each responsible person, each department, or the company. */
export const ASSESSMENT_SUBJECTS = ['person', 'department', 'company'] as const;
/** Whom an assessment rule judges. */
export type AssessmentSubject = (typeof ASSESSMENT_SUBJECTS)[number];

const threshold = (description: string) => Type.Optional(Type.Number({ description }));

/**
 * A penalty or assessment rule. Without `measure`: per person per period, a count of valid
 * complaints in [minCount, maxCount] → consequence. With `measure`: an aggregate per subject and
 * period (e.g. the month's average handling time above 17 h) compared with its thresholds.
 */
export const AssessmentSchema = strictObject({
  id: Id,
  label,
  period: oneOfStrings(['month', 'year']),
  minCount: Type.Optional(Type.Integer({ minimum: 1 })),
  maxCount: Type.Optional(Type.Integer({ minimum: 1 })),
  measure: Type.Optional(oneOfStrings(ASSESSMENT_MEASURES)),
  per: Type.Optional(oneOfStrings(ASSESSMENT_SUBJECTS)),
  clock: Type.Optional(
    Type.String({ description: 'lateCases and timelyRate: only this clock (default: any).' }),
  ),
  above: threshold('Applies when the measure is greater than this.'),
  atLeast: threshold('Applies when the measure is this or more.'),
  below: threshold('Applies when the measure is less than this.'),
  atMost: threshold('Applies when the measure is this or less.'),
  consequence: label,
  penaltyAmount: Type.Optional(Type.Number({ minimum: 0 })),
  deductPoints: Type.Optional(
    Type.Union([Type.Number({ exclusiveMinimum: 0 }), Type.Literal('all')], {
      description: 'Points deducted, or "all" points lost.',
    }),
  ),
});
/** A penalty or assessment rule: a per-person count, or an aggregate measure per period. */
export type AssessmentRule = Static<typeof AssessmentSchema>;
