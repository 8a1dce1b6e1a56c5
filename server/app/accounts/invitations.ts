/**
 * One-time invitations: an administrator creates a link for a user (or, to reset the password, a
 * new one that also ends the user's sessions and clears the old password); the user opens it, sets
 * a password and is signed in. Only the hash of a link's secret is kept; a link works once.
 */
import { isEmail, isLoginName, passwordProblem } from '../../domain/accounts/sign-in-rules.ts';
import { companyAccess, principalOf, requireRole } from '../access.ts';
import { AppError, notFound } from '../app-error.ts';
import type { AppDeps, RequestContext } from '../ports/deps.ts';
import { StoreError, type Credential, type Invitation, type User } from '../ports/ports.ts';
import type { SignedIn } from './sign-in.ts';
import { startSession } from './sessions.ts';

/** An invitation link works for three days. */
export const INVITATION_SECONDS = 3 * 24 * 60 * 60;

/** A link just made: its secret (shown this once; the studio opens it at #/invitation/<secret>). */
export type IssuedInvitation = { secret: string; login: string; expiresAt: string };

/**
 * The user an administrator may invite or reset: a user of a company the caller administers, or
 * any user for the platform administrator. Others' users are not found.
 * @throws not_found, forbidden
 */
async function invitee(deps: AppDeps, context: RequestContext, userId: string): Promise<User> {
  const user = await deps.store.users.get(userId);
  if (!user) throw notFound('user');
  if (context.principal.platformRole === 'platformAdmin') return user;
  if (!user.companyId) throw notFound('user');
  const access = await companyAccess(deps, context.principal, user.companyId).catch(() => {
    throw notFound('user');
  });
  requireRole(access.roles, 'admin');
  return user;
}

/** A refused field of the request. */
function invalidField(field: string, message: string): AppError {
  return new AppError('invalid_request', `${field}: ${message}`, { field }, [
    { property: `.${field}`, message },
  ]);
}

function taken(field: 'login' | 'email', name: string): AppError {
  return new AppError('login_taken', `${name} is taken`, { field }, [
    { property: `.${field}`, message: 'taken by another user' },
  ]);
}

/** A new link for the user, replacing any unused one. */
async function issue(deps: AppDeps, context: RequestContext, user: User, login: string) {
  const now = deps.now();
  await deps.store.invitations.revokeForUser(user.id, now);
  const secret = deps.newSecret();
  const invitation: Invitation = {
    id: deps.newId(),
    userId: user.id,
    hash: deps.hashSecret(secret),
    createdAt: now,
    createdBy: context.principal.userId,
    expiresAt: new Date(Date.parse(now) + INVITATION_SECONDS * 1000).toISOString(),
  };
  await deps.store.invitations.save(invitation);
  return { secret, login, expiresAt: invitation.expiresAt };
}

/**
 * Invites a user to set a password: gives (or changes) their login name and e-mail, and makes a
 * one-time link.
 * @throws not_found, forbidden, invalid_request (login, email), login_taken, password_already_set
 */
export async function inviteUser(
  deps: AppDeps,
  context: RequestContext,
  userId: string,
  input: { login: string; email?: string },
): Promise<IssuedInvitation> {
  const user = await invitee(deps, context, userId);
  const login = input.login.trim().toLowerCase();
  const email = input.email?.trim().toLowerCase();
  if (!isLoginName(login))
    throw invalidField('login', 'a–z, 0–9, ".", "_" and "-", 2–64 characters');
  if (email !== undefined && !isEmail(email)) throw invalidField('email', 'not an e-mail address');
  const existing = await deps.store.credentials.get(user.id);
  if (existing?.passwordHash)
    throw new AppError('password_already_set', 'The user has a password; reset it instead', {}, [
      { property: '.login', message: 'the user has a password already' },
    ]);
  const credential: Credential = {
    userId: user.id,
    login,
    ...(email ? { email } : {}),
    updatedAt: deps.now(),
  };
  for (const [field, name] of [
    ['login', login],
    ['email', email],
  ] as const) {
    const holder = name === undefined ? undefined : await deps.store.credentials.findByLogin(name);
    if (holder && holder.userId !== user.id) throw taken(field, name!);
  }
  // Another request may take it meanwhile: the store refuses the second. When that request gave
  // this very user the same login (runtimes starting at once on one database), save over it.
  await deps.store.credentials.save(credential).catch(async (error: unknown) => {
    if (!(error instanceof StoreError && error.code === 'conflict')) throw error;
    if ((await deps.store.credentials.findByLogin(login))?.userId !== user.id)
      throw taken('login', login);
    await deps.store.credentials.save(credential);
  });
  // A user without an address for notifications gets the one given with the invitation.
  if (email && !user.email) await deps.store.users.save({ ...user, email });
  return issue(deps, context, user, login);
}

