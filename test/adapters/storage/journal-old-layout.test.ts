import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StoredCase } from '../../../server/app/ports/ports.ts';
import { auditEntry, buildCase, intake, version } from './store-fixtures.ts';
import { allAudit, allCases } from '../../support/store-reads.ts';
import { embeddedStores } from '../../support/embedded-stores.ts';

const { tempDir, open } = embeddedStores('kesu-old-layout-');

/** A case as the month-file store wrote it; `month` left out as cases before it were. */
function oldCase(id: string, serial: number, receivedAt: string, withMonth = true) {
  const stored: StoredCase = {
    companyId: 'acme',
    case: { ...buildCase(id, receivedAt), number: `OLD-${serial}` },
    policyVersion: 1,
    period: receivedAt.slice(0, 7),
    serial,
    month: receivedAt.slice(0, 7),
    version: 1,
    updatedAt: receivedAt,
  };
  if (withMonth) return stored;
  const { month: _month, ...rest } = stored;
  return rest;
}

async function writeJson(file: string, data: unknown): Promise<void> {
  await mkdir(join(file, '..'), { recursive: true });
  await writeFile(file, JSON.stringify(data));
}

describe('a data directory in the layout before the journal', () => {
  it('is converted into the journal on first open, keeping every case, entry and serial', async () => {
    const dataDir = await tempDir();
    const company = join(dataDir, 'companies/acme');
    await writeJson(join(dataDir, 'platform/companies.json'), {
      companies: [{ id: 'acme', name: 'Acme', createdAt: 'x' }],
    });
    await writeJson(join(company, 'policies/1.json'), version('acme', 1));
    await writeJson(join(company, 'cases/2026-01.json'), {
      cases: [oldCase('j1', 1, '2026-01-05T09:00:00+08:00')],
    });
    await writeJson(join(company, 'cases/2026-02.json'), {
      cases: [
        oldCase('f1', 1, '2026-02-03T09:00:00+08:00'),
        oldCase('f2', 2, '2026-02-04T09:00:00+08:00'),
      ],
    });
    // Received at 20:00 UTC on 28 February: 1 March in the policy's zone (Asia/Shanghai).
    await writeJson(join(company, 'cases/2026-02.2.json'), {
      cases: [oldCase('f3', 3, '2026-02-28T20:00:00Z', false)],
    });
    await writeJson(join(company, 'audit/2026-01.json'), {
      entries: [auditEntry('acme', 'a-j1', 'j1', '2026-01-05T09:00:00+08:00')],
    });
    await writeJson(join(company, 'audit/2026-02.json'), {
      entries: ['f1', 'f2', 'f3', 'f1'].map((id, n) => auditEntry('acme', `a${n}-${id}`, id)),
    });
    await writeJson(join(company, 'counters.json'), { lastSerial: { '2026-02': 5 } });

    const store = await open(dataDir);
    expect((await allCases(store, 'acme')).map((s) => [s.case.id, s.month])).toEqual([
      ['j1', '2026-01'],
      ['f1', '2026-02'],
      ['f2', '2026-02'],
      ['f3', '2026-03'],
    ]);
    expect((await allAudit(store, 'acme')).map((e) => e.id)).toEqual([
      'a-j1',
      'a0-f1',
      'a1-f2',
      'a2-f3',
      'a3-f1',
    ]);
    expect((await store.audit.forCase('acme', 'f1')).map((e) => e.id)).toEqual(['a0-f1', 'a3-f1']);
    expect((await store.cases.getByNumber('acme', 'OLD-2'))?.case.id).toBe('f2');
    expect((await intake(store, 'acme', 'n1')).serial).toBe(6);
    expect((await intake(store, 'acme', 'n2', '2026-01')).serial).toBe(2);
    expect((await readdir(company)).sort()).toEqual(['journal', 'policies', 'pre-journal']);
    expect((await readdir(join(company, 'pre-journal'))).sort()).toEqual([
      'audit',
      'cases',
      'counters.json',
    ]);
    await store.close();

    const again = await open(dataDir);
    expect((await allCases(again, 'acme')).map((s) => s.case.id)).toEqual([
      'j1',
      'f1',
      'f2',
      'f3',
      'n1',
      'n2',
    ]);
    expect((await intake(again, 'acme', 'n3')).serial).toBe(7);
  });

  it('starts the conversion over when a crash cut it short, and refuses a damaged old file', async () => {
    const dataDir = await tempDir();
    const company = join(dataDir, 'companies/acme');
    await writeJson(join(company, 'cases/2026-02.json'), {
      cases: [oldCase('f1', 1, '2026-02-03T09:00:00+08:00')],
    });
    await mkdir(join(company, 'journal-converting'), { recursive: true });
    await writeFile(join(company, 'journal-converting/000001.jsonl'), '{"case":');
    await mkdir(join(company, 'audit'));
    await writeFile(join(company, 'audit/2026-02.json'), '{"entries": [');

    const store = await open(dataDir);
    await expect(store.cases.get('acme', 'f1')).rejects.toThrow(/2026-02\.json is not valid JSON/);
    await writeJson(join(company, 'audit/2026-02.json'), {
      entries: [auditEntry('acme', 'a1', 'f1')],
    });
    expect((await store.cases.get('acme', 'f1'))?.serial).toBe(1);
    expect((await store.audit.forCase('acme', 'f1')).map((e) => e.id)).toEqual(['a1']);
    expect(await readdir(company)).not.toContain('journal-converting');
  });
});
