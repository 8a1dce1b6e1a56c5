/** Password hashing with argon2id (@node-rs/argon2): memory-hard, salted, parameters kept in the hash. */
import { hash, verify, type Algorithm } from '@node-rs/argon2';
import type { PasswordHasher } from '../../app/ports/deps.ts';

/** Argon2id (the library's `Algorithm.Argon2id`; a const enum cannot be read under isolated modules). */
const ARGON2ID = 2 as Algorithm;

/**
 * Argon2id with OWASP's suggested minimum (19 MiB, 2 passes, 1 lane) unless told otherwise: tests
 * may lower the memory to run faster; hashes made with other parameters still verify.
 */
export function argon2Passwords(
  options: { memoryCost?: number; timeCost?: number } = {},
): PasswordHasher {
  const settings = {
    algorithm: ARGON2ID,
    memoryCost: options.memoryCost ?? 19_456,
    timeCost: options.timeCost ?? 2,
    parallelism: 1,
  };
  return {
    hash: (password) => hash(password, settings),
    // A stored value that is not a hash at all verifies nothing rather than failing the request.
    verify: (stored, password) => verify(stored, password).catch(() => false),
  };
}
