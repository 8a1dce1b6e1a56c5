/**
 * The in-memory store: everything in Maps, for tests and trials. Objects are deep-copied on the
 * way in and out (structuredClone), so a caller can never change stored data by mutating what it
 * passed or got back.
 */
import { accountRecords, emptyAccountLists } from './account-records.ts';
import {
  StoreError,
  type ApiToken,
  type AuditEntry,
  type CaseFilter,
  type Company,
  type IdempotencyClaim,
  type IdempotencyRecord,
  type PolicyDraft,
  type PublishedPolicy,
  type Store,
  type StoredCase,
  type User,
} from '../../app/ports/ports.ts';
import type { CompanyChannels } from '../../app/ports/outbox.ts';
import {
  assertAuditFor,
  assertSafeName,
  nextFreeNumber,
  numberedCase,
  recordOf,
  savedCase,
  withClaim,
} from './storage-names.ts';
import { caseHeadOf, trailEntryOf, type TrailEntry } from '../../app/ports/audit-trail.ts';
import { caseMoments } from '../../domain/case/case-index.ts';
import { compareIn, matchesFilter, type Ranked } from './case-filter.ts';
import { scanInBatches } from './scan-batches.ts';
import { OutboxBook } from './outbox-book.ts';
import { memoryAttachments } from './memory-attachments.ts';

type CompanyData = {
  draft?: PolicyDraft;
  versions: PublishedPolicy[];
  /** Last serial used, by numbering period. */
  counters: Map<string, number>;
  /** Each case with its moments and its place in the order received. */
  cases: Map<string, Ranked>;
  /** Case number → case id: a number is given once. */
  numbers: Map<string, string>;
  audit: AuditEntry[];
  /** Notifications and deliveries raised by the company's case writes. */
  outbox: OutboxBook;
};

function ranked(stored: StoredCase, received: number): Ranked {
  return { stored, moments: caseMoments(stored.case), received };
}

/** The company's case imported with this key (a scan: the memory store is for tests and trials). */
function findImported(company: CompanyData, importKey: string): StoredCase | undefined {
  for (const { stored } of company.cases.values())
    if (stored.importKey === importKey) return stored;
  return undefined;
}

/** What the write that claimed this key produced (a scan, like findImported). */
function findClaimed(company: CompanyData | undefined, key: string): IdempotencyRecord | undefined {
  for (const { stored } of company?.cases.values() ?? []) {
    const record = recordOf(stored, key);
    if (record) return record;
  }
  return undefined;
}

/** Refuses a claim on a key some write already claimed. */
function assertUnclaimed(company: CompanyData | undefined, claim: IdempotencyClaim | undefined) {
  if (claim && findClaimed(company, claim.key)) {
    throw new StoreError('conflict', 'the idempotency key was already used');
  }
}

/** A deep copy, so nobody outside the store shares its objects. */
function copy<T>(value: T): T {
  return structuredClone(value);
}

/**
 * Creates an empty in-memory store. Every mutation runs to completion without awaiting anything,
 * so mutations of one company are serialized by construction: 200 intakes started at once get the
 * serials 1..200, each exactly once.
 */
