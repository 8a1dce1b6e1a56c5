/** Roles, departments and the approval matrix (核决权限表). */
import { Type, type Static } from '@sinclair/typebox';
import { CategoryMatchSchema } from './forms.ts';
import { LabelSchema } from './labels.ts';
import { Id, ref, strictObject } from './schema-builders.ts';

const label = ref('label', LabelSchema);

/** A role staff can hold, with its authority limit (核决权限) and department. */
export const RoleSchema = strictObject({
  label,
  /**
   * 核决权限: this role may approve remedies below this amount (bands are [min, max) too, so a
   * band up to 1,000 fits a limit of 1,000); absent = no limit.
   */
  authorityLimit: Type.Optional(Type.Number({ minimum: 0 })),
  department: Type.Optional(Type.String()),
});
/** A role staff can hold, with its authority limit (核决权限) and department. */
export type RoleDefinition = Static<typeof RoleSchema>;

/** A department roles may belong to. */
export const DepartmentSchema = strictObject({ label });

/**
 * One row of the approval matrix (核决权限表): [min, max) yuan and categories → approver chain.
 * The chain's steps sign off in order; the amount must lie within the authority of the chain's last
 * role (the check enforces it), while the roles before it review rather than grant.
 */
export const ApprovalRowSchema = strictObject({
  id: Id,
  when: Type.Optional(ref('categoryMatch', CategoryMatchSchema)),
  min: Type.Number({ minimum: 0 }),
  /** Exclusive upper bound; absent = no upper bound. */
  max: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
  chain: Type.Array(Type.String({ minLength: 1 }), { minItems: 1 }),
  note: Type.Optional(label),
});
/** One row of the approval matrix (核决权限表): [min, max) yuan and categories → approver chain. */
export type ApprovalRow = Static<typeof ApprovalRowSchema>;

/** The policy's approvals: the matrix and where the remedy amount is read from. */
export const ApprovalsSchema = strictObject({
  currency: Type.String({ pattern: '^[A-Z]{3}$' }),
  /** Where the remedy amount is read from in the proposal form (dotted path). */
  amountField: Type.String(),
  /** The amount the customer asks for in the intake form, for an early preview of the chain. */
  intakeAmountField: Type.Optional(Type.String()),
  rows: Type.Array(ref('approvalRow', ApprovalRowSchema)),
  /**
   * 四眼原则 (four eyes): one person may not approve two steps of the same chain, even holding
   * both roles. Absent = true; false lets one person sign several steps.
   */
  fourEyes: Type.Optional(Type.Boolean()),
});

/** The approval matrix proper: its currency and rows. */
export const ApprovalMatrixSchema = Type.Pick(ApprovalsSchema, ['currency', 'rows']);
/** The approval matrix proper: its currency and rows. */
export type ApprovalMatrix = Static<typeof ApprovalMatrixSchema>;
