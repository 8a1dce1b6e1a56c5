import { cp, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Store } from '../../../server/app/ports/ports.ts';
import { auditEntry, intake } from './store.contract.ts';
import { allAudit, allCases } from '../../support/store-reads.ts';
import { embeddedStores } from '../../support/embedded-stores.ts';

const { tempDir, open } = embeddedStores('kesu-snapshot-');

/** Everything a store answers about company acme. */
async function answers(store: Store) {
  return {
    cases: await allCases(store, 'acme'),
    audit: await allAudit(store, 'acme'),
    due: await store.cases.query('acme', { open: true }, 'due', { offset: 2, limit: 5 }),
    closed: await store.cases.query('acme', { states: ['closed'] }, 'received', {
      offset: 0,
      limit: 50,
    }),
    text: await store.cases.query('acme', { text: '王女士' }, 'received', { offset: 0, limit: 3 }),
    c7: await store.audit.forCase('acme', 'c7'),
    byNumber: await store.cases.getByNumber('acme', '2602012'),
    imported: await store.cases.findByImportKey('acme', 'old-5'),
    claim: await store.idempotency.get('acme', 'key-9'),
    next: await store.cases.query('acme', {}, 'received', { offset: 0, limit: 0 }),
  };
}

describe('index snapshots', () => {
  it('give the same answers as replaying the whole journal, and numbering goes on alike', async () => {
    const dataDir = await tempDir();
    const store = await open(dataDir, { snapshotEvery: 7 });
    for (let index = 0; index < 40; index += 1) {
      const id = `c${index}`;
      const stored = await store.cases.insertNumbered(
        'acme',
        '2026-02',
        (serial) => ({
          case: {
            ...buildIntake(id),
            number: `2602${String(serial).padStart(3, '0')}`,
          },
          policyVersion: 1,
          month: '2026-02',
          updatedAt: 'x',
          ...(index % 5 === 0 ? { importKey: `old-${index}` } : {}),
        }),
        () => [auditEntry('acme', `a-${id}`, id)],
        { key: `key-${index}`, request: 'fingerprint' },
      );
      if (index % 3 === 0) {
        await store.cases.save({ ...stored, case: { ...stored.case, state: 'closed' } }, 1, [
          auditEntry('acme', `s-${id}`, id),
        ]);
      }
      if (index % 4 === 0) await store.audit.append([auditEntry('acme', `n-${id}`, 'c7')]);
    }
    const names = await readdir(join(dataDir, 'companies/acme/journal'));
    expect(names).toContain('snapshot.json');
    // A snapshot from the middle of the run, with lines after it to replay.
    const midway = await tempDir();
    // A snapshot may be being written meanwhile: its temporary file can vanish under the copy.
    await cp(dataDir, midway, { recursive: true, filter: (path) => !path.endsWith('.tmp') });
    await rm(join(midway, '.lock')); // its owner is this live process: not stale
    const live = await answers(store);
    await store.close();

    const fromSnapshot = await open(dataDir);
    expect(await answers(fromSnapshot)).toEqual(live);
    const fromMidway = await open(midway);
    expect(await answers(fromMidway)).toEqual(live);
    await rm(join(midway, 'companies/acme/journal/snapshot.json'));
    await fromMidway.close();
    const replayed = await open(midway);
    expect(await answers(replayed)).toEqual(live);
    expect((await intake(fromSnapshot, 'acme', 'n1')).serial).toBe(41);
    expect((await intake(replayed, 'acme', 'n1')).serial).toBe(41);
  });
});

function buildIntake(id: string) {
  return {
    id,
    number: '',
    state: 'registered',
    receivedAt: '2026-02-10T09:00:00+08:00',
    intake: { customerName: id === 'c3' ? '王女士' : '李先生' },
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
