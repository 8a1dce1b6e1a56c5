/** The workflow: states, and the transitions staff (and customers) take between them. */
import { Type, type Static } from '@sinclair/typebox';
import { LabelSchema, RuleConditionSchema } from './labels.ts';
import { Id, idMap, oneOfStrings, ref, strictObject } from './schema-builders.ts';

const label = ref('label', LabelSchema);

const TERMINAL_KINDS = ['closed', 'abnormal', 'invalid', 'withdrawn'] as const;

/** How a case ended: closed normally, abnormally (非正常结案), as invalid, or withdrawn by the complainant. */
export type TerminalKind = (typeof TERMINAL_KINDS)[number];

/** A workflow state; terminal states say how the case ended. */
export const StateSchema = strictObject({
  label,
  terminal: Type.Optional(oneOfStrings(TERMINAL_KINDS)),
});
/** A workflow state; terminal states say how the case ended. */
export type StateDefinition = Static<typeof StateSchema>;

const TRANSITION_EFFECTS = [
  'proposeRemedy',
  'approve',
  'rejectApproval',
  'reply',
  'customerAccept',
  'customerReject',
  'followUp',
  'reclassify',
  'assign',
] as const;

/**
 * What a transition does besides moving the case: propose a remedy (starts an approval chain),
 * approve or reject within it, reply to the customer (only once approvals are in), record the
 * customer's answer (a rejection reopens the case with the decision attached), follow up, reclassify.
 */
export type TransitionEffect = (typeof TRANSITION_EFFECTS)[number];

const nonEmptyStrings = Type.Array(Type.String({ minLength: 1 }), { minItems: 1 });

/** An action staff may take on a case: from which states, by which roles, with which form. */
export const TransitionSchema = strictObject({
  id: Id,
  label,
  from: nonEmptyStrings,
  /** The state the case moves to; absent = it stays where it is (e.g. reclassify, assign). */
  to: Type.Optional(Type.String()),
  roles: nonEmptyStrings,
  /** The stage form that must be submitted (and valid) with this action. */
  form: Type.Optional(Type.String()),
  /** Conditions over the case facts that must hold (json-rules-engine condition format). */
  guard: Type.Optional(ref('condition', RuleConditionSchema)),
  effect: Type.Optional(oneOfStrings(TRANSITION_EFFECTS)),
  /** For "reply": refuse until every approval of the current remedy is in. */
  requiresApprovals: Type.Optional(Type.Boolean()),
});
/** An action staff may take on a case: from which states, by which roles, with which form. */
export type Transition = Static<typeof TransitionSchema>;

/** The workflow: the initial state, the states by id, and the transitions. */
export const WorkflowSchema = strictObject({
  initial: Type.String(),
  states: idMap(ref('state', StateSchema)),
  transitions: Type.Array(ref('transition', TransitionSchema)),
});
/** The workflow: the initial state, the states by id, and the transitions. */
export type Workflow = Static<typeof WorkflowSchema>;
