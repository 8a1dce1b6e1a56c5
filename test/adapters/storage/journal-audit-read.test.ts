import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../server/app/ports/ports.ts';
import { embeddedStores } from '../../support/embedded-stores.ts';
import { auditEntry, buildCase } from './store.contract.ts';

const { tempDir, open } = embeddedStores('kesu-audit-read-');

/** An entry whose data carries what could mislead a reader looking for the line's audit array. */
function trickyEntry(id: string, caseId: string, text: string): AuditEntry {
  return {
    ...auditEntry('acme', id, caseId),
    input: { data: { note: text, audit: [{ audit: [1] }] }, roles: ['clerk'] },
  };
}

const TEXTS = [
  'plain',
  ',"audit":[ inside a string',
  'ends with a backslash \\',
  '{"audit":[1]}',
  '引号 " 与 ]}',
];

describe("a case's audit read from the embedded journal", () => {
  it('is every entry as written, whatever the case and the entries hold', async () => {
    const store = await open(await tempDir());
    const written: AuditEntry[] = [];
    const base = buildCase('c1');
    const stored = await store.cases.insertNumbered(
      'acme',
      '2026-02',
      (serial) => ({
        case: {
          ...base,
          number: `2602${String(serial).padStart(3, '0')}`,
          // A field named like the line's key, holding an array, inside the case.
          intake: { ...base.intake, audit: ['x'], remark: ',"audit":[' },
        },
        policyVersion: 1,
        month: '2026-02',
        updatedAt: 'x',
      }),
      () => {
        const first = trickyEntry('a0', 'c1', TEXTS[0]!);
        written.push(first);
        return [first];
      },
    );
    let current = stored;
    for (const [index, text] of TEXTS.entries()) {
      const entry = trickyEntry(`s${index}`, 'c1', text);
      written.push(entry);
      current = await store.cases.save(current, current.version, [entry]);
      const appended = trickyEntry(`n${index}`, 'c1', text);
      written.push(appended);
      await store.audit.append([appended, auditEntry('acme', `other${index}`, 'c2')]);
    }
    const read = await store.audit.forCase('acme', 'c1');
    expect([...read].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [...written].sort((a, b) => a.id.localeCompare(b.id)),
    );
    await store.close();
  });
});
