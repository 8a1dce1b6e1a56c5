/**
 * What a transition does besides moving the case: propose a remedy and its approver chain, approve
 * within authority, reply only once approved, reopen on the customer's rejection, follow up.
 */
import {
  approvedEarlierBy,
  authorityLimit,
  isWithinAuthority,
  remedyApprovers,
} from '../approvals/approvals.ts';
import { setCategory, type Applied } from './apply-decisions.ts';
import type { Actor, ApprovalStep, Case, FormSubmission } from './case.ts';
import { DomainError } from '../errors.ts';
import type { Policy, Transition } from '../policy/format.ts';
import { readPath } from '../policy/schema-fields.ts';

export type EffectInput = {
  policy: Policy;
  transition: Transition;
  data: Record<string, unknown>;
  actor: Actor;
  at: string;
};

/** The applied effect and the state the case moves to (approval may keep it where it is). */
export type EffectResult = Applied & { to: string };

function proposeRemedy(current: Case, input: EffectInput): EffectResult {
  const amount = Number(readPath(input.data, input.policy.approvals.amountField) ?? NaN);
  if (!Number.isFinite(amount) || amount < 0) {
    throw new DomainError('remedy_missing', 'The remedy amount is missing', {}, [
      { property: '.' + input.policy.approvals.amountField, message: 'required' },
    ]);
  }
  const { row, roles } = remedyApprovers(
    input.policy,
    amount,
    current.categories,
    current.requiredApprovals,
  );
  const steps: ApprovalStep[] = roles.map((role) => ({ role, status: 'pending' }));
  const type = typeof input.data.type === 'string' ? input.data.type : undefined;
  const remedy = {
    amount,
    ...(type ? { type } : {}),
    proposedAt: input.at,
    proposedBy: input.actor.user,
    data: input.data,
    chainSource: [{ kind: 'table' as const, table: 'approvals', row: row.id }],
    chain: steps,
  };
  return {
    case: { ...current, remedy },
    events: [
      {
        type: 'remedyProposed',
        at: input.at,
        by: input.actor.user,
        data: { amount, chain: roles, row: row.id },
      },
    ],
    to: input.transition.to ?? current.state,
  };
}

/** The index of the first pending step, which is the one to approve next. */
function pendingStep(current: Case): number {
  return current.remedy ? current.remedy.chain.findIndex((step) => step.status === 'pending') : -1;
}

/**
 * Approves the next pending step of the chain.
 * @throws approval_not_pending, approval_beyond_authority, role_not_allowed, approval_same_person
 */
function approve(current: Case, input: EffectInput, rejected: boolean): EffectResult {
  const remedy = current.remedy;
  const index = pendingStep(current);
  const step = remedy?.chain[index];
  if (!remedy || !step) throw new DomainError('approval_not_pending', 'No approval is pending', {});
  if (!input.actor.roles.includes(step.role)) {
    const later = remedy.chain.slice(index + 1).some((s) => input.actor.roles.includes(s.role));
    if (later)
      throw new DomainError('approval_not_pending', `Waiting for ${step.role} to approve first`, {
        pending: step.role,
      });
    const own = input.actor.roles.find((role) => authorityLimit(input.policy, role) !== undefined);
    if (own && !isWithinAuthority(input.policy, own, remedy.amount)) {
      throw new DomainError(
        'approval_beyond_authority',
        `${remedy.amount} is beyond the authority of ${own}`,
        {
          role: own,
          limit: authorityLimit(input.policy, own),
          amount: remedy.amount,
          pending: step.role,
        },
      );
    }
    throw new DomainError('role_not_allowed', `Approval by ${step.role} is pending`, {
      pending: step.role,
    });
  }
  const approved = rejected
    ? undefined
    : approvedEarlierBy(input.policy, remedy.chain, input.actor.user);
  if (approved !== undefined)
    throw new DomainError(
      'approval_same_person',
      `${input.actor.user} already approved the ${approved} step of this chain (four eyes)`,
      { user: input.actor.user, approved, pending: step.role },
    );
  const comment = typeof input.data.comment === 'string' ? input.data.comment : undefined;
  const done: ApprovalStep = {
    ...step,
    status: rejected ? 'rejected' : 'approved',
    user: input.actor.user,
    at: input.at,
    ...(comment ? { comment } : {}),
  };
  const chain = remedy.chain.map((s, i) => (i === index ? done : s));
  const complete = chain.every((s) => s.status === 'approved');
  return {
    case: { ...current, remedy: { ...remedy, chain } },
    events: [
      {
        type: rejected ? 'approvalRejected' : 'approved',
        at: input.at,
        by: input.actor.user,
        data: { role: step.role, amount: remedy.amount, complete },
      },
    ],
    to: rejected || complete ? (input.transition.to ?? current.state) : current.state,
  };
}