/**
 * Resets a user's password: the old password stops working, every session of the user ends, and a
 * new one-time link is made.
 * @throws not_found, forbidden, no_login (the user was never invited)
 */
export async function resetPassword(
  deps: AppDeps,
  context: RequestContext,
  userId: string,
): Promise<IssuedInvitation> {
  const user = await invitee(deps, context, userId);
  const credential = await deps.store.credentials.get(user.id);
  if (!credential)
    throw new AppError('no_login', 'The user has no login yet; invite them', {}, [
      { property: '.login', message: 'no login yet' },
    ]);
  const { passwordHash: _old, ...rest } = credential;
  await deps.store.credentials.save({ ...rest, updatedAt: deps.now() });
  await deps.store.sessions.revokeForUser(user.id, deps.now());
  return issue(deps, context, user, credential.login);
}

/**
 * The invitation behind a link's secret, while it can be used, and whom it is for.
 * @throws invitation_invalid (unknown, used, revoked or expired)
 */
async function openInvitation(deps: AppDeps, secret: string) {
  const invitation = await deps.store.invitations.findByHash(deps.hashSecret(secret));
  const reason = !invitation
    ? 'unknown'
    : invitation.usedAt
      ? 'used'
      : invitation.revokedAt
        ? 'revoked'
        : Date.parse(deps.now()) >= Date.parse(invitation.expiresAt)
          ? 'expired'
          : undefined;
  const user = invitation && (await deps.store.users.get(invitation.userId));
  const credential = invitation && (await deps.store.credentials.get(invitation.userId));
  if (reason || !invitation || !user || !credential)
    throw new AppError(
      'invitation_invalid',
      `The invitation is ${reason ?? 'unknown'}`,
      {
        reason: reason ?? 'unknown',
      },
      [{ property: '.secret', message: reason ?? 'unknown' }],
    );
  return { invitation, user, credential };
}

/** Whom a link is for (the invitation page shows it), while it can be used. @throws invitation_invalid */
export async function describeInvitation(
  deps: AppDeps,
  secret: string,
): Promise<{ login: string; name: string; expiresAt: string }> {
  const { invitation, user, credential } = await openInvitation(deps, secret);
  return { login: credential.login, name: user.name, expiresAt: invitation.expiresAt };
}

/**
 * Sets the password from a link (used once) and signs the user in.
 * @throws invitation_invalid, password_too_short, password_too_long, password_same_as_login
 */
export async function acceptInvitation(
  deps: AppDeps,
  input: { secret: string; password: string },
): Promise<SignedIn> {
  const { user, credential } = await openInvitation(deps, input.secret);
  const problem = passwordProblem(input.password, [
    credential.login,
    ...(credential.email ? [credential.email] : []),
  ]);
  if (problem)
    throw new AppError(`password_${problem}`, `The password is ${problem}`, {}, [
      { property: '.password', message: problem.replaceAll('_', ' ') },
    ]);
  const passwordHash = await deps.passwords.hash(input.password);
  const now = deps.now();
  if (!(await deps.store.invitations.use(deps.hashSecret(input.secret), now)))
    throw new AppError(
      'invitation_invalid',
      'The invitation was used meanwhile',
      {
        reason: 'used',
      },
      [{ property: '.secret', message: 'used' }],
    );
  await deps.store.credentials.save({ ...credential, passwordHash, updatedAt: now });
  const { secret, session } = await startSession(deps, user.id);
  return { principal: principalOf(user), secret, expiresAt: session.expiresAt };
}
