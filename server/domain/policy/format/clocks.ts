/** Durations, duration tables and clocks: what starts, stops and pauses them, and how they warn and escalate. */
import { Type, type Static } from '@sinclair/typebox';
import { CategoryMatchSchema } from './forms.ts';
import { LabelSchema } from './labels.ts';
import {
  constant,
  exactlyOne,
  Id,
  oneOfStrings,
  ref,
  strictObject,
  Strings,
} from './schema-builders.ts';

const label = ref('label', LabelSchema);

const DURATION_UNITS = [
  'minutes',
  'hours',
  'days',
  'workingMinutes',
  'workingHours',
  'workingDays',
  'closeOfWorkingDay',
] as const;

/**
 * The unit of a duration. `days` keep the wall clock (the same local time N days later, across
 * daylight-saving changes); `minutes` and `hours` are elapsed time. Working units count only a
 * calendar's working hours: `workingDays` as N × the standard working day's minutes from the start,
 * `closeOfWorkingDay` as the end of working hours of the Nth working day after the day of receipt
 * (a whole N ≥ 1), as regulations write "by the close of the Nth working day".
 */
export type DurationUnit = (typeof DURATION_UNITS)[number];

/** An amount of time in a unit. */
export const DurationSchema = strictObject({
  amount: Type.Number({ minimum: 0 }),
  unit: oneOfStrings(DURATION_UNITS),
});
/** An amount of time in a unit. */
export type Duration = Static<typeof DurationSchema>;

const duration = ref('duration', DurationSchema);

/** A clock's duration: fixed, or looked up in a duration table by the case's categories. */
export const ClockDurationSchema = exactlyOne([duration, strictObject({ table: Type.String() })]);
/** A clock's duration: fixed, or looked up in a duration table by the case's categories. */
export type ClockDuration = Static<typeof ClockDurationSchema>;

/** Durations by the case's categories, first matching row wins, else the default. */
export const DurationTableSchema = strictObject({
  label: Type.Optional(label),
  rows: Type.Array(
    strictObject({ id: Id, when: ref('categoryMatch', CategoryMatchSchema), duration }),
  ),
  default: Type.Optional(duration),
});
/** Durations by the case's categories, first matching row wins, else the default. */
export type DurationTable = Static<typeof DurationTableSchema>;

/** When a clock starts, stops or pauses: on case opening, on a transition, on entering a state. */
export const TriggerSchema = exactlyOne([
  strictObject({ event: constant('caseOpened') }),
  strictObject({ transition: Type.String() }),
  strictObject({ enterState: Type.String() }),
]);
/** When a clock starts, stops or pauses: on case opening, on a transition, on entering a state. */
export type ClockTrigger = Static<typeof TriggerSchema>;

/** What a warning or escalation does: remind, notify a role, raise a category, reassign. */
export const EscalationActionSchema = exactlyOne([
  strictObject({ type: constant('remind'), message: Type.Optional(label) }),
  strictObject({
    type: constant('notify'),
    role: Type.String(),
    message: Type.Optional(label),
  }),
  strictObject({
    type: constant('raiseSeverity'),
    dimension: Type.String(),
    to: Type.Optional(Type.String()),
  }),
  strictObject({ type: constant('reassign'), role: Type.String() }),
]);
/** What a warning or escalation does: remind, notify a role, raise a category, reassign. */
export type EscalationAction = Static<typeof EscalationActionSchema>;

/** A warning or escalation level of a clock. */
export const ClockLevelSchema = strictObject({
  level: Type.Integer({ minimum: 1 }),
  /** Fraction of the duration elapsed (0.75) or, for escalations, time past due. */
  atFraction: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
  after: Type.Optional(duration),
  actions: Type.Array(ref('escalationAction', EscalationActionSchema)),
});
/** A warning or escalation level of a clock. */
export type ClockLevel = Static<typeof ClockLevelSchema>;

const trigger = ref('trigger', TriggerSchema);
const level = ref('clockLevel', ClockLevelSchema);

/** A deadline clock on a business calendar (response, resolution, follow-up…). */
export const ClockSchema = strictObject({
  label,
  calendar: Type.String(),
  duration: ClockDurationSchema,
  /** What starts the clock; may be empty when only rules start it (startClock). */
  start: Type.Array(trigger),
  stop: Type.Array(trigger),
  /** States during which the clock does not run. */
  pauseIn: Type.Optional(Strings),
  warnings: Type.Optional(Type.Array(level)),
  escalations: Type.Optional(Type.Array(level)),
});
/** A deadline clock on a business calendar (response, resolution, follow-up…). */
export type ClockDefinition = Static<typeof ClockSchema>;
