/** A policy's examples: its own test cases, from intake through steps to what must come out. */
import { Type, type Static } from '@sinclair/typebox';
import { LabelSchema } from './labels.ts';
import type { ActionType } from './rules.ts';
import {
  anyKeyMap,
  Id,
  Instant,
  openObject,
  ref,
  strictObject,
  Strings,
} from './schema-builders.ts';

/** Who takes a step of an example: a user and the roles they hold. */
export const ActorSchema = strictObject({ user: Type.String(), roles: Strings });
/** Who takes a step of an example: a user and the roles they hold. */
export type ExampleActor = Static<typeof ActorSchema>;

/** One action of an example, at a time, by an actor, with the stage form's data. */
const StepSchema = strictObject({
  at: Instant,
  actor: ref('actor', ActorSchema),
  transition: Type.String(),
  data: Type.Optional(openObject()),
});
/** One action of an example, at a time, by an actor, with the stage form's data. */
export type ExampleStep = Static<typeof StepSchema>;

/** A decision an example expects: the action type and a subset of its parameters. */
const ExpectedDecisionSchema = strictObject({
  type: Type.Unsafe<ActionType>(Type.String()),
  params: Type.Optional(openObject()),
});

/** What an example must produce; every key given is compared, the rest is ignored. */
const ExpectationSchema = strictObject({
  state: Type.Optional(Type.String()),
  categories: Type.Optional(anyKeyMap(Type.String())),
  /** Actions (type + params subset) that must be among the decisions. */
  decisions: Type.Optional(Type.Array(ExpectedDecisionSchema)),
  approverChain: Type.Optional(Strings),
  /** Clock id → due time (ISO with offset). */
  due: Type.Optional(anyKeyMap(Instant)),
  number: Type.Optional(Type.String()),
  /** The coded error the last step must fail with. */
  error: Type.Optional(Type.String()),
  flags: Type.Optional(Strings),
  /** Flags that must not have been raised. */
  absentFlags: Type.Optional(Strings),
  /** Roles that must have been notified, by a rule or by a clock's warning or escalation. */
  notified: Type.Optional(Strings),
});
/** What an example must produce; every key given is compared, the rest is ignored. */
export type ExampleExpectation = Static<typeof ExpectationSchema>;

/** An example: a complaint received at a time, the steps taken on it, and what must come out. */
export const ExampleSchema = strictObject({
  id: Id,
  title: ref('label', LabelSchema),
  receivedAt: Instant,
  intake: openObject(),
  /** Serial already used in the period before this case (default 0). */
  previousSerial: Type.Optional(Type.Integer({ minimum: 0 })),
  steps: Type.Optional(Type.Array(StepSchema)),
  /** The moment at which clocks and warnings are read (default: the last step's time). */
  at: Type.Optional(Instant),
  expect: ExpectationSchema,
});
/** An example: a complaint received at a time, the steps taken on it, and what must come out. */
export type PolicyExample = Static<typeof ExampleSchema>;
