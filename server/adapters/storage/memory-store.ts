/**
 * The in-memory store: everything in Maps, for tests and trials. Objects are deep-copied on the
 * way in and out (structuredClone), so a caller can never change stored data by mutating what it
 * passed or got back.
 */
import {
  StoreError,
  type ApiToken,
  type AuditEntry,
  type Company,
  type IdempotencyClaim,
  type IdempotencyRecord,
  type PolicyDraft,
  type PublishedPolicy,
  type Store,
  type StoredCase,
  type User,
} from '../../app/ports/ports.ts';
import {
  assertAuditFor,
  assertSafeName,
  numberedCase,
  recordOf,
  savedCase,
  withClaim,
} from './storage-names.ts';

type CompanyData = {
  draft?: PolicyDraft;
  versions: PublishedPolicy[];
  /** Last serial used, by numbering period. */
  counters: Map<string, number>;
  cases: Map<string, StoredCase>;
  audit: AuditEntry[];
};

/** The company's case imported with this key (a scan: the memory store is for tests and trials). */
function findImported(company: CompanyData, importKey: string): StoredCase | undefined {
  for (const stored of company.cases.values()) if (stored.importKey === importKey) return stored;
  return undefined;
}

/** What the write that claimed this key produced (a scan, like findImported). */
function findClaimed(company: CompanyData | undefined, key: string): IdempotencyRecord | undefined {
  for (const stored of company?.cases.values() ?? []) {
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

  const existing = (companyId: string): CompanyData | undefined => data.get(companyId);
  const forWrite = (companyId: string): CompanyData => {
    assertSafeName('company id', companyId);
    let found = data.get(companyId);
    if (!found) {
      found = { versions: [], counters: new Map(), cases: new Map(), audit: [] };
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
      insertNumbered: async (companyId, period, build, audit, idempotency) => {
        const company = forWrite(companyId);
        assertUnclaimed(company, idempotency);
        const serial = (company.counters.get(period) ?? 0) + 1;
        const numbered = numberedCase(companyId, period, serial, build, audit);
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
        company.cases.set(stored.case.id, stored);
        company.audit.push(...entries);
        return copy(stored);
      },
      get: async (companyId, caseId) => copy(existing(companyId)?.cases.get(caseId)),
      findByImportKey: async (companyId, importKey) => {
        const company = existing(companyId);
        return copy(company && findImported(company, importKey));
      },
      save: async (stored, expectedVersion, audit, idempotency) => {
        const company = existing(stored.companyId);
        const current = company?.cases.get(stored.case.id);
        assertUnclaimed(company, idempotency);
        if (!company || !current) {
          throw new StoreError('not_found', `case ${stored.case.id} does not exist`);
        }
        if (current.version !== expectedVersion) {
          throw new StoreError(
            'stale_version',
            `case ${stored.case.id} is at version ${current.version}, not ${expectedVersion}`,
          );
        }
        assertAuditFor(stored.companyId, audit);
        const next = savedCase(copy(stored), current, expectedVersion, idempotency);
        company.cases.set(next.case.id, next);
        company.audit.push(...copy(audit));
        return copy(next);
      },
      list: async (companyId) => [...(existing(companyId)?.cases.values() ?? [])].map(copy),
    },
    idempotency: {
      get: async (companyId, key) => findClaimed(existing(companyId), key),
    },
    audit: {
      list: async (companyId, caseId) =>
        (existing(companyId)?.audit ?? [])
          .filter((entry) => caseId === undefined || entry.caseId === caseId)
          .map(copy),
      append: async (entries) => {
        for (const entry of entries) assertSafeName('company id', entry.companyId);
        for (const entry of entries) forWrite(entry.companyId).audit.push(copy(entry));
      },
    },
    close: async () => {},
  };
}
