/** What the storage contract's tests are built from: cases, audit entries, companies, drafts. */
import { afterEach, expect } from 'vitest';
import {
  StoreError,
  type AuditEntry,
  type Company,
  type PolicyDraft,
  type PublishedPolicy,
  type Store,
  type StoredCase,
} from '../../../server/app/ports/ports.ts';
import type { Case } from '../../../server/domain/case/case.ts';
import { buildPolicy } from '../../support/policies.ts';

/** Makes a fresh, empty store; `reopen` (after `close`) opens a new store over the same data. */
export type StoreFactory = () => Promise<{ store: Store; reopen?: () => Promise<Store> }>;

/** What insertNumbered's `build` returns. */
export type NewCase = Omit<StoredCase, 'version' | 'serial' | 'period' | 'companyId'>;

/** A case as openCase would make it, received at `receivedAt`. */
export function buildCase(id: string, receivedAt = '2026-02-10T09:00:00+08:00'): Case {
  return {
    id,
    number: '',
    state: 'registered',
    receivedAt,
    intake: { customerName: '王女士', amountSought: 200 },
    categories: { severity: 'general' },
    categoryHistory: [],
    assignee: { role: 'clerk' },
    flags: [],
    decisions: [],
    remedy: null,
    requiredApprovals: [],
    submissions: [],
    clocks: {},
    reopened: [],
    notifications: [],
  };
}

/** "2602" for a time in February 2026: the case numbers' prefix. */
const yymm = (iso: string) => `${iso.slice(2, 4)}${iso.slice(5, 7)}`;

/** What a use case gives insertNumbered's `build` for a serial. */
export function newCase(id: string, receivedAt?: string): (serial: number) => NewCase {
  return (serial) => {
    const built = buildCase(id, receivedAt);
    return {
      case: { ...built, number: `${yymm(built.receivedAt)}${String(serial).padStart(3, '0')}` },
      policyVersion: 1,
      month: built.receivedAt.slice(0, 7),
      updatedAt: built.receivedAt,
    };
  };
}

/** An audit entry of a company, about a case if given. */
export function auditEntry(
  companyId: string,
  id: string,
  caseId?: string,
  at?: string,
): AuditEntry {
  return {
    id,
    companyId,
    ...(caseId ? { caseId } : {}),
    at: at ?? '2026-02-10T09:00:00+08:00',
    by: 'li',
    action: 'test',
  };
}

/** Inserts a case numbered in `period`, with an "intake" audit entry. */
export function intake(
  store: Store,
  companyId: string,
  caseId: string,
  period = '2026-02',
  receivedAt?: string,
): Promise<StoredCase> {
  return store.cases.insertNumbered(companyId, period, newCase(caseId, receivedAt), (stored) => [
    { ...auditEntry(companyId, `a-${caseId}`, caseId, stored.case.receivedAt), action: 'intake' },
  ]);
}

/** A company with a name made from its id. */
export function company(id: string): Company {
  return { id, name: `Company ${id}`, createdAt: '2026-01-01T00:00:00Z' };
}

/** Version `number` of the company's policy, the starter policy with a note. */
export function version(companyId: string, number: number): PublishedPolicy {
  return {
    companyId,
    number,
    policy: buildPolicy(),
    note: `v${number}`,
    publishedAt: '2026-01-02T00:00:00Z',
    publishedBy: 'admin',
  };
}

/** Expects the promise to fail with a StoreError of this code. */
export async function expectStoreError(promise: Promise<unknown>, code: StoreError['code']) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(StoreError);
  expect((error as StoreError).code).toBe(code);
}

/** A draft of the company at version 0, before it is first saved. */
export function draftOf(companyId: string, document: unknown = { v: 'a' }): PolicyDraft {
  return { companyId, document, version: 0, updatedAt: 'x', updatedBy: 'li' };
}

/**
 * Opens a store of the adapter under test: `reopen` (after `close`) opens it over the same data.
 */
export type OpenStore = () => Promise<{ store: Store; reopen: (() => Promise<Store>) | undefined }>;

/** Opens stores from the factory and closes every one of them after each test. */
export function openStores(makeStore: StoreFactory): OpenStore {
  const opened: Store[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });
  return async () => {
    const made = await makeStore();
    opened.push(made.store);
    const reopen = made.reopen;
    return {
      store: made.store,
      reopen: reopen
        ? async () => {
            const again = await reopen();
            opened.push(again);
            return again;
          }
        : undefined,
    };
  };
}
