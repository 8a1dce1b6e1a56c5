/** Who is asking, and what they may reach: a company's data is invisible (404) to everyone else. */
import { AppError, notFound } from './app-error.ts';
import type { AppDeps, Principal } from './ports/deps.ts';
import type { Company, User } from './ports/ports.ts';

/**
 * The principal behind a bearer token.
 * @throws unauthorized for a missing, unknown or revoked token
 */
export async function authenticate(
  deps: AppDeps,
  authorization: string | undefined,
): Promise<Principal> {
  const secret = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (!secret) throw new AppError('unauthorized', 'A bearer token is required');
  const token = await deps.store.tokens.findByHash(deps.hashSecret(secret));
  const user = token && !token.revokedAt ? await deps.store.users.get(token.userId) : undefined;
  if (!user) throw new AppError('unauthorized', 'The token is unknown or revoked');
  return principalOf(user);
}

/** The principal a user acts as. */
export function principalOf(user: User): Principal {
  return {
    userId: user.id,
    name: user.name,
    roles: user.roles,
    ...(user.platformRole ? { platformRole: user.platformRole } : {}),
    ...(user.companyId ? { companyId: user.companyId } : {}),
    ...(user.companies ? { companies: user.companies } : {}),
  };
}

/** The company and the principal's roles in it. Platform administrators and its consultants act as "admin". */
export async function companyAccess(
  deps: AppDeps,
  principal: Principal,
  companyId: string,
): Promise<{ company: Company; roles: string[] }> {
  const allowed =
    principal.platformRole === 'platformAdmin' ||
    principal.companyId === companyId ||
    (principal.platformRole === 'consultant' && (principal.companies ?? []).includes(companyId));
  const company = allowed ? await deps.store.companies.get(companyId) : undefined;
  if (!company) throw notFound('company');
  const roles = principal.companyId === companyId ? principal.roles : ['admin'];
  return { company, roles };
}

/** @throws forbidden unless one of the roles is held (used inside a company the principal may see). */
export function requireRole(roles: string[], ...allowed: string[]): void {
  if (!allowed.some((role) => roles.includes(role))) {
    throw new AppError('forbidden', `Needs one of the roles ${allowed.join(', ')}`, {
      roles: allowed,
    });
  }
}

/** @throws forbidden unless the principal is a platform administrator. */
export function requirePlatformAdmin(principal: Principal): void {
  if (principal.platformRole !== 'platformAdmin')
    throw new AppError('forbidden', 'Needs the platform administrator');
}
