import { spawn } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DurableJsonFile } from '../../../server/adapters/storage/durable-json-file.ts';
import { openLowdbStore } from '../../../server/adapters/storage/lowdb-store.ts';
import { auditEntry, describeStoreContract, intake } from './store.contract.ts';
import { allCases, allAudit } from '../../support/store-reads.ts';
import { embeddedStores } from '../../support/embedded-stores.ts';

const { tempDir, open } = embeddedStores('kesu-store-');

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

describeStoreContract('lowdb', async () => {
  const dataDir = await tempDir();
  return { store: await openLowdbStore(dataDir), reopen: () => openLowdbStore(dataDir) };
});

describe('lowdb store on disk', () => {
  it('keeps each company in its own folder, cases and audit in its journal', async () => {
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
      'companies/acme/journal/000001.jsonl',
      'companies/acme/policies/1.json',
      'companies/acme/policies/2.json',
      'companies/acme/policy-draft.json',
      'companies/bolt/journal/000001.jsonl',
      'platform/companies.json',
      'platform/tokens.json',
      'platform/users.json',
    ]);
    const lines = (await readFile(join(dataDir, 'companies/acme/journal/000001.jsonl'), 'utf8'))
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(
      lines.map((line) => [line.case.case.id, line.audit.map((e: { id: string }) => e.id)]),
    ).toEqual([
      ['c1', ['a-c1']],
      ['c2', ['a-c2']],
    ]);
    await store.close();
    const closed = await filesUnder(dataDir);
    expect(closed).not.toContain('.lock');
    expect(closed).toContain('companies/acme/journal/snapshot.json');
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
    expect(files.filter((file) => !/\.jsonl?$/.test(file))).toEqual([]);
    for (const file of files) {
      const text = await readFile(join(dataDir, file), 'utf8');
      const parts = file.endsWith('.jsonl') ? text.trimEnd().split('\n') : [text];
      for (const part of parts) expect(JSON.parse(part), file).toBeTruthy();
    }
    const again = await open(dataDir);
    expect(await allCases(again, 'acme')).toHaveLength(75);
    expect(await allAudit(again, 'bolt')).toHaveLength(150);
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

  it('refuses calls after close', async () => {
    const store = await open(await tempDir());
    await store.close();
    await expect(allCases(store, 'acme')).rejects.toThrow('the store is closed');
  });
});
