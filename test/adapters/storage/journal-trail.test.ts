import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyStore } from '../../../server/adapters/storage/copy-store.ts';
import { trailRange } from '../../../server/adapters/storage/journal/trail-line.ts';
import type { TrailEntry } from '../../../server/app/ports/audit-trail.ts';
import type { Store } from '../../../server/app/ports/ports.ts';
import { embeddedStores } from '../../support/embedded-stores.ts';
import { company } from './store-fixtures.ts';
import { readTrails, walk } from './trails.contract.ts';

const { tempDir, open } = embeddedStores('kesu-trail-');

const journalOf = (dataDir: string) => join(dataDir, 'companies/acme/journal');

async function journalLines(dataDir: string): Promise<string[]> {
  const folder = journalOf(dataDir);
  const lines: string[] = [];
  for (const name of (await readdir(folder)).filter((n) => n.endsWith('.jsonl')).sort())
    lines.push(...(await readFile(join(folder, name), 'utf8')).split('\n').filter(Boolean));
  return lines;
}

/** Cases c0 … c5 walked (intake, actions, a sweep, an attachment); their expected trails. */
async function filled(store: Store): Promise<Map<string, TrailEntry[]>> {
  await store.companies.create(company('acme'));
  const expected = new Map<string, TrailEntry[]>();
  for (let index = 0; index < 6; index += 1)
    expected.set(`c${index}`, await walk(store, `c${index}`, index % 2 ? '2026-03' : '2026-02'));
  return expected;
}

const ids = ['c0', 'c1', 'c2', 'c3', 'c4', 'c5'];

describe('the replay trail in the embedded journal', () => {
  it('heads each case line, whole, and is found past strings that hold brackets and quotes', async () => {
    const dataDir = await tempDir();
    const store = await open(dataDir);
    const expected = await filled(store);
    await store.close();
    const caseLines = (await journalLines(dataDir)).filter((line) => line.includes('"case":'));
    expect(caseLines.length).toBeGreaterThan(0);
    for (const line of caseLines) {
      const bytes = Buffer.from(line, 'utf8');
      const [start, end] = trailRange(bytes)!;
      const trail = JSON.parse(bytes.toString('utf8', start, end)) as TrailEntry[];
      const id = (JSON.parse(line) as { case: { case: { id: string } } }).case.case.id;
      // Each line's trail is the case's trail so far: a start of the whole one.
      expect(expected.get(id)!.slice(0, trail.length)).toEqual(trail);
      expect(bytes.toString('utf8', end, end + 8)).toBe(',"case":');
    }
    expect(trailRange(Buffer.from('{"case":{"trail":[]}}'))).toBeUndefined();
    expect(trailRange(Buffer.from('{"trail":[{"a":"]\\"}]"}],"case":1}'))).toEqual([9, 24]);
  });

  it('is read whole when it is longer than the first bytes read of its line', async () => {
    const store = await open(await tempDir());
    const expected = await filled(store);
    let stored = (await store.cases.get('acme', 'c1'))!;
    const trail = [...expected.get('c1')!];
    for (let step = 0; step < 80; step += 1) {
      const at = `2026-03-12T09:${String(step % 60).padStart(2, '0')}:00+08:00`;
      const input = { data: { note: `第${step}步 ${'x'.repeat(100)}` }, roles: ['clerk'] };
      const entry = { id: `n${step}`, companyId: 'acme', caseId: 'c1', at, by: 'li', input };
      stored = await store.cases.save(stored, stored.version, [{ ...entry, action: 'note' }]);
      trail.push({ at, by: 'li', action: 'note', input });
    }
    expect(JSON.stringify(trail).length).toBeGreaterThan(16 * 1024);
    // Not in the trail the line holds (it was appended alone), where one made from the case's
    // audit entries would have it: what is read is the line's trail.
    const alone = { id: 'alone', companyId: 'acme', caseId: 'c1', at: 'x', by: 'li' };
    await store.audit.append([{ ...alone, action: 'note', input: { roles: ['clerk'] } }]);
    expect((await readTrails(store, 'acme', ['c1', 'c0'])).get('c1')).toEqual(trail);
  });

  it('is kept through a restart that compacts the journal, and grows after it', async () => {
    const dataDir = await tempDir();
    const store = await open(dataDir);
    const expected = await filled(store);
    const before = await journalLines(dataDir);
    await store.close();
    // Any size is worth compacting here: the restart rewrites the journal.
    const compacted = await open(dataDir, { compactAbove: 0 });
    // The company's journal is loaded (and compacted) on its first read.
    expect(await readTrails(compacted, 'acme', ids)).toEqual(expected);
    const after = await journalLines(dataDir);
    expect(after.length).toBeLessThanOrEqual(before.length);
    expect(after.filter((line) => line.includes('"case":')).length).toBe(ids.length);
    const stored = (await compacted.cases.get('acme', 'c2'))!;
    const at = '2026-02-12T09:00:00+08:00';
    const closing = {
      id: 'c2-9',
      companyId: 'acme',
      caseId: 'c2',
      at,
      by: 'li',
      action: 'close',
      input: { roles: ['clerk'] },
    };
    await compacted.cases.save(stored, stored.version, [closing]);
    const grown = [...expected.get('c2')!, { at, by: 'li', action: 'close', input: closing.input }];
    expect((await readTrails(compacted, 'acme', ['c2'])).get('c2')).toEqual(grown);
  });

  it('is made from the audit entries for cases written before trails were kept', async () => {
    const dataDir = await tempDir();
    const store = await open(dataDir);
    const expected = await filled(store);
    await store.close();
    // The journal as an older version wrote it: no trail at the head of any line, no snapshot.
    const folder = journalOf(dataDir);
    for (const name of (await readdir(folder)).filter((n) => n.endsWith('.jsonl'))) {
      const text = await readFile(join(folder, name), 'utf8');
      const lines = text.split('\n').map((line) => {
        const range = line ? trailRange(Buffer.from(line, 'utf8')) : undefined;
        return range
          ? `{${Buffer.from(line, 'utf8')
              .subarray(range[1] + 1)
              .toString('utf8')}`
          : line;
      });
      await writeFile(join(folder, name), lines.join('\n'));
    }
    await rm(join(folder, 'snapshot.json'), { force: true });
    const older = await open(dataDir);
    expect(await readTrails(older, 'acme', ids)).toEqual(expected);
    expect((await journalLines(dataDir)).some((line) => line.startsWith('{"trail"'))).toBe(false);
    // Copied into a new data directory, every case's trail is kept again at its line's head.
    const to = await open(await tempDir());
    await copyStore(older, to);
    expect(await readTrails(to, 'acme', ids)).toEqual(expected);
  });
});
