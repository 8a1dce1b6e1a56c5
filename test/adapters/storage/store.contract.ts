/**
 * The storage port's contract: every adapter (memory, lowdb, …) runs these same tests, one file a
 * port area. An adapter that can be closed and opened again over the same data also proves that
 * everything survives.
 */
import { describe } from 'vitest';
import { accountsContract } from './accounts.contract.ts';
import { attachmentsContract } from './attachments.contract.ts';
import { casesContract } from './cases.contract.ts';
import { directoryContract } from './directory.contract.ts';
import { durabilityContract } from './durability.contract.ts';
import { idempotencyContract } from './idempotency.contract.ts';
import { numberingContract } from './numbering.contract.ts';
import { outboxContract } from './outbox.contract.ts';
import { policiesContract } from './policies.contract.ts';
import { queriesContract } from './queries.contract.ts';
import { openStores, type StoreFactory } from './store-fixtures.ts';
import { trailsContract } from './trails.contract.ts';

export { auditEntry, buildCase, intake, newCase, type StoreFactory } from './store-fixtures.ts';

/** Runs the storage contract against the adapter `makeStore` opens. */
export function describeStoreContract(name: string, makeStore: StoreFactory): void {
  describe(`${name} store contract`, () => {
    const open = openStores(makeStore);
    directoryContract(open);
    accountsContract(open);
    policiesContract(open);
    numberingContract(open);
    casesContract(open);
    idempotencyContract(open);
    queriesContract(open);
    durabilityContract(open);
    outboxContract(open);
    attachmentsContract(open);
    trailsContract(open);
  });
}
