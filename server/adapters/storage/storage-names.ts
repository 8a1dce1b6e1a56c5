/**
 * The names a store accepts for companies and numbering periods, and the checks both storage
 * adapters share, so that switching adapters never changes what is accepted.
 */
import {
  StoreError,
  type AuditEntry,
  type IdempotencyClaim,
  type IdempotencyRecord,
  type PublishedPolicy,
  type StoredCase,
} from '../../app/ports/ports.ts';
import { parseInstant, zonedParts } from '../../domain/time/time.ts';

// Lower case only: on a case-insensitive file system "Acme" and "acme" would share a folder.
const SAFE_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** Whether a company id or period can name a file or folder: no "/", "..", dots or upper case. */
export function isSafeName(name: string): boolean {
  return SAFE_NAME.test(name);
}

/**
 * Refuses a company id or period that cannot name a file or folder (path traversal, upper case).
 * @throws Error naming the value and what is allowed
 */
export function assertSafeName(kind: 'company id' | 'period', name: string): void {
  if (!isSafeName(name)) {
    throw new Error(
      `${kind} ${JSON.stringify(name)} is not allowed in storage: use a-z, 0-9, "-" and "_", ` +
        'starting with a letter or digit, at most 64 characters',
    );
  }
}

/**
 * Refuses audit entries that belong to another company than the write they come with.
 * @throws Error naming the entry
 */
export function assertAuditFor(companyId: string, entries: AuditEntry[]): void {
  for (const entry of entries) {
    if (entry.companyId !== companyId) {
      throw new Error(
        `audit entry ${entry.id} belongs to company ${entry.companyId}, not ${companyId}`,
      );
    }
  }
}

/** The month ("2026-02") an ISO timestamp is written in, or "undated" when it has none. */
export function monthOf(iso: string): string {
  const match = /^(\d{4}-\d{2})/.exec(iso);
  return match?.[1] ?? 'undated';
}

/** A deep copy: stores hand out and keep copies, never shared objects. */
export function copy<T>(value: T): T {
  return structuredClone(value);
}

/**
 * The stored case with the write's idempotency claim added at `version`, and the keys it already
 * had kept (`earlier`: the stored record's keys, never the caller's).
 */
export function withClaim(
  stored: StoredCase,
  earlier: StoredCase['idempotency'],
  claim: IdempotencyClaim | undefined,
): StoredCase {
  const { idempotency: _ignored, ...rest } = stored;
  const keys = {
    ...earlier,
    ...(claim ? { [claim.key]: { request: claim.request, version: stored.version } } : {}),
  };
  return Object.keys(keys).length ? { ...rest, idempotency: keys } : rest;
}

/**
 * The record a save stores: the caller's case (a copy it may keep) at the next version, with the
 * numbering and the idempotency keys of the stored one, plus this save's claim if any.
 * @throws StoreError conflict when the case's number is not the stored one: a number is given once
 *   and never changes, so no save can make two cases share one
 */
export function savedCase(
  copied: StoredCase,
  current: StoredCase,
  expectedVersion: number,
  claim: IdempotencyClaim | undefined,
): StoredCase {
  if (copied.case.number !== current.case.number)
    throw new StoreError(
      'conflict',
      `case ${current.case.id} is numbered ${current.case.number}: its number never changes`,
    );
  return withClaim(
    { ...copied, period: current.period, serial: current.serial, version: expectedVersion + 1 },
    current.idempotency,
    claim,
  );
}

/** What the write that claimed `key` on this case produced, if it did. */
export function recordOf(
  stored: StoredCase | undefined,
  key: string,
): IdempotencyRecord | undefined {
  const found = stored?.idempotency?.[key];
  return found && { caseId: stored.case.id, version: found.version, request: found.request };
}

/**
 * The new case for a serial, and its audit entries, as both stores build them in insertNumbered.
 * @throws Error when an audit entry names another company
 */
export function numberedCase(
  companyId: string,
  period: string,
  serial: number,
  build: (serial: number) => Omit<StoredCase, 'version' | 'serial' | 'period' | 'companyId'>,
  audit: (stored: StoredCase) => AuditEntry[],
): { stored: StoredCase; entries: AuditEntry[] } {
  assertSafeName('period', period);
  const stored: StoredCase = { ...copy(build(serial)), companyId, period, serial, version: 1 };
  const entries = copy(audit(copy(stored)));
  assertAuditFor(companyId, entries);
  return { stored, entries };
}

/** How many serials an intake tries before giving up on finding a case number not yet given. */
const NUMBER_ATTEMPTS = 10_000;

/**
 * The first serial after `last` whose case number is not `taken`, and the case built for it: a
 * number is never given twice in a company, also after its numbering format changed.
 * @throws StoreError conflict when no free number is found in NUMBER_ATTEMPTS serials
 */
export function nextFreeNumber<N extends { stored: StoredCase }>(
  last: number,
  make: (serial: number) => N,
  taken: (number: string) => boolean,
): { serial: number; numbered: N } {
  let previous: string | undefined;
  for (let serial = last + 1; serial <= last + NUMBER_ATTEMPTS; serial += 1) {
    const numbered = make(serial);
    const { number } = numbered.stored.case;
    if (!taken(number)) return { serial, numbered };
    // A number the serial does not change (a copied case keeps its own) is refused at once.
    if (number === previous)
      throw new StoreError('conflict', `case number ${number} is already a case's`);
    previous = number;
  }
  throw new StoreError(
    'conflict',
    `no free case number in the ${NUMBER_ATTEMPTS} serials after ${last}: check the numbering format`,
  );
}

/**
 * The month a case was received, in the time zone of the policy version it was opened under (for
 * cases stored before the month was; the receipt's own month when that version is not found).
 */
export function receivedMonth(
  stored: Omit<StoredCase, 'month'>,
  versions: readonly PublishedPolicy[],
): string {
  const version = versions.find((v) => v.number === stored.policyVersion);
  if (!version) return monthOf(stored.case.receivedAt);
  return zonedParts(parseInstant(stored.case.receivedAt), version.policy.timeZone).date.slice(0, 7);
}
