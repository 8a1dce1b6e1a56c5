import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DurableJsonFile } from '../../../server/adapters/storage/durable-json-file.ts';
import {
  openLowdbStore,
  type LowdbStoreOptions,
} from '../../../server/adapters/storage/lowdb-store.ts';
import type { Store } from '../../../server/app/ports/ports.ts';
import { auditEntry, describeStoreContract, intake } from './store.contract.ts';
import { allCases, allAudit } from '../../support/store-reads.ts';

const folders: string[] = [];
const stores: Store[] = [];

async function tempDir(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'kesu-store-'));
  folders.push(folder);
  return folder;
}

async function open(dataDir: string, options?: LowdbStoreOptions): Promise<Store> {
  const store = await openLowdbStore(dataDir, options);
  stores.push(store);
  return store;
}

/** Every file under a folder, relative to it, sorted. */
async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)))
    .sort();
}

/** The pid of a node process that has already exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
});

afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

describeStoreContract('lowdb', async () => {
  const dataDir = await tempDir();
  return { store: await openLowdbStore(dataDir), reopen: () => openLowdbStore(dataDir) };
});

describe('lowdb store on disk', () => {
  it('keeps each company in its own folder, cases and audit sharded by month', async () => {
    const dataDir = await tempDir();
    const store = await open(dataDir);
    await store.companies.create({ id: 'acme', name: 'Acme', createdAt: 'x' });
    await store.users.save({ id: 'li', name: '李', companyId: 'acme', roles: [], createdAt: 'x' });
    await store.tokens.save({ id: 't1', userId: 'li', hash: 'h', createdAt: 'x' });
    const draft = { companyId: 'acme', document: {}, version: 0, updatedAt: 'x', updatedBy: 'li' };
    await store.policies.saveDraft(draft, 0);
    const published = { companyId: 'acme', note: '', publishedAt: 'x', publishedBy: 'li' };
    const policy = {} as never;
    await store.policies.publish({ ...published, number: 1, policy });
    await store.policies.publish({ ...published, number: 2, policy });
    await intake(store, 'acme', 'c1', '2026-02', '2026-02-27T09:00:00+08:00');
    await intake(store, 'acme', 'c2', '2026-03', '2026-03-01T09:00:00+08:00');
    await intake(store, 'bolt', 'b1');
    expect(await filesUnder(dataDir)).toEqual([
      '.lock',
      'companies/acme/audit/2026-02.json',
      'companies/acme/audit/2026-03.json',
      'companies/acme/cases/2026-02.json',
      'companies/acme/cases/2026-03.json',
      'companies/acme/counters.json',
      'companies/acme/policies/1.json',
      'companies/acme/policies/2.json',
      'companies/acme/policy-draft.json',
      'companies/bolt/audit/2026-02.json',
      'companies/bolt/cases/2026-02.json',
      'companies/bolt/counters.json',
      'platform/companies.json',
      'platform/tokens.json',
      'platform/users.json',
    ]);
    const counters = JSON.parse(
      await readFile(join(dataDir, 'companies/acme/counters.json'), 'utf8'),
    );
    expect(counters).toEqual({ lastSerial: { '2026-02': 1, '2026-03': 1 } });
    await store.close();
    expect(await filesUnder(dataDir)).not.toContain('.lock');
  });

  it('refuses a second open of a directory that is open, naming the owner', async () => {
    const dataDir = await tempDir();
    await open(dataDir);
    await expect(openLowdbStore(dataDir)).rejects.toThrow(
      `data directory ${dataDir} is in use by process ${process.pid}; only one Kesu server may own a data directory`,
    );
  });

  it('refuses a directory whose lock belongs to another live process', async () => {
    const dataDir = await tempDir();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
    try {
      await writeFile(join(dataDir, '.lock'), JSON.stringify({ pid: other.pid, startedAt: 'x' }));
      await expect(openLowdbStore(dataDir)).rejects.toThrow(`is in use by process ${other.pid};`);
    } finally {
      other.kill();
    }
  });

  it.each([
    ['a dead process', async () => JSON.stringify({ pid: await deadPid(), startedAt: 'x' })],
    ['an earlier run with this pid', async () => JSON.stringify({ pid: process.pid })],
    ['unreadable content', async () => 'not json'],
  ])('takes over a stale lock left by %s', async (_, content) => {
    const dataDir = await tempDir();
    await writeFile(join(dataDir, '.lock'), await content());
    const store = await open(dataDir);
    const lock = JSON.parse(await readFile(join(dataDir, '.lock'), 'utf8'));
    expect(lock.pid).toBe(process.pid);
    await store.companies.create({ id: 'acme', name: 'Acme', createdAt: 'x' });
  });

  it('leaves every file whole after a burst of writes, and no temporary files', async () => {
    const dataDir = await tempDir();
    const store = await open(dataDir);
    const months = ['2026-01', '2026-02', '2026-03'];
    await Promise.all(
      Array.from({ length: 150 }, async (_, index) => {
        const companyId = index % 2 === 0 ? 'acme' : 'bolt';
        const month = months[index % 3]!;
        const stored = await intake(store, companyId, `c${index}`, month, `${month}-05T10:00:00Z`);
        await store.cases.save({ ...stored, updatedAt: 'later' }, 1, [
          auditEntry(companyId, `s${index}`, stored.case.id, `${month}-06T10:00:00Z`),
        ]);
        await store.users.save({ id: `u${index}`, name: 'u', roles: [], createdAt: 'x' });
      }),
    );
    await store.close();
    const files = await filesUnder(dataDir);
    expect(files.filter((file) => !file.endsWith('.json'))).toEqual([]);
    for (const file of files) {
      await expect(readFile(join(dataDir, file), 'utf8').then(JSON.parse)).resolves.toBeTruthy();
    }
    const again = await open(dataDir);
    expect(await allCases(again, 'acme')).toHaveLength(75);
    expect(await allAudit(again, 'bolt')).toHaveLength(150);
  });

  it('starts a month’s next file when one is full, and finds everything after reopening', async () => {
    const dataDir = await tempDir();
    const store = await open(dataDir, { recordsPerFile: 2 });
    const ids = Array.from({ length: 25 }, (_, index) => `c${index}`);
    for (const id of ids) await intake(store, 'acme', id);
    await store.close();
    const cases = (await filesUnder(dataDir)).filter((file) => file.includes('/cases/'));
    expect(cases).toHaveLength(13);
    expect(cases).toContain('companies/acme/cases/2026-02.json');
    expect(cases).toContain('companies/acme/cases/2026-02.13.json');

    const again = await open(dataDir, { recordsPerFile: 2 });
    expect((await allCases(again, 'acme')).map((s) => s.serial)).toEqual(ids.map((_, i) => i + 1));
    expect((await again.cases.get('acme', 'c24'))?.serial).toBe(25);
    expect((await intake(again, 'acme', 'c25')).serial).toBe(26);
    await again.audit.append([auditEntry('acme', 'late', 'c0')]);
    const audit = await allAudit(again, 'acme');
    expect(audit.map((entry) => entry.id)).toEqual(
      [...ids, 'c25'].map((id) => `a-${id}`).concat('late'),
    );
  });

  it('numbers on after a crash that left counters.json behind its cases', async () => {
    const dataDir = await tempDir();
    const store = await open(dataDir);
    await Promise.all(['c1', 'c2', 'c3'].map((id) => intake(store, 'acme', id)));
    await store.close();
    await writeFile(join(dataDir, 'companies/acme/counters.json'), '{"lastSerial":{"2026-02":1}}');
    const again = await open(dataDir);
    expect((await intake(again, 'acme', 'c4')).serial).toBe(4);
  });

  it('refuses to serve a company whose file is damaged rather than start it over empty', async () => {
    const dataDir = await tempDir();
    const store = await open(dataDir);
    await intake(store, 'acme', 'c1');
    await store.close();
    await writeFile(join(dataDir, 'companies/acme/cases/2026-02.json'), '{"cases": [');
    const again = await open(dataDir);
    await expect(again.cases.get('acme', 'c1')).rejects.toThrow(/2026-02\.json is not valid JSON/);
    await expect(intake(again, 'acme', 'c2')).rejects.toThrow(/not valid JSON/);
  });

  it('carries writes requested while one is in flight in one next write', async () => {
    const dataDir = await tempDir();
    const written: string[] = [];
    const file = new DurableJsonFile<{ n: number }>(join(dataDir, 'x.json'), () =>
      written.push('write'),
    );
    const resolved: number[] = [];
    const writes = [1, 2, 3, 4, 5].map((n) =>
      file.write({ n }).then(() => {
        resolved.push(n);
        written.push(`resolved ${n}`);
      }),
    );
    await Promise.all(writes);
    expect(written).toEqual([
      'write',
      'resolved 1',
      'write',
      'resolved 2',
      'resolved 3',
      'resolved 4',
      'resolved 5',
    ]);
    expect(await file.read()).toEqual({ n: 5 });
  });

  it('writes a month shard twice for 50 intakes started at once', async () => {
    const dataDir = await tempDir();
    const written: string[] = [];
    const store = await open(dataDir, { onWrite: (file) => written.push(relative(dataDir, file)) });
    await Promise.all(Array.from({ length: 50 }, (_, index) => intake(store, 'acme', `c${index}`)));
    const count = (name: string) => written.filter((file) => file === name).length;
    expect(count('companies/acme/cases/2026-02.json')).toBe(2);
    expect(count('companies/acme/audit/2026-02.json')).toBeLessThanOrEqual(3);
    expect(count('companies/acme/counters.json')).toBeLessThanOrEqual(3);
  });

  it('refuses calls after close', async () => {
    const store = await open(await tempDir());
    await store.close();
    await expect(allCases(store, 'acme')).rejects.toThrow('the store is closed');
  });
});
