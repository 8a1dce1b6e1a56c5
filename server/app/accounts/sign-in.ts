/**
 * Password sign-in with a wait after wrong passwords: five for one login (twenty for one client
 * address) and sign-in waits 30 s, then twice as long after each further wrong password, up to 15
 * minutes; while it waits every attempt is refused, a right password too, and is not counted.
 */
import {
  ADDRESS_FAILURE_LIMIT,
  FAILURE_MEMORY_SECONDS,
  LOGIN_FAILURE_LIMIT,
  signInDelaySeconds,
} from '../../domain/accounts/sign-in-rules.ts';
import { principalOf } from '../access.ts';
import { AppError } from '../app-error.ts';
import type { AppDeps, Principal } from '../ports/deps.ts';
import type { AttemptCount } from '../ports/ports.ts';
import { startSession } from './sessions.ts';

/** What a sign-in gives: the principal, and the session's secret for the cookie. */
export type SignedIn = { principal: Principal; secret: string; expiresAt: string };

type Counter = { key: string; limit: number };

/** Seconds until sign-in may be tried again under this counter (0: now). */
function waitSeconds(failures: AttemptCount | undefined, limit: number, now: string): number {
  if (!failures) return 0;
  const until = Date.parse(failures.lastAt) + signInDelaySeconds(failures.count, limit) * 1000;
  return Math.max(0, Math.ceil((until - Date.parse(now)) / 1000));
}

function delayed(seconds: number, field: string): AppError {
  return new AppError(
    'sign_in_delayed',
    `Too many wrong passwords; wait ${seconds} s`,
    { retryAfterSeconds: seconds },
    [{ property: `.${field}`, message: `wait ${seconds} s` }],
  );
}

/** A hash of no password per hasher: unknown logins cost as much time as known ones. */
const decoys = new WeakMap<AppDeps['passwords'], Promise<string>>();

function decoyHash(deps: AppDeps): Promise<string> {
  let decoy = decoys.get(deps.passwords);
  if (!decoy) decoys.set(deps.passwords, (decoy = deps.passwords.hash('no password')));
  return decoy;
}

/**
 * Signs in with a login name (or e-mail) and password and starts a session.
 * @throws sign_in_delayed (with `retryAfterSeconds`) while sign-in waits, invalid_credentials
 */
export async function signIn(
  deps: AppDeps,
  input: { login: string; password: string; address: string },
): Promise<SignedIn> {
  const now = deps.now();
  const name = input.login.trim().toLowerCase();
  const counters: Counter[] = [
    { key: `login:${name}`, limit: LOGIN_FAILURE_LIMIT },
    { key: `address:${input.address}`, limit: ADDRESS_FAILURE_LIMIT },
  ];
  for (const { key, limit } of counters) {
    const wait = waitSeconds(await deps.store.attemptCounts.get(key), limit, now);
    if (wait > 0) throw delayed(wait, 'login');
  }
  const credential = await deps.store.credentials.findByLogin(name);
  const user = credential && (await deps.store.users.get(credential.userId));
  const hash = credential?.passwordHash ?? (await decoyHash(deps));
  const right = (await deps.passwords.verify(hash, input.password)) && !!credential?.passwordHash;
  if (!right || !user) {
    const since = new Date(Date.parse(now) - FAILURE_MEMORY_SECONDS * 1000).toISOString();
    for (const { key } of counters) await deps.store.attemptCounts.record(key, now, since);
    throw new AppError('invalid_credentials', 'Wrong login or password', {}, [
      { property: '.password', message: 'wrong login or password' },
    ]);
  }
  await deps.store.attemptCounts.clear(counters[0]!.key);
  const { secret, session } = await startSession(deps, user.id);
  return { principal: principalOf(user), secret, expiresAt: session.expiresAt };
}
