/**
 * The accounts part of the Store port over plain lists (credentials, sessions, invitations, counted
 * failures): the memory store keeps them in memory, the embedded store in files under platform/.
 * Every change is made in the lists at once, then `commit` is awaited with the list's name.
 */
import {
  StoreError,
  type Credential,
  type Invitation,
  type Session,
  type AttemptCount,
  type Store,
} from '../../app/ports/ports.ts';

/** The lists the accounts are kept in. */
export type AccountLists = {
  credentials: Credential[];
  sessions: Session[];
  invitations: Invitation[];
  failures: AttemptCount[];
};

/** What `commit` is told was changed. */
export type AccountList = keyof AccountLists;

function copy<T>(value: T): T {
  return structuredClone(value);
}

/** New empty lists. */
export function emptyAccountLists(): AccountLists {
  return { credentials: [], sessions: [], invitations: [], failures: [] };
}

function replace<T>(records: T[], same: (record: T) => boolean, record: T): void {
  const index = records.findIndex(same);
  if (index === -1) records.push(record);
  else records[index] = record;
}

/** The accounts part of a store over `lists`; `before` runs ahead of every call (e.g. a closed check). */
export function accountRecords(
  lists: () => AccountLists,
  commit: (list: AccountList) => Promise<void>,
  before: () => void = () => {},
): Pick<Store, 'credentials' | 'sessions' | 'invitations' | 'attemptCounts'> {
  const read = async <T>(value: () => T): Promise<T> => {
    before();
    return copy(value());
  };
  const names = (c: Credential) => [c.login, ...(c.email ? [c.email] : [])];
  return {
    credentials: {
      get: (userId) => read(() => lists().credentials.find((c) => c.userId === userId)),
      findByLogin: (name) =>
        read(() => lists().credentials.find((c) => names(c).includes(name.toLowerCase()))),
      save: async (credential) => {
        before();
        const taken = lists().credentials.find(
          (c) =>
            c.userId !== credential.userId && names(c).some((n) => names(credential).includes(n)),
        );
        if (taken) throw new StoreError('conflict', `login ${credential.login} is taken`);
        replace(lists().credentials, (c) => c.userId === credential.userId, copy(credential));
        await commit('credentials');
      },
    },
    sessions: {
      findByHash: (hash) => read(() => lists().sessions.find((s) => s.hash === hash)),
      save: async (session) => {
        before();
        // Sessions ended before this one began are of no more use: the list does not grow for ever.
        const all = lists();
        all.sessions = all.sessions.filter(
          (s) => Date.parse(s.expiresAt) >= Date.parse(session.createdAt),
        );
        const revokedAt = all.sessions.find((s) => s.id === session.id)?.revokedAt;
        replace(
          all.sessions,
          (s) => s.id === session.id,
          copy(revokedAt ? { ...session, revokedAt } : session),
        );
        await commit('sessions');
      },
      revokeForUser: async (userId, at) => {
        before();
        for (const s of lists().sessions) if (s.userId === userId && !s.revokedAt) s.revokedAt = at;
        await commit('sessions');
      },
    },
    invitations: {
      findByHash: (hash) => read(() => lists().invitations.find((i) => i.hash === hash)),
      save: async (invitation) => {
        before();
        replace(lists().invitations, (i) => i.id === invitation.id, copy(invitation));
        await commit('invitations');
      },
      revokeForUser: async (userId, at) => {
        before();
        for (const i of lists().invitations)
          if (i.userId === userId && !i.usedAt && !i.revokedAt) i.revokedAt = at;
        await commit('invitations');
      },
      use: async (hash, at) => {
        before();
        const found = lists().invitations.find((i) => i.hash === hash);
        if (!found || found.usedAt || found.revokedAt) return undefined;
        const was = copy(found);
        found.usedAt = at;
        await commit('invitations');
        return was;
      },
    },
    attemptCounts: {
      get: (key) => read(() => lists().failures.find((f) => f.key === key)),
      record: async (key, at, since) => {
        before();
        const found = lists().failures.find((f) => f.key === key);
        const next = {
          key,
          count: found && Date.parse(found.lastAt) >= Date.parse(since) ? found.count + 1 : 1,
          lastAt: at,
        };
        replace(lists().failures, (f) => f.key === key, next);
        await commit('failures');
        return copy(next);
      },
      clear: async (key) => {
        before();
        const all = lists();
        all.failures = all.failures.filter((f) => f.key !== key);
        await commit('failures');
      },
    },
  };
}
