/**
 * 核决权限 (approval-limit matrix): which approver chain a remedy amount needs, and whether an
 * approver is within authority.
 */
import { DomainError } from '../errors.ts';
import type { ApprovalRow, CategoryMatch, Policy } from '../policy/format.ts';

/** True when every dimension the match names has one of its listed values. */
export function matchesCategories(
  when: CategoryMatch | undefined,
  categories: Record<string, string>,
): boolean {
  if (!when) return true;
  return Object.entries(when).every(([dimension, values]) => {
    const value = categories[dimension];
    return value !== undefined && values.includes(value);
  });
}

/** True when the amount lies in the row's band [min, max). */
export function isInBand(row: Pick<ApprovalRow, 'min' | 'max'>, amount: number): boolean {
  return amount >= row.min && (row.max === undefined || amount < row.max);
}

/**
 * The matrix row that covers this amount and these categories, and its approver chain.
 * @throws no_approval_row when no row covers them (the policy check reports such gaps).
 */
export function resolveApprovers(
  policy: Pick<Policy, 'approvals'>,
  amount: number,
  categories: Record<string, string>,
): { row: ApprovalRow; chain: string[] } {
  const row = policy.approvals.rows.find(
    (candidate) => isInBand(candidate, amount) && matchesCategories(candidate.when, categories),
  );
  if (!row) {
    throw new DomainError('no_approval_row', `No approval row covers ${amount}`, {
      amount,
      categories,
    });
  }
  return { row, chain: [...row.chain] };
}

/**
 * The roles a remedy of this amount must be approved by, in order: the matrix row's chain, then
 * the case's required approvals (set by rules) that the chain does not already hold.
 * @throws no_approval_row when no row covers the amount and categories
 */
export function remedyApprovers(
  policy: Pick<Policy, 'approvals'>,
  amount: number,
  categories: Record<string, string>,
  requiredApprovals: string[],
): { row: ApprovalRow; roles: string[] } {
  const { row, chain } = resolveApprovers(policy, amount, categories);
  return { row, roles: [...chain, ...requiredApprovals.filter((role) => !chain.includes(role))] };
}

/** The role's authority limit (核决权限); undefined means no limit. */
export function authorityLimit(policy: Pick<Policy, 'roles'>, role: string): number | undefined {
  return policy.roles[role]?.authorityLimit;
}

/**
 * True when the role may grant this amount on its own authority. A role is an approver when it
 * has an authority limit or stands in a chain of the matrix; an approver without a limit has none.
 */
export function isWithinAuthority(
  policy: Pick<Policy, 'roles' | 'approvals'>,
  role: string,
  amount: number,
): boolean {
  const definition = policy.roles[role];
  if (!definition || !approverRoles(policy).includes(role)) return false;
  return definition.authorityLimit === undefined || amount < definition.authorityLimit;
}

/** Roles that have an authority limit (or are named in a chain): the approvers. */
export function approverRoles(policy: Pick<Policy, 'roles' | 'approvals'>): string[] {
  const roles = new Set(policy.approvals.rows.flatMap((row) => row.chain));
  for (const [id, role] of Object.entries(policy.roles)) {
    if (role.authorityLimit !== undefined) roles.add(id);
  }
  return [...roles];
}

/** 四眼原则 (four eyes): on unless the policy turns it off. */
export function requiresFourEyes(policy: Pick<Policy, 'approvals'>): boolean {
  return policy.approvals.fourEyes !== false;
}

/**
 * The role of the step of this chain the user already approved, when four eyes keeps them from
 * approving another step of it; undefined when they may.
 */
export function approvedEarlierBy(
  policy: Pick<Policy, 'approvals'>,
  chain: readonly { role: string; status: string; user?: string }[],
  user: string,
): string | undefined {
  if (!requiresFourEyes(policy)) return undefined;
  return chain.find((step) => step.status === 'approved' && step.user === user)?.role;
}
