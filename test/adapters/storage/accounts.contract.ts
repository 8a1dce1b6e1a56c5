/**
 * The storage contract of accounts: password credentials found by login or e-mail, studio sessions
 * and invitations found by hash and revoked per user, invitations used once, counted failures.
 */
import { expect, it } from 'vitest';
import { expectStoreError, type OpenStore } from './store-fixtures.ts';

const T0 = '2026-03-02T02:00:00.000Z';
const T1 = '2026-03-02T03:00:00.000Z';
const T2 = '2026-03-02T04:00:00.000Z';

const credential = (userId: string, login: string, email?: string) => ({
  userId,
  login,
  ...(email ? { email } : {}),
  passwordHash: `$argon2id$${userId}`,
  updatedAt: T0,
});

const session = (id: string, userId: string, expiresAt = T2) => ({
  id,
  userId,
  hash: `h-${id}`,
  createdAt: T0,
  lastSeenAt: T0,
  expiresAt,
});

const invitation = (id: string, userId: string) => ({
  id,
  userId,
  hash: `h-${id}`,
  createdAt: T0,
  createdBy: 'admin',
  expiresAt: T2,
});

/** Registers the accounts tests against the stores `open` opens. */
export function accountsContract(open: OpenStore): void {
  it('finds a credential by user, login or e-mail, and refuses a login or e-mail taken', async () => {
    const { store, reopen } = await open();
    await store.credentials.save(credential('li', 'li.na', 'li@acme.cn'));
    await store.credentials.save(credential('wang', 'wang'));
    expect(await store.credentials.get('li')).toEqual(credential('li', 'li.na', 'li@acme.cn'));
    expect((await store.credentials.findByLogin('LI.NA'))?.userId).toBe('li');
    expect((await store.credentials.findByLogin('li@acme.cn'))?.userId).toBe('li');
    expect(await store.credentials.findByLogin('nobody')).toBeUndefined();
    await expectStoreError(store.credentials.save(credential('zhou', 'li.na')), 'conflict');
    await expectStoreError(
      store.credentials.save(credential('zhou', 'zhou', 'li@acme.cn')),
      'conflict',
    );
    const { passwordHash: _gone, ...reset } = credential('li', 'li.na2');
    await store.credentials.save(reset);
    expect(await store.credentials.findByLogin('li.na')).toBeUndefined();
    const again = reopen ? (await store.close(), await reopen()) : store;
    expect(await again.credentials.get('li')).toEqual(reset);
    expect(await again.credentials.get('zhou')).toBeUndefined();
  });

  it('finds sessions by hash and revokes every session of one user', async () => {
    const { store, reopen } = await open();
    await store.sessions.save(session('s1', 'li'));
    await store.sessions.save(session('s2', 'li'));
    await store.sessions.save(session('s3', 'wang'));
    await store.sessions.save({ ...session('s1', 'li'), lastSeenAt: T1 });
    expect(await store.sessions.findByHash('h-s1')).toEqual({
      ...session('s1', 'li'),
      lastSeenAt: T1,
    });
    await store.sessions.revokeForUser('li', T1);
    const again = reopen ? (await store.close(), await reopen()) : store;
    expect((await again.sessions.findByHash('h-s1'))?.revokedAt).toBe(T1);
    expect((await again.sessions.findByHash('h-s2'))?.revokedAt).toBe(T1);
    // A request that read s2 before the revocation notes its use after it: s2 stays revoked.
    await again.sessions.save({ ...session('s2', 'li'), lastSeenAt: T2 });
    expect(await again.sessions.findByHash('h-s2')).toMatchObject({
      lastSeenAt: T2,
      revokedAt: T1,
    });
    expect(await again.sessions.findByHash('h-s3')).toEqual(session('s3', 'wang'));
    expect(await again.sessions.findByHash('nope')).toBeUndefined();
  });

  it('drops sessions that ended before a new one began', async () => {
    const { store } = await open();
    await store.sessions.save(session('old', 'li', T0));
    await store.sessions.save({ ...session('new', 'li'), createdAt: T1 });
    expect(await store.sessions.findByHash('h-old')).toBeUndefined();
    expect(await store.sessions.findByHash('h-new')).toBeDefined();
  });

  it('uses an invitation once, also when two uses arrive together', async () => {
    const { store } = await open();
    await store.invitations.save(invitation('i1', 'li'));
    const uses = await Promise.all([
      store.invitations.use('h-i1', T1),
      store.invitations.use('h-i1', T1),
    ]);
    expect(uses.filter(Boolean)).toEqual([invitation('i1', 'li')]);
    expect((await store.invitations.findByHash('h-i1'))?.usedAt).toBe(T1);
    expect(await store.invitations.use('h-i1', T2)).toBeUndefined();
    expect(await store.invitations.use('nope', T2)).toBeUndefined();
  });

  it('revokes the unused invitations of one user, which then cannot be used', async () => {
    const { store } = await open();
    await store.invitations.save(invitation('i1', 'li'));
    await store.invitations.save(invitation('i2', 'li'));
    await store.invitations.save(invitation('i3', 'wang'));
    await store.invitations.use('h-i2', T0);
    await store.invitations.revokeForUser('li', T1);
    expect((await store.invitations.findByHash('h-i1'))?.revokedAt).toBe(T1);
    expect((await store.invitations.findByHash('h-i2'))?.revokedAt).toBeUndefined();
    expect(await store.invitations.use('h-i1', T2)).toBeUndefined();
    expect(await store.invitations.use('h-i3', T2)).toEqual(invitation('i3', 'wang'));
  });

  it('counts failures per key, from one again after a quiet while, and clears them', async () => {
    const { store } = await open();
    expect(await store.attemptCounts.get('login:li')).toBeUndefined();
    await store.attemptCounts.record('login:li', T0, T0);
    const counted = await Promise.all(
      [1, 2, 3].map(() => store.attemptCounts.record('login:li', T1, T0)),
    );
    expect(counted.map((f) => f.count).sort()).toEqual([2, 3, 4]);
    expect(await store.attemptCounts.get('login:li')).toEqual({
      key: 'login:li',
      count: 4,
      lastAt: T1,
    });
    await store.attemptCounts.record('address:10.0.0.1', T1, T0);
    expect(await store.attemptCounts.record('login:li', T2, T2)).toEqual({
      key: 'login:li',
      count: 1,
      lastAt: T2,
    });
    await store.attemptCounts.clear('login:li');
    expect(await store.attemptCounts.get('login:li')).toBeUndefined();
    expect((await store.attemptCounts.get('address:10.0.0.1'))?.count).toBe(1);
  });
}
