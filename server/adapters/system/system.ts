/** The real clock, ids, token secrets and hashing. */
import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** The current time as an ISO string (UTC). */
export function systemNow(): string {
  return new Date().toISOString();
}

/** A random UUID. */
export function newId(): string {
  return randomUUID();
}

/** A token secret: 32 random bytes, base64url, with a recognizable prefix. */
export function newSecret(): string {
  return `kesu_${randomBytes(32).toString('base64url')}`;
}

/** SHA-256 of a token secret, hex. Tokens are random and long, so a plain hash suffices. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
