/**
 * The storage port's contract: every adapter (memory, lowdb, …) runs these same tests. An adapter
 * that can be closed and opened again over the same data also proves that everything survives.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  StoreError,
  type AuditEntry,
  type Company,
  type PublishedPolicy,
  type Store,
  type StoredCase,
} from '../../../server/app/ports/ports.ts';
import type { Case } from '../../../server/domain/case/case.ts';
import { buildPolicy } from '../../support/policies.ts';

/** Makes a fresh, empty store; `reopen` (after `close`) opens a new store over the same data. */
export type StoreFactory = () => Promise<{ store: Store; reopen?: () => Promise<Store> }>;

type NewCase = Omit<StoredCase, 'version' | 'serial' | 'period' | 'companyId'>;

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

/** What a use case gives insertNumbered's `build` for a serial. */
export function newCase(id: string, receivedAt?: string): (serial: number) => NewCase {
  return (serial) => {
    const built = buildCase(id, receivedAt);
    return {
      case: { ...built, number: `2602${String(serial).padStart(3, '0')}` },
      policyVersion: 1,
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

function company(id: string): Company {
  return { id, name: `Company ${id}`, createdAt: '2026-01-01T00:00:00Z' };
}

function version(companyId: string, number: number): PublishedPolicy {
  return {
    companyId,
    number,
    policy: buildPolicy(),
    note: `v${number}`,
    publishedAt: '2026-01-02T00:00:00Z',
    publishedBy: 'admin',
  };
}

async function expectStoreError(promise: Promise<unknown>, code: StoreError['code']) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(StoreError);
  expect((error as StoreError).code).toBe(code);
}

/** Runs the storage contract against the adapter `makeStore` opens. */
export function describeStoreContract(name: string, makeStore: StoreFactory): void {
  describe(`${name} store contract`, () => {
    const opened: Store[] = [];
    const open = async () => {
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
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((store) => store.close()));
    });

    it('creates, gets and lists companies, and refuses a second one with the same id', async () => {
      const { store } = await open();
      await store.companies.create(company('acme'));
      await store.companies.create(company('bolt'));
      expect(await store.companies.get('acme')).toEqual(company('acme'));
      expect(await store.companies.get('nobody')).toBeUndefined();
      expect((await store.companies.list()).map((c) => c.id).sort()).toEqual(['acme', 'bolt']);
      await expectStoreError(store.companies.create(company('acme')), 'conflict');
    });

    it.each([['../evil'], ['a/b'], ['..'], ['.hidden'], ['Acme'], ['']])(
      'refuses the company id %j for writes and finds nothing under it',
      async (id) => {
        const { store } = await open();
        await expect(store.companies.create(company(id))).rejects.toThrow(/not allowed/);
        await expect(intake(store, id, 'c1')).rejects.toThrow(/not allowed/);
        expect(await store.companies.list()).toEqual([]);
        expect(await store.cases.get(id, 'c1')).toBeUndefined();
        expect(await store.cases.list(id)).toEqual([]);
        expect(await store.audit.list(id)).toEqual([]);
        expect(await store.policies.getDraft(id)).toBeUndefined();
      },
    );

    it('refuses a period that cannot name a file', async () => {
      const { store } = await open();
      await expect(intake(store, 'acme', 'c1', '../2026')).rejects.toThrow(/period/);
      expect(await store.cases.list('acme')).toEqual([]);
    });

    it('saves, gets and lists users by company', async () => {
      const { store } = await open();
      const li = { id: 'li', name: '李', companyId: 'acme', roles: ['clerk'], createdAt: 'x' };
      await store.users.save(li);
      await store.users.save({ ...li, id: 'wang', companyId: 'bolt' });
      await store.users.save({ ...li, roles: ['clerk', 'admin'] });
      expect(await store.users.get('li')).toEqual({ ...li, roles: ['clerk', 'admin'] });
      expect((await store.users.list('acme')).map((user) => user.id)).toEqual(['li']);
      expect(await store.users.get('nobody')).toBeUndefined();
    });

    it('finds tokens by hash and lists them by user', async () => {
      const { store } = await open();
      const token = { id: 't1', userId: 'li', hash: 'h1', createdAt: 'x' };
      await store.tokens.save(token);
      await store.tokens.save({ ...token, id: 't2', hash: 'h2' });
      await store.tokens.save({ ...token, revokedAt: 'y' });
      expect(await store.tokens.findByHash('h1')).toEqual({ ...token, revokedAt: 'y' });
      expect(await store.tokens.findByHash('nope')).toBeUndefined();
      expect((await store.tokens.listForUser('li')).map((t) => t.id).sort()).toEqual(['t1', 't2']);
    });

    it('saves a draft at versions 0 then 1, and refuses a wrong version changing nothing', async () => {
      const { store } = await open();
      const draft = {
        companyId: 'acme',
        document: { v: 'a' },
        version: 0,
        updatedAt: 'x',
        updatedBy: 'li',
      };
      expect(await store.policies.getDraft('acme')).toBeUndefined();
      expect((await store.policies.saveDraft(draft, 0)).version).toBe(1);
      const second = await store.policies.saveDraft({ ...draft, document: { v: 'b' } }, 1);
      expect(second).toMatchObject({ version: 2, document: { v: 'b' } });
      await expectStoreError(
        store.policies.saveDraft({ ...draft, document: { v: 'c' } }, 1),
        'stale_version',
      );
      await expectStoreError(
        store.policies.saveDraft({ ...draft, document: { v: 'c' } }, 0),
        'stale_version',
      );
      expect(await store.policies.getDraft('acme')).toEqual(second);
    });

    it('publishes versions 1 and 2 and refuses a repeat or a gap', async () => {
      const { store } = await open();
      await store.policies.publish(version('acme', 1));
      await store.policies.publish(version('acme', 2));
      await expectStoreError(store.policies.publish(version('acme', 1)), 'stale_version');
      await expectStoreError(store.policies.publish(version('acme', 4)), 'stale_version');
      expect(await store.policies.getVersion('acme', 1)).toEqual(version('acme', 1));
      expect((await store.policies.latestVersion('acme'))?.number).toBe(2);
      expect(await store.policies.getVersion('acme', 3)).toBeUndefined();
      const listed = await store.policies.listVersions('acme');
      expect(listed.map((v) => v.number)).toEqual([1, 2]);
      expect(listed[0]).not.toHaveProperty('policy');
      expect(await store.policies.latestVersion('bolt')).toBeUndefined();
    });

    it('keeps a draft’s template snapshot and a version’s extends reference, also after reopening', async () => {
      const { store, reopen } = await open();
      const ref = { template: 'starter', version: 'h-1' };
      const draft = {
        companyId: 'acme',
        document: { extends: ref },
        base: { ...ref, policy: { id: 'starter' } },
        version: 0,
        updatedAt: 'x',
        updatedBy: 'li',
      };
      const saved = await store.policies.saveDraft(draft, 0);
      await store.policies.publish({ ...version('acme', 1), extends: ref });
      const again = reopen ? (await store.close(), await reopen()) : store;
      expect(await again.policies.getDraft('acme')).toEqual(saved);
      expect(saved.base).toEqual(draft.base);
      expect((await again.policies.getVersion('acme', 1))?.extends).toEqual(ref);
    });

    it('numbers 200 intakes started at once 1..200, each serial exactly once', async () => {
      const { store } = await open();
      const ids = Array.from({ length: 200 }, (_, index) => `case-${index}`);
      const stored = await Promise.all(ids.map((id) => intake(store, 'acme', id)));
      expect(stored.map((s) => s.serial).sort((a, b) => a - b)).toEqual(ids.map((_, i) => i + 1));
      expect(stored.every((s) => s.version === 1 && s.period === '2026-02')).toBe(true);
      const listed = await store.cases.list('acme');
      expect(new Set(listed.map((s) => s.case.number)).size).toBe(200);
      expect(await store.audit.list('acme')).toHaveLength(200);
    });

    it('restarts serials per period and numbers companies independently', async () => {
      const { store } = await open();
      const serial = async (companyId: string, id: string, period: string, at?: string) =>
        (await intake(store, companyId, id, period, at)).serial;
      expect(await serial('acme', 'a1', '2026-02')).toBe(1);
      expect(await serial('acme', 'a2', '2026-02')).toBe(2);
      expect(await serial('acme', 'a3', '2026-03', '2026-03-01T09:00:00+08:00')).toBe(1);
      expect(await serial('acme', 'a4', '2026-02')).toBe(3);
      expect(await serial('bolt', 'b1', '2026-02')).toBe(1);
    });

    it('gives build the serial and audit the stored case, and stores both', async () => {
      const { store } = await open();
      let seen: StoredCase | undefined;
      const stored = await store.cases.insertNumbered('acme', '2026-02', newCase('c1'), (s) => {
        seen = s;
        return [auditEntry('acme', 'e1', 'c1')];
      });
      expect(stored).toMatchObject({ companyId: 'acme', period: '2026-02', serial: 1, version: 1 });
      expect(stored.case.number).toBe('2602001');
      expect(seen).toEqual(stored);
      expect(await store.cases.get('acme', 'c1')).toEqual(stored);
      expect(await store.audit.list('acme', 'c1')).toEqual([auditEntry('acme', 'e1', 'c1')]);
    });

    it('uses no serial for an intake that fails (a failing build, a case id already stored)', async () => {
      const { store } = await open();
      await intake(store, 'acme', 'c1');
      const failing = () => {
        throw new Error('build failed');
      };
      await expect(
        store.cases.insertNumbered('acme', '2026-02', failing, () => []),
      ).rejects.toThrow('build failed');
      await expectStoreError(intake(store, 'acme', 'c1'), 'conflict');
      expect((await intake(store, 'acme', 'c2')).serial).toBe(2);
      expect(await store.cases.list('acme')).toHaveLength(2);
    });

    it('saves a case at its version and refuses a stale one changing nothing', async () => {
      const { store } = await open();
      const first = await intake(store, 'acme', 'c1');
      const moved = { ...first, case: { ...first.case, state: 'approving' }, updatedAt: 'later' };
      const saved = await store.cases.save(moved, 1, [auditEntry('acme', 'e2', 'c1')]);
      expect(saved).toMatchObject({ version: 2, serial: 1, period: '2026-02' });
      expect(saved.case.state).toBe('approving');
      const late = { ...first, case: { ...first.case, state: 'closed' } };
      await expectStoreError(
        store.cases.save(late, 1, [auditEntry('acme', 'e3', 'c1')]),
        'stale_version',
      );
      expect(await store.cases.get('acme', 'c1')).toEqual(saved);
      expect((await store.audit.list('acme', 'c1')).map((e) => e.id)).toEqual(['a-c1', 'e2']);
      const missing = { ...first, case: buildCase('nope') };
      await expectStoreError(store.cases.save(missing, 1, []), 'not_found');
    });

    it("never shows one company another's case or audit", async () => {
      const { store } = await open();
      const acme = await intake(store, 'acme', 'c1');
      await intake(store, 'bolt', 'b1');
      expect(await store.cases.get('bolt', 'c1')).toBeUndefined();
      expect((await store.cases.list('bolt')).map((s) => s.case.id)).toEqual(['b1']);
      expect((await store.audit.list('bolt')).map((e) => e.caseId)).toEqual(['b1']);
      expect(await store.audit.list('bolt', 'c1')).toEqual([]);
      await expectStoreError(store.cases.save({ ...acme, companyId: 'bolt' }, 1, []), 'not_found');
      expect(await store.cases.get('acme', 'c1')).toEqual(acme);
    });

    it('appends audit entries and lists them by company and by case, in order', async () => {
      const { store } = await open();
      await store.audit.append([auditEntry('acme', 'e1', 'c1'), auditEntry('acme', 'e2')]);
      await store.audit.append([auditEntry('acme', 'e3', 'c1'), auditEntry('bolt', 'e4', 'c1')]);
      expect((await store.audit.list('acme')).map((e) => e.id)).toEqual(['e1', 'e2', 'e3']);
      expect((await store.audit.list('acme', 'c1')).map((e) => e.id)).toEqual(['e1', 'e3']);
      expect((await store.audit.list('bolt')).map((e) => e.id)).toEqual(['e4']);
    });

    it('keeps copies: changing what went in or came out changes nothing stored', async () => {
      const { store } = await open();
      const input = company('acme');
      await store.companies.create(input);
      input.name = 'changed';
      (await store.companies.get('acme'))!.name = 'changed';
      (await store.companies.list())[0]!.name = 'changed';
      expect((await store.companies.get('acme'))?.name).toBe('Company acme');

      const user = { id: 'li', name: '李', companyId: 'acme', roles: ['clerk'], createdAt: 'x' };
      await store.users.save(user);
      user.roles.push('admin');
      (await store.users.get('li'))!.roles.push('admin');
      expect((await store.users.get('li'))?.roles).toEqual(['clerk']);

      const token = { id: 't1', userId: 'li', hash: 'h1', createdAt: 'x' };
      await store.tokens.save(token);
      (await store.tokens.findByHash('h1'))!.revokedAt = 'now';
      expect(await store.tokens.findByHash('h1')).toEqual(token);

      const draft = {
        companyId: 'acme',
        document: { v: 'a' },
        version: 0,
        updatedAt: 'x',
        updatedBy: 'li',
      };
      const savedDraft = await store.policies.saveDraft(draft, 0);
      (draft.document as { v: string }).v = 'changed';
      (savedDraft.document as { v: string }).v = 'changed';
      expect((await store.policies.getDraft('acme'))?.document).toEqual({ v: 'a' });

      const published = version('acme', 1);
      await store.policies.publish(published);
      published.policy.id = 'changed';
      (await store.policies.getVersion('acme', 1))!.policy.id = 'changed';
      expect((await store.policies.latestVersion('acme'))?.policy.id).toBe('starter');

      const stored = await intake(store, 'acme', 'c1');
      stored.case.flags.push('changed');
      (await store.cases.get('acme', 'c1'))!.case.flags.push('changed');
      (await store.cases.list('acme'))[0]!.case.flags.push('changed');
      expect((await store.cases.get('acme', 'c1'))?.case.flags).toEqual([]);

      const entry = auditEntry('acme', 'e1', 'c1');
      await store.audit.append([entry]);
      entry.action = 'changed';
      (await store.audit.list('acme', 'c1'))[1]!.action = 'changed';
      expect((await store.audit.list('acme', 'c1')).map((e) => e.action)).toEqual([
        'intake',
        'test',
      ]);
    });

    it('finds a case by its import key, per company, and refuses a second case with that key', async () => {
      const { store, reopen } = await open();
      const imported = (id: string, key: string) => (serial: number) => ({
        ...newCase(id)(serial),
        importKey: key,
      });
      const first = await store.cases.insertNumbered(
        'acme',
        '2026-02',
        imported('c1', 'K-1'),
        () => [],
      );
      await store.cases.insertNumbered('other', '2026-02', imported('o1', 'K-1'), () => []);
      expect(first.importKey).toBe('K-1');
      expect((await store.cases.findByImportKey('acme', 'K-1'))?.case.id).toBe('c1');
      expect((await store.cases.findByImportKey('other', 'K-1'))?.case.id).toBe('o1');
      expect(await store.cases.findByImportKey('acme', 'K-2')).toBeUndefined();
      expect(await store.cases.findByImportKey('nobody', 'K-1')).toBeUndefined();
      await expectStoreError(
        store.cases.insertNumbered('acme', '2026-02', imported('c2', 'K-1'), () => []),
        'conflict',
      );
      expect((await store.cases.list('acme')).map((c) => c.case.id)).toEqual(['c1']);
      // The refused insert used no serial.
      expect((await intake(store, 'acme', 'c3')).serial).toBe(2);
      if (!reopen) return;
      await store.close();
      const again = await reopen();
      expect((await again.cases.findByImportKey('acme', 'K-1'))?.case.id).toBe('c1');
      await expectStoreError(
        again.cases.insertNumbered('acme', '2026-02', imported('c4', 'K-1'), () => []),
        'conflict',
      );
    });

    it('keeps everything across close and reopen, and numbers on from where it was', async () => {
      const { store, reopen } = await open();
      if (!reopen) return;
      await store.companies.create(company('acme'));
      await store.users.save({
        id: 'li',
        name: '李',
        companyId: 'acme',
        roles: [],
        createdAt: 'x',
      });
      await store.tokens.save({ id: 't1', userId: 'li', hash: 'h1', createdAt: 'x' });
      const draft = {
        companyId: 'acme',
        document: { v: 'a' },
        version: 0,
        updatedAt: 'x',
        updatedBy: 'li',
      };
      await store.policies.saveDraft(draft, 0);
      await store.policies.publish(version('acme', 1));
      await Promise.all(['c1', 'c2', 'c3'].map((id) => intake(store, 'acme', id)));
      const march = await intake(store, 'acme', 'm1', '2026-03', '2026-03-02T09:00:00+08:00');
      const c1 = (await store.cases.get('acme', 'c1'))!;
      await store.cases.save({ ...c1, updatedAt: 'later' }, 1, [auditEntry('acme', 'e9', 'c1')]);
      const before = {
        companies: await store.companies.list(),
        user: await store.users.get('li'),
        token: await store.tokens.findByHash('h1'),
        draft: await store.policies.getDraft('acme'),
        versions: await store.policies.listVersions('acme'),
        cases: await store.cases.list('acme'),
        audit: await store.audit.list('acme'),
      };
      await store.close();

      const again = await reopen();
      expect({
        companies: await again.companies.list(),
        user: await again.users.get('li'),
        token: await again.tokens.findByHash('h1'),
        draft: await again.policies.getDraft('acme'),
        versions: await again.policies.listVersions('acme'),
        cases: await again.cases.list('acme'),
        audit: await again.audit.list('acme'),
      }).toEqual(before);
      expect(await again.cases.get('acme', 'm1')).toEqual(march);
      expect(await again.policies.getVersion('acme', 1)).toEqual(version('acme', 1));
      expect((await intake(again, 'acme', 'c4')).serial).toBe(4);
      expect(
        (await intake(again, 'acme', 'm2', '2026-03', '2026-03-03T09:00:00+08:00')).serial,
      ).toBe(2);
      await expectStoreError(again.policies.saveDraft(draft, 0), 'stale_version');
      await expectStoreError(again.policies.publish(version('acme', 1)), 'stale_version');
      await expectStoreError(again.cases.save(c1, 1, []), 'stale_version');
    });
  });
}