export function createMemoryStore(): Store {
  const companies = new Map<string, Company>();
  const users = new Map<string, User>();
  const tokens = new Map<string, ApiToken>();
  const data = new Map<string, CompanyData>();
  const accounts = emptyAccountLists();
  const channels = new Map<string, CompanyChannels>();

  const existing = (companyId: string): CompanyData | undefined => data.get(companyId);
  /** A company's cases matching `filter` in the order received, in batches, each as `view` shows it. */
  const scanMapped = <T>(
    companyId: string,
    filter: CaseFilter,
    batchSize: number,
    view: (stored: StoredCase) => T,
  ) =>
    scanInBatches(batchSize, (after, limit) =>
      [...(existing(companyId)?.cases.values() ?? [])]
        .filter((item) => item.received > after && matchesFilter(item.stored, item.moments, filter))
        .slice(0, limit)
        .map((item) => ({ rank: item.received, value: view(item.stored) })),
    );
  const forWrite = (companyId: string): CompanyData => {
    assertSafeName('company id', companyId);
    let found = data.get(companyId);
    if (!found) {
      found = {
        versions: [],
        counters: new Map(),
        cases: new Map(),
        numbers: new Map(),
        audit: [],
        outbox: new OutboxBook(),
      };
      data.set(companyId, found);
    }
    return found;
  };

  return {
    companies: {
      list: async () => [...companies.values()].map(copy),
      get: async (id) => copy(companies.get(id)),
      create: async (company) => {
        assertSafeName('company id', company.id);
        if (companies.has(company.id)) {
          throw new StoreError('conflict', `company ${company.id} already exists`);
        }
        companies.set(company.id, copy(company));
      },
    },
    users: {
      get: async (id) => copy(users.get(id)),
      list: async (companyId) =>
        [...users.values()].filter((user) => user.companyId === companyId).map(copy),
      save: async (user) => {
        users.set(user.id, copy(user));
      },
    },
    tokens: {
      findByHash: async (hash) => copy([...tokens.values()].find((token) => token.hash === hash)),
      listForUser: async (userId) =>
        [...tokens.values()].filter((token) => token.userId === userId).map(copy),
      save: async (token) => {
        tokens.set(token.id, copy(token));
      },
    },
    ...accountRecords(
      () => accounts,
      async () => {},
    ),
    policies: {
      getDraft: async (companyId) => copy(existing(companyId)?.draft),
      saveDraft: async (draft, expectedVersion) => {
        const company = forWrite(draft.companyId);
        const current = company.draft?.version ?? 0;
        if (current !== expectedVersion) {
          throw new StoreError(
            'stale_version',
            `draft of ${draft.companyId} is at version ${current}, not ${expectedVersion}`,
          );
        }
        company.draft = { ...copy(draft), version: expectedVersion + 1 };
        return copy(company.draft);
      },
      publish: async (version) => {
        const company = forWrite(version.companyId);
        const next = company.versions.length + 1;
        if (version.number !== next) {
          throw new StoreError(
            'stale_version',
            `policy of ${version.companyId}: version ${version.number} is not the next (${next})`,
          );
        }
        company.versions.push(copy(version));
      },
      getVersion: async (companyId, number) =>
        copy(existing(companyId)?.versions.find((version) => version.number === number)),
      latestVersion: async (companyId) => copy(existing(companyId)?.versions.at(-1)),
      listVersions: async (companyId) =>
        (existing(companyId)?.versions ?? []).map(({ policy: _policy, ...rest }) => copy(rest)),
    },
    cases: {
      insertNumbered: async (companyId, period, build, audit, idempotency, outbox) => {
        const company = forWrite(companyId);
        assertUnclaimed(company, idempotency);
        const { serial, numbered } = nextFreeNumber(
          company.counters.get(period) ?? 0,
          (next) => numberedCase(companyId, period, next, build, audit),
          (number) => company.numbers.has(number),
        );
        const { entries } = numbered;
        const stored = withClaim(numbered.stored, undefined, idempotency);
        if (company.cases.has(stored.case.id)) {
          throw new StoreError('conflict', `case ${stored.case.id} already exists`);
        }
        if (stored.importKey !== undefined && findImported(company, stored.importKey)) {
          throw new StoreError(
            'conflict',
            `a case was already imported with key ${stored.importKey}`,
          );
        }
        company.counters.set(period, serial);
        company.cases.set(stored.case.id, ranked(stored, company.cases.size));
        company.numbers.set(stored.case.number, stored.case.id);
        company.audit.push(...entries);
        if (outbox) company.outbox.add(outbox(stored));
        return copy(stored);
      },
      lastSerial: async (companyId, period) => existing(companyId)?.counters.get(period) ?? 0,
      get: async (companyId, caseId) => copy(existing(companyId)?.cases.get(caseId)?.stored),
      getByNumber: async (companyId, number) => {
        const company = existing(companyId);
        const caseId = company?.numbers.get(number);
        return copy(caseId === undefined ? undefined : company?.cases.get(caseId)?.stored);
      },
      findByImportKey: async (companyId, importKey) => {
        const company = existing(companyId);
        return copy(company && findImported(company, importKey));
      },
      save: async (stored, expectedVersion, audit, idempotency, outbox) => {
        const company = existing(stored.companyId);
        const current = company?.cases.get(stored.case.id);
        assertUnclaimed(company, idempotency);
        if (!company || !current) {
          throw new StoreError('not_found', `case ${stored.case.id} does not exist`);
        }
        if (current.stored.version !== expectedVersion) {
          throw new StoreError(
            'stale_version',
            `case ${stored.case.id} is at version ${current.stored.version}, not ${expectedVersion}`,
          );
        }
        assertAuditFor(stored.companyId, audit);
        const next = savedCase(copy(stored), current.stored, expectedVersion, idempotency);
        company.cases.set(next.case.id, ranked(next, current.received));
        company.audit.push(...copy(audit));
        if (outbox) company.outbox.add(outbox);
        return copy(next);
      },
      query: async (companyId, filter, order, page) => {
        const all = [...(existing(companyId)?.cases.values() ?? [])];
        const matching = all.filter((item) => matchesFilter(item.stored, item.moments, filter));
        matching.sort(compareIn(order));
        const items = matching.slice(page.offset, page.offset + page.limit);
        return { items: items.map((item) => copy(item.stored)), total: matching.length };
      },
      scan: (companyId, filter = {}, batchSize = 500) =>
        scanMapped(companyId, filter, batchSize, (stored) => copy(stored)),
      scanHeads: (companyId, filter = {}, batchSize = 500) =>
        scanMapped(companyId, filter, batchSize, caseHeadOf),
    },
    idempotency: {
      get: async (companyId, key) => findClaimed(existing(companyId), key),
    },
    audit: {
      forCase: async (companyId, caseId) =>
        (existing(companyId)?.audit ?? []).filter((entry) => entry.caseId === caseId).map(copy),
      forCases: async (companyId, caseIds) => {
        const found = new Map(caseIds.map((id) => [id, [] as AuditEntry[]]));
        for (const entry of existing(companyId)?.audit ?? []) {
          if (entry.caseId !== undefined) found.get(entry.caseId)?.push(copy(entry));
        }
        return found;
      },
      trailTexts: async (companyId, caseIds) => {
        const found = new Map(caseIds.map((id) => [id, [] as TrailEntry[]]));
        for (const entry of existing(companyId)?.audit ?? []) {
          const trail = entry.caseId === undefined ? undefined : found.get(entry.caseId);
          const read = trail && trailEntryOf(entry);
          if (read) trail.push(read);
        }
        return new Map([...found].map(([id, trail]) => [id, JSON.stringify(trail)]));
      },
      scan: (companyId, batchSize = 500) =>
        scanInBatches(batchSize, (after, limit) =>
          (existing(companyId)?.audit ?? [])
            .slice(after + 1, after + 1 + limit)
            .map((entry, index) => ({ rank: after + 1 + index, value: copy(entry) })),
        ),
      append: async (entries) => {
        for (const entry of entries) assertSafeName('company id', entry.companyId);
        for (const entry of entries) forWrite(entry.companyId).audit.push(copy(entry));
      },
    },
    notifications: {
      list: async (companyId, userId, page) =>
        existing(companyId)?.outbox.list(userId, page) ?? { items: [], total: 0, unread: 0 },
      markRead: async (companyId, userId, ids, at) =>
        existing(companyId)?.outbox.markRead(userId, ids, at) ?? 0,
    },
    deliveries: {
      forCase: async (companyId, caseId) => existing(companyId)?.outbox.deliveriesOf(caseId) ?? [],
      claim: async (now, leaseUntil, limit) => {
        const claimed = [];
        for (const company of data.values()) {
          claimed.push(...company.outbox.claim(now, leaseUntil, limit - claimed.length));
        }
        return claimed;
      },
      finish: async (delivery) => {
        existing(delivery.companyId)?.outbox.finish(delivery);
      },
    },
    channels: {
      get: async (companyId) => copy(channels.get(companyId)),
      save: async (settings) => {
        assertSafeName('company id', settings.companyId);
        channels.set(settings.companyId, copy(settings));
      },
    },
    attachments: memoryAttachments(),
    health: async () => ({ ok: true }),
    close: async () => {},
  };
}
