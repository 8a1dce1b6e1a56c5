/** Whether users can sign in with a password: their login name and whether they set a password. */
import type { AppDeps } from '../ports/deps.ts';
import type { User } from '../ports/ports.ts';

/** A user's password sign-in as an administrator sees it (never the hash). */
export type SignInState = { login: string; hasPassword: boolean };

/** The sign-in state of each of the users that was invited, by user id. */
export async function signInStates(
  deps: AppDeps,
  users: User[],
): Promise<Map<string, SignInState>> {
  const states = new Map<string, SignInState>();
  for (const user of users) {
    const credential = await deps.store.credentials.get(user.id);
    if (credential)
      states.set(user.id, { login: credential.login, hasPassword: !!credential.passwordHash });
  }
  return states;
}
