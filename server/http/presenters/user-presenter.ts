/** People as the API answers them: the caller, users and consultants, tokens (never a secret's hash). */
import type { Principal } from '../../app/ports/deps.ts';
import type { SignInState } from '../../app/accounts/sign-in-states.ts';
import type { ApiToken, User } from '../../app/ports/ports.ts';
import type { PrincipalAnswer, TokenAnswer, UserAnswer } from '../contract/user.ts';

/** The caller. */
export function presentPrincipal(principal: Principal): PrincipalAnswer {
  return {
    userId: principal.userId,
    name: principal.name,
    platformRole: principal.platformRole,
    companyId: principal.companyId,
    companies: principal.companies,
    roles: principal.roles,
  };
}

/** A user of a company, or a consultant; with their sign-in state when known. */
export function presentUser(user: User, signIn?: SignInState): UserAnswer {
  return {
    ...(signIn ? { login: signIn.login, hasPassword: signIn.hasPassword } : {}),
    id: user.id,
    name: user.name,
    companyId: user.companyId,
    roles: user.roles,
    platformRole: user.platformRole,
    companies: user.companies,
    department: user.department,
    email: user.email,
    createdAt: user.createdAt,
  };
}

/** A token as listed: what it is for and when, never the hash its secret is kept as. */
export function presentToken(token: Omit<ApiToken, 'hash'>): TokenAnswer {
  return {
    id: token.id,
    userId: token.userId,
    label: token.label,
    createdAt: token.createdAt,
    revokedAt: token.revokedAt,
  };
}
