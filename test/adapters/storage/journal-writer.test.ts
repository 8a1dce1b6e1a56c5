import { appendFile, cp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditEntry, intake } from './store.contract.ts';
import { allCases } from '../../support/store-reads.ts';
import { embeddedStores } from '../../support/embedded-stores.ts';

const { tempDir, open } = embeddedStores('kesu-journal-');

const segment = (dataDir: string, n = 1) =>
  join(dataDir, 'companies/acme/journal', `${String(n).padStart(6, '0')}.jsonl`);

describe('the embedded store’s journal', () => {
  it('carries intakes that arrive during an fdatasync in one next write and fdatasync', async () => {
    const dataDir = await tempDir();
    const synced: string[] = [];
    const store = await open(dataDir, { onSync: (file) => synced.push(file) });
    await intake(store, 'acme', 'c0');
    synced.length = 0;
    const ids = Array.from({ length: 200 }, (_, index) => `c${index + 1}`);
    const stored = await Promise.all(ids.map((id) => intake(store, 'acme', id)));
    expect(new Set(stored.map((s) => s.serial)).size).toBe(200);
    expect(synced.length).toBeGreaterThan(0);
    expect(synced.length).toBeLessThanOrEqual(20);
    expect(new Set(synced)).toEqual(new Set([segment(dataDir)]));
    expect(await allCases(store, 'acme')).toHaveLength(201);
  });

  it('lets readers see a case only once its line is on disk', async () => {
    const dataDir = await tempDir();
    let synced = 0;
    const store = await open(dataDir, { onSync: () => (synced += 1) });
    await intake(store, 'acme', 'c0');
    const before = synced;
    let answered = false;
    const pending = intake(store, 'acme', 'c1').then(() => (answered = true));
    const seen: number[] = [];
    while (!answered) {
      const found = await store.cases.getByNumber('acme', '2602002');
      if (found) seen.push(synced - before);
      await new Promise((resolve) => setImmediate(resolve)); // let the disk's answers in
    }
    await pending;
    expect(seen.every((syncs) => syncs > 0)).toBe(true);
    expect((await store.cases.get('acme', 'c1'))?.serial).toBe(2);
  });

  it('starts the next segment past its size, and reads across segments after reopening', async () => {
    const dataDir = await tempDir();
    const store = await open(dataDir, { segmentBytes: 4096 });
    const ids = Array.from({ length: 30 }, (_, index) => `c${index}`);
    for (const id of ids) await intake(store, 'acme', id);
    await store.close();
    const names = await readdir(join(dataDir, 'companies/acme/journal'));
    const segments = names.filter((name) => name.endsWith('.jsonl')).sort();
    expect(segments.length).toBeGreaterThan(3);
    for (const name of segments.slice(0, -1)) {
      expect((await stat(join(dataDir, 'companies/acme/journal', name))).size).toBeLessThanOrEqual(
        4096,
      );
    }
    const again = await open(dataDir, { segmentBytes: 4096 });
    expect((await allCases(again, 'acme')).map((s) => s.serial)).toEqual(ids.map((_, i) => i + 1));
    expect((await again.cases.get('acme', 'c0'))?.serial).toBe(1);
    expect((await again.audit.forCase('acme', 'c29')).map((e) => e.id)).toEqual(['a-c29']);
    expect((await intake(again, 'acme', 'c30')).serial).toBe(31);
  });

  it('discards a torn last line left by a crash, and writes on after it', async () => {
    const dataDir = await tempDir();
    const store = await open(dataDir);
    await intake(store, 'acme', 'c1');
    await intake(store, 'acme', 'c2');
    await store.close();
    const whole = await readFile(segment(dataDir), 'utf8');
    await appendFile(segment(dataDir), '{"case":{"companyId":"acme","case":{"id":"c3"');
    await rm(join(dataDir, 'companies/acme/journal/snapshot.json'));

    const again = await open(dataDir);
    expect((await allCases(again, 'acme')).map((s) => s.case.id)).toEqual(['c1', 'c2']);
    expect(await readFile(segment(dataDir), 'utf8')).toBe(whole);
    expect((await intake(again, 'acme', 'c3')).serial).toBe(3);
    await again.close();
    const third = await open(dataDir);
    expect((await allCases(third, 'acme')).map((s) => s.case.id)).toEqual(['c1', 'c2', 'c3']);
  });

  it('refuses a company whose journal has a damaged line before its end, naming file and line', async () => {
    const dataDir = await tempDir();
    const store = await open(dataDir);
    for (const id of ['c1', 'c2', 'c3']) await intake(store, 'acme', id);
    await store.close();
    const lines = (await readFile(segment(dataDir), 'utf8')).split('\n');
    lines[1] = lines[1]!.slice(0, 40);
    await writeFile(segment(dataDir), lines.join('\n'));
    await rm(join(dataDir, 'companies/acme/journal/snapshot.json'));

    const again = await open(dataDir);
    const message = `${segment(dataDir)} line 2 is not valid JSON`;
    await expect(again.cases.get('acme', 'c1')).rejects.toThrow(message);
    await expect(intake(again, 'acme', 'c4')).rejects.toThrow(message);
  });

  it('never gives a number again after a crash: the copy of a running store numbers on', async () => {
    const dataDir = await tempDir();
    const store = await open(dataDir, { snapshotEvery: 8 });
    const acknowledged = await Promise.all(
      Array.from({ length: 30 }, (_, index) => intake(store, 'acme', `c${index}`)),
    );
    await store.cases.save({ ...acknowledged[3]!, updatedAt: 'later' }, 1, [
      auditEntry('acme', 's3', 'c3'),
    ]);
    // What a crash leaves: the files as they are while the store runs, no last snapshot, and a
    // line cut off in the middle of its write.
    const crashed = await tempDir();
    // A snapshot may be being written meanwhile: its temporary file can vanish under the copy.
    await cp(dataDir, crashed, { recursive: true, filter: (path) => !path.endsWith('.tmp') });
    await rm(join(crashed, '.lock')); // its owner is this live process: not stale
    await appendFile(
      segment(crashed),
      '{"case":{"companyId":"acme","case":{"id":"c99","number":"2',
    );

    const again = await open(crashed);
    const numbers = new Set(acknowledged.map((s) => s.case.number));
    for (const before of acknowledged) {
      expect((await again.cases.get('acme', before.case.id))?.case.number).toBe(before.case.number);
    }
    expect((await again.cases.get('acme', 'c3'))?.version).toBe(2);
    const next = await intake(again, 'acme', 'c30');
    expect(numbers.has(next.case.number)).toBe(false);
    expect(next.serial).toBe(31);
  });
});
