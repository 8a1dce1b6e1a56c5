/**
 * The rules of password sign-in: what a login name, an e-mail and a password may be, and how long
 * sign-in waits after wrong passwords (登录失败锁定).
 */

/** Wrong passwords for one login before sign-in waits; for one client address (an office behind one address). */
export const LOGIN_FAILURE_LIMIT = 5;
export const ADDRESS_FAILURE_LIMIT = 20;

/** The first wait, doubled with each further wrong password, up to the longest. */
export const FIRST_DELAY_SECONDS = 30;
export const LONGEST_DELAY_SECONDS = 15 * 60;

/** Failures older than this are forgotten (counting starts again at one). */
export const FAILURE_MEMORY_SECONDS = 24 * 60 * 60;

/** Passwords are at least this long; longer than the most is refused (hashing has a cost). */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

const LOGIN = /^[a-z0-9][a-z0-9._-]{1,63}$/;
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;

/**
 * How long sign-in waits after `count` wrong passwords, when `limit` are allowed: nothing below
 * the limit, then 30 s, 60 s, 120 s … up to 15 minutes.
 */
export function signInDelaySeconds(count: number, limit: number): number {
  if (count < limit) return 0;
  return Math.min(LONGEST_DELAY_SECONDS, FIRST_DELAY_SECONDS * 2 ** Math.min(count - limit, 16));
}

/** A login name: 2–64 of a–z, 0–9, ".", "_" and "-" (kept lower-case; "@" is for e-mails). */
export function isLoginName(value: string): boolean {
  return LOGIN.test(value);
}

/** An e-mail address, as far as a form can tell. */
export function isEmail(value: string): boolean {
  return EMAIL.test(value) && value.length <= 254;
}

/** What is wrong with a password, or undefined: too short, too long, or the login (or e-mail) itself. */
export function passwordProblem(
  password: string,
  names: string[],
): 'too_short' | 'too_long' | 'same_as_login' | undefined {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (length > PASSWORD_MAX_LENGTH) return 'too_long';
  if (names.some((name) => name.toLowerCase() === password.trim().toLowerCase()))
    return 'same_as_login';
  return undefined;
}
