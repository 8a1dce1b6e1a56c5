/** Whole-company reads for tests: every case and every audit entry, through the store's scans. */
import type { AuditEntry, Store, StoredCase } from '../../server/app/ports/ports.ts';

/** Every case of the company, in the order received. */
export async function allCases(store: Store, companyId: string): Promise<StoredCase[]> {
  const cases: StoredCase[] = [];
  for await (const batch of store.cases.scan(companyId, {}, 100)) cases.push(...batch);
  return cases;
}

/** Every audit entry of the company, in the order written. */
export async function allAudit(store: Store, companyId: string): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  for await (const batch of store.audit.scan(companyId, 100)) entries.push(...batch);
  return entries;
}
