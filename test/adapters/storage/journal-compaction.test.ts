import { mkdir, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Store } from '../../../server/app/ports/ports.ts';
import { auditEntry, intake } from './store-fixtures.ts';
import { allAudit, allCases } from '../../support/store-reads.ts';
import { embeddedStores } from '../../support/embedded-stores.ts';

const { tempDir, open } = embeddedStores('kesu-compaction-');

async function journalSize(dataDir: string): Promise<number> {
  const folder = join(dataDir, 'companies/acme/journal');
  let total = 0;
  for (const name of await readdir(folder)) {
    if (name.endsWith('.jsonl')) total += (await stat(join(folder, name))).size;
  }
  return total;
}

/** What a store answers about company acme. */
async function answers(store: Store) {
  return {
    cases: await allCases(store, 'acme'),
    audit: await allAudit(store, 'acme'),
    page: await store.cases.query('acme', { states: ['s5'] }, 'received', { offset: 1, limit: 4 }),
    c3: await store.audit.forCase('acme', 'c3'),
    claim: await store.idempotency.get('acme', 'save-c4'),
    byNumber: await store.cases.getByNumber('acme', '2602007'),
  };
}

/** Ten cases, each saved five times with an audit entry a save, and entries appended alone. */
async function fill(store: Store): Promise<void> {
  for (let index = 0; index < 10; index += 1) await intake(store, 'acme', `c${index}`);
  for (let round = 1; round <= 5; round += 1) {
    for (let index = 9; index >= 0; index -= 1) {
      const id = `c${index}`;
      const stored = (await store.cases.get('acme', id))!;
      const claim = round === 5 ? { key: `save-${id}`, request: 'r' } : undefined;
      await store.cases.save(
        { ...stored, case: { ...stored.case, state: `s${round}` } },
        stored.version,
        [auditEntry('acme', `s${round}-${id}`, id)],
        claim,
      );
    }
    await store.audit.append([auditEntry('acme', `note-${round}`)]);
  }
}

describe('journal compaction on start', () => {
  it('drops superseded case versions, keeping every answer, the order received and every entry', async () => {
    const dataDir = await tempDir();
    const store = await open(dataDir);
    await fill(store);
    const before = await answers(store);
    await store.close();
    const size = await journalSize(dataDir);

    const compacted = await open(dataDir, { compactAbove: 0 });
    expect(await answers(compacted)).toEqual(before);
    expect(await journalSize(dataDir)).toBeLessThan(size / 2);
    expect((await intake(compacted, 'acme', 'c10')).serial).toBe(11);
    const later = (await compacted.cases.get('acme', 'c2'))!;
    await compacted.cases.save(later, later.version, [auditEntry('acme', 'late', 'c2')]);
    const after = await answers(compacted);
    await compacted.close();

    expect(await readdir(join(dataDir, 'companies/acme'))).toEqual(['journal']);
    const again = await open(dataDir, { compactAbove: 0 });
    expect(await answers(again)).toEqual(after);
    expect((await again.audit.forCase('acme', 'c2')).at(-1)?.id).toBe('late');
  });

  it('recovers from a crash in the middle of one: a half-written journal goes, a replaced one comes back', async () => {
    const dataDir = await tempDir();
    const store = await open(dataDir);
    await fill(store);
    const before = await answers(store);
    await store.close();
    const company = join(dataDir, 'companies/acme');
    await mkdir(join(company, 'journal-compacting'));
    await writeFile(join(company, 'journal-compacting/000001.jsonl'), '{"case":');
    await rename(join(company, 'journal'), join(company, 'journal-replaced'));

    const again = await open(dataDir);
    expect(await answers(again)).toEqual(before);
    expect(await readdir(company)).toEqual(['journal']);
  });
});
