/**
 * Idempotency keys of case writes: a client that retries after a lost reply gets the first
 * answer, never a second case or a second action.
 */
import { canonicalJson } from '../../domain/canonical-json.ts';
import { AppError } from '../app-error.ts';
import type { IdempotencyClaim, IdempotencyRecord, Store } from '../ports/ports.ts';

/**
 * The claim a write makes with the caller's key: scoped to the caller (another user's same key is
 * another key) and fingerprinted with a hash of the request, which names what it writes (a hash,
 * so the case record does not carry its intake twice).
 */
export function idempotencyClaim(
  userId: string,
  key: string | undefined,
  request: unknown,
  hash: (text: string) => string,
): IdempotencyClaim | undefined {
  if (key === undefined) return undefined;
  return { key: JSON.stringify([userId, key]), request: hash(canonicalJson(request)) };
}

/**
 * Runs a write once per idempotency key: with a key an earlier write of the same request claimed
 * (before, or meanwhile by a concurrent request the store let through first), answers `replay` of
 * that write instead; without a key, just writes.
 * @throws AppError idempotency_key_reused when the key was claimed by a different request
 */
export async function writeOnce<T>(
  store: Store,
  companyId: string,
  claim: IdempotencyClaim | undefined,
  write: () => Promise<T>,
  replay: (earlier: IdempotencyRecord) => Promise<T>,
): Promise<T> {
  const earlier = await earlierWrite(store, companyId, claim);
  if (earlier) return replay(earlier);
  try {
    return await write();
  } catch (error) {
    // Refused (by the store as a conflict, or by a state the other write left): if a concurrent
    // request claimed the key meanwhile, this retry's answer is that request's.
    const raced = await earlierWrite(store, companyId, claim);
    if (raced) return replay(raced);
    throw error;
  }
}

async function earlierWrite(
  store: Store,
  companyId: string,
  claim: IdempotencyClaim | undefined,
): Promise<IdempotencyRecord | undefined> {
  if (!claim) return undefined;
  const record = await store.idempotency.get(companyId, claim.key);
  if (record && record.request !== claim.request) {
    throw new AppError(
      'idempotency_key_reused',
      'The idempotency key was already used for a different request',
    );
  }
  return record;
}