function isApproved(current: Case): boolean {
  return Boolean(
    current.remedy && current.remedy.chain.every((step) => step.status === 'approved'),
  );
}

function lastSubmission(current: Case, form: string | undefined): FormSubmission | null {
  return [...current.submissions].reverse().find((s) => s.form === form) ?? null;
}

/**
 * Applies the transition's effect.
 * @throws approvals_pending when replying before the remedy's approvals are in
 */
export function applyEffect(current: Case, input: EffectInput): EffectResult {
  const { transition, at } = input;
  const unchanged = { case: current, events: [], to: transition.to ?? current.state };
  switch (transition.effect) {
    case 'proposeRemedy':
      return proposeRemedy(current, input);
    case 'approve':
      return approve(current, input, false);
    case 'rejectApproval':
      return approve(current, input, true);
    case 'reply':
      if (transition.requiresApprovals && !isApproved(current)) {
        const pending =
          current.remedy?.chain.filter((s) => s.status !== 'approved').map((s) => s.role) ?? [];
        throw new DomainError('approvals_pending', 'The remedy is not approved yet', { pending });
      }
      return {
        case: current,
        events: [{ type: 'replied', at, by: input.actor.user, data: {} }],
        to: transition.to ?? current.state,
      };
    case 'customerReject': {
      const reply = lastSubmission(
        current,
        input.policy.workflow.transitions.find((t) => t.effect === 'reply')?.form,
      );
      const reason = typeof input.data.reason === 'string' ? input.data.reason : undefined;
      const reopened = { at, remedy: current.remedy, reply, ...(reason ? { reason } : {}) };
      return {
        case: { ...current, remedy: null, reopened: [...current.reopened, reopened] },
        events: [{ type: 'reopened', at, by: input.actor.user, data: { reason: reason ?? null } }],
        to: transition.to ?? current.state,
      };
    }
    case 'followUp': {
      const score = Number(input.data.satisfaction);
      return Number.isFinite(score)
        ? { ...unchanged, case: { ...current, satisfaction: score } }
        : unchanged;
    }
    case 'reclassify':
      return reclassify(current, input);
    case 'assign': {
      const assignee = {
        ...current.assignee,
        ...pickStrings(input.data, ['role', 'department', 'user']),
      };
      return {
        case: { ...current, assignee },
        events: [{ type: 'assigned', at, by: input.actor.user, data: assignee }],
        to: transition.to ?? current.state,
      };
    }
    default:
      return unchanged;
  }
}

function pickStrings(data: Record<string, unknown>, keys: string[]): Record<string, string> {
  return Object.fromEntries(
    keys.flatMap((key) => (typeof data[key] === 'string' ? [[key, data[key] as string]] : [])),
  );
}

/**
 * Reclassifies the case by staff, with a reason kept in the category history.
 * @throws unknown_category when the dimension or value does not exist or staff may not set it
 */
function reclassify(current: Case, input: EffectInput): EffectResult {
  const { dimension, value, reason } = pickStrings(input.data, ['dimension', 'value', 'reason']);
  const definition = dimension ? input.policy.categories[dimension] : undefined;
  if (
    !dimension ||
    !value ||
    !definition ||
    !definition.values[value] ||
    !definition.setBy.includes('staff')
  ) {
    throw new DomainError(
      'unknown_category',
      `Cannot set ${dimension ?? '?'} to ${value ?? '?'}`,
      { dimension, value },
      [{ property: definition ? '.value' : '.dimension', message: 'unknown' }],
    );
  }
  const applied = setCategory(
    current,
    dimension,
    value,
    { kind: 'staff', user: input.actor.user, ...(reason ? { reason } : {}) },
    input.at,
  );
  return { ...applied, to: input.transition.to ?? current.state };
}
