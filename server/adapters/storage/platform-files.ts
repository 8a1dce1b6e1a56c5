/**
 * The platform's files under `<dataDir>/platform/`: companies.json, users.json, tokens.json and
 * accounts.json (password credentials, studio sessions, invitations, counted sign-in failures),
 * read at open and then served from memory. They grow with companies and staff, not with cases.
 */
import { join } from 'node:path';
import { Low } from 'lowdb';
import {
  StoreError,
  type ApiToken,
  type Company,
  type Store,
  type User,
} from '../../app/ports/ports.ts';
import { accountRecords, emptyAccountLists, type AccountLists } from './account-records.ts';
import { DurableJsonFile, type WriteObserver } from './durable-json-file.ts';
import { assertSafeName } from './storage-names.ts';
import type { WriteTracker } from './write-tracker.ts';

/** The parts of the store kept in the platform's files. */
export type PlatformPart =
  'companies' | 'users' | 'tokens' | 'credentials' | 'sessions' | 'invitations' | 'attemptCounts';

/** A deep copy, so nobody outside the store shares its objects. */
function copy<T>(value: T): T {
  return structuredClone(value);
}

function upsert<T extends { id: string }>(records: T[], record: T): void {
  const index = records.findIndex((existing) => existing.id === record.id);
  if (index === -1) records.push(record);
  else records[index] = record;
}

/**
 * Loads the platform files and returns the part of the store that serves them.
 * @throws Error when a file is not valid JSON
 */
export async function loadPlatform(
  folder: string,
  tracker: WriteTracker,
  observer?: WriteObserver,
): Promise<Pick<Store, PlatformPart>> {
  const low = <T>(name: string, empty: T) =>
    new Low(new DurableJsonFile<T>(join(folder, name), observer), empty);
  const companies = low<{ companies: Company[] }>('companies.json', { companies: [] });
  const users = low<{ users: User[] }>('users.json', { users: [] });
  const tokens = low<{ tokens: ApiToken[] }>('tokens.json', { tokens: [] });
  const accounts = low<AccountLists>('accounts.json', emptyAccountLists());
  await Promise.all([companies.read(), users.read(), tokens.read(), accounts.read()]);

  // Each change is made in memory at once (so changes keep their order) and acknowledged when on disk.
  const commit = async <T>(file: Low<T>): Promise<void> => {
    await tracker.track(file.write());
  };
  const reading = async <T>(value: () => T): Promise<T> => {
    tracker.ensureOpen();
    return copy(value());
  };

  return {
    ...accountRecords(
      () => accounts.data,
      () => commit(accounts),
      () => tracker.ensureOpen(),
    ),
    companies: {
      list: () => reading(() => companies.data.companies),
      get: (id) => reading(() => companies.data.companies.find((company) => company.id === id)),
      create: async (company) => {
        tracker.ensureOpen();
        assertSafeName('company id', company.id);
        if (companies.data.companies.some((existing) => existing.id === company.id)) {
          throw new StoreError('conflict', `company ${company.id} already exists`);
        }
        companies.data.companies.push(copy(company));
        await commit(companies);
      },
    },
    users: {
      get: (id) => reading(() => users.data.users.find((user) => user.id === id)),
      list: (companyId) =>
        reading(() => users.data.users.filter((user) => user.companyId === companyId)),
      save: async (user) => {
        tracker.ensureOpen();
        upsert(users.data.users, copy(user));
        await commit(users);
      },
    },
    tokens: {
      findByHash: (hash) => reading(() => tokens.data.tokens.find((token) => token.hash === hash)),
      listForUser: (userId) =>
        reading(() => tokens.data.tokens.filter((token) => token.userId === userId)),
      save: async (token) => {
        tracker.ensureOpen();
        upsert(tokens.data.tokens, copy(token));
        await commit(tokens);
      },
    },
  };
}
