/**
 * Studio sessions: a random secret in an HttpOnly cookie, kept in the store only as its hash, so
 * every runtime on the same database accepts it. A session ends when unused for a while, at its
 * absolute end, at sign-out, or when an administrator resets the user's password.
 */
import { principalOf } from '../access.ts';
import { AppError } from '../app-error.ts';
import type { AppDeps, Principal } from '../ports/deps.ts';
import type { Session } from '../ports/ports.ts';

/** A session ends after two hours unused, and twelve hours after sign-in whatever happens. */
export const SESSION_IDLE_SECONDS = 2 * 60 * 60;
export const SESSION_MAX_SECONDS = 12 * 60 * 60;

/** Use is written down at most this often (not on every request). */
const TOUCH_SECONDS = 60;

const at = (iso: string) => Date.parse(iso);
const plus = (iso: string, seconds: number) => new Date(at(iso) + seconds * 1000).toISOString();

/** A new session for the user; its secret (for the cookie) is returned this once. */
export async function startSession(
  deps: AppDeps,
  userId: string,
): Promise<{ secret: string; session: Session }> {
  const now = deps.now();
  const secret = deps.newSecret();
  const session: Session = {
    id: deps.newId(),
    userId,
    hash: deps.hashSecret(secret),
    createdAt: now,
    lastSeenAt: now,
    expiresAt: plus(now, SESSION_MAX_SECONDS),
  };
  await deps.store.sessions.save(session);
  return { secret, session };
}

/** Whether the session still holds at `now`. */
function isLive(session: Session, now: string): boolean {
  return (
    !session.revokedAt &&
    at(now) < at(session.expiresAt) &&
    at(now) < at(session.lastSeenAt) + SESSION_IDLE_SECONDS * 1000
  );
}

/**
 * The principal behind a session cookie's secret; its use is noted (it stays alive while used).
 * @throws unauthorized for an unknown, ended or revoked session
 */
export async function sessionPrincipal(deps: AppDeps, secret: string): Promise<Principal> {
  const session = await deps.store.sessions.findByHash(deps.hashSecret(secret));
  const now = deps.now();
  if (!session || !isLive(session, now))
    throw new AppError('unauthorized', 'The session is unknown, ended or revoked');
  const user = await deps.store.users.get(session.userId);
  if (!user) throw new AppError('unauthorized', 'The session’s user is gone');
  if (at(now) - at(session.lastSeenAt) >= TOUCH_SECONDS * 1000)
    await deps.store.sessions.save({ ...session, lastSeenAt: now });
  return principalOf(user);
}

/** Ends the session behind a cookie's secret (nothing happens for an unknown one). */
export async function endSession(deps: AppDeps, secret: string): Promise<void> {
  const session = await deps.store.sessions.findByHash(deps.hashSecret(secret));
  if (session && !session.revokedAt)
    await deps.store.sessions.save({ ...session, revokedAt: deps.now() });
}
