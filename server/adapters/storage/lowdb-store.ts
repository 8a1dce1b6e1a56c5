/**
 * The default embedded store: lowdb over JSON files in one data directory, owned by one process.
 *
 * <dataDir>/.lock                           the owner's pid and start time
 * <dataDir>/platform/{companies,users,tokens}.json
 * <dataDir>/companies/<id>/policy-draft.json, policies/<n>.json, counters.json,
 *                          cases/<YYYY-MM>.json, audit/<YYYY-MM>.json (then <YYYY-MM>.2.json …
 *                          once a month's file holds `recordsPerFile` records)
 *
 * Every file is replaced atomically and fsynced (see durable-json-file.ts). Changes to one company
 * are made in memory one at a time (a queue per company), then written; a call resolves once every
 * file it changed is on disk. An intake writes its case file and audit file together and
 * counters.json only after the case file, so after a crash no acknowledged case is missing and no
 * serial is used again (on load a period's counter is at least its largest serial on disk).
 */
import { join, resolve } from 'node:path';
import {
  StoreError,
  type AuditEntry,
  type IdempotencyClaim,
  type PolicyDraft,
  type PublishedPolicy,
  type Store,
} from '../../app/ports/ports.ts';
import type { CompanyFiles } from './company-files.ts';
import { CompanyRegistry, copy } from './company-registry.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { makeDirectoryDurably, type WriteObserver } from './durable-json-file.ts';
import { loadPlatform } from './platform-files.ts';
import {
  assertAuditFor,
  assertSafeName,
  isSafeName,
  nextFreeNumber,
  numberedCase,
  savedCase,
  withClaim,
} from './storage-names.ts';
import { WriteTracker } from './write-tracker.ts';
import { caseMoments } from '../../domain/case/case-index.ts';
import { compareIn, matchesFilter } from './case-filter.ts';
import { scanInBatches } from './scan-batches.ts';

/** Options of the lowdb store. */
export type LowdbStoreOptions = {
  /** Told each file written, once it is on disk (for tests and measurements). */
  onWrite?: WriteObserver;
  /** Cases or audit entries to a file before a month starts its next file; 250 by default. */
  recordsPerFile?: number;
};

const done: Promise<void> = Promise.resolve();

function stale(what: string, actual: number, expected: number): StoreError {
  return new StoreError('stale_version', `${what} is at version ${actual}, not ${expected}`);
}

/** Refuses a claim on a key some write already claimed. */
function assertUnclaimed(files: CompanyFiles, claim: IdempotencyClaim | undefined): void {
  if (claim && files.getClaimed(claim.key)) {
    throw new StoreError('conflict', 'the idempotency key was already used');
  }
}

/**
 * Opens (creating if need be) a data directory and takes its lock.
 * @throws Error "data directory … is in use by process <pid>; …" when another live process owns it
 * @throws Error when a platform file is not valid JSON
 */
export async function openLowdbStore(
  dataDir: string,
  options: LowdbStoreOptions = {},
): Promise<Store> {
  const root = resolve(dataDir);
  await makeDirectoryDurably(root);
  const lock = await lockDataDir(root);
  const tracker = new WriteTracker();
  try {
    const platform = await loadPlatform(join(root, 'platform'), tracker, options.onWrite);
    const limit = options.recordsPerFile ?? 250;
    const companies = new CompanyRegistry(root, tracker, limit, options.onWrite);
    return { ...platform, ...companyStore(companies, tracker, lock.release) };
  } catch (error) {
    await lock.release();
    throw error;
  }
}

function companyStore(
  companies: CompanyRegistry,
  tracker: WriteTracker,
  release: () => Promise<void>,
): Omit<Store, 'companies' | 'users' | 'tokens'> {
  const read = companies.read.bind(companies);
  const mutate = companies.mutate.bind(companies);
  let closing: Promise<void> | undefined;

  return {
    policies: {
      getDraft: (companyId) =>
        read(companyId, undefined, (files) => files.draft.data.draft ?? undefined),
      saveDraft: (draft: PolicyDraft, expectedVersion) =>
        mutate(draft.companyId, async (files) => {
          const current = files.draft.data.draft?.version ?? 0;
          if (current !== expectedVersion) {
            throw stale(`draft of ${draft.companyId}`, current, expectedVersion);
          }
          const next = { ...copy(draft), version: expectedVersion + 1 };
          files.draft.data.draft = next;
          await tracker.track(files.draft.write());
          return { value: copy(next), durable: done };
        }),
      publish: (version: PublishedPolicy) =>
        mutate(version.companyId, async (files) => {
          const next = files.versions.length + 1;
          if (version.number !== next) {
            throw new StoreError(
              'stale_version',
              `policy of ${version.companyId}: version ${version.number} is not the next (${next})`,
            );
          }
          // Held in the queue until on disk: a later version must never reach disk before it.
          await tracker.track(files.publish(copy(version)));
          return { value: undefined, durable: done };
        }),
      getVersion: (companyId, number) =>
        read(companyId, undefined, (files) => files.versions.find((v) => v.number === number)),
      latestVersion: (companyId) => read(companyId, undefined, (files) => files.versions.at(-1)),
      listVersions: (companyId) =>
        read(companyId, [], (files) => files.versions.map(({ policy: _policy, ...rest }) => rest)),
    },
    cases: {
      insertNumbered: (companyId, period, build, audit, idempotency) =>
        mutate(companyId, async (files) => {
          assertUnclaimed(files, idempotency);
          // The serial is chosen before the audit months load: only the company queue keeps
          // another intake from choosing it too.
          const { serial, numbered } = nextFreeNumber(
            files.lastSerial.get(period) ?? 0,
            (next) => numberedCase(companyId, period, next, build, audit),
            (number) => files.getByNumber(number) !== undefined,
          );
          const { entries } = numbered;
          const stored = withClaim(numbered.stored, undefined, idempotency);
          if (files.getCase(stored.case.id)) {
            throw new StoreError('conflict', `case ${stored.case.id} already exists`);
          }
          if (stored.importKey !== undefined && files.getImported(stored.importKey)) {
            throw new StoreError(
              'conflict',
              `a case was already imported with key ${stored.importKey}`,
            );
          }
          await files.prepareAudit(entries);
          files.lastSerial.set(period, serial);
          // counters.json only after the case is on disk: it never runs ahead of the cases.
          const caseWritten = files.addCase(stored);
          const durable = tracker.track(
            Promise.all([
              caseWritten.then(() => files.recordSerial(period, serial)),
              files.appendAudit(entries),
            ]),
          );
          return { value: copy(stored), durable };
        }),
      get: (companyId, caseId) => read(companyId, undefined, (files) => files.getCase(caseId)),
      findByImportKey: (companyId, importKey) =>
        read(companyId, undefined, (files) => files.getImported(importKey)),
      save: (stored, expectedVersion, audit, idempotency) => {
        if (!isSafeName(stored.companyId)) {
          return Promise.reject(new StoreError('not_found', `case ${stored.case.id} not found`));
        }
        return mutate(stored.companyId, async (files) => {
          assertUnclaimed(files, idempotency);
          const current = files.getCase(stored.case.id);
          if (!current) throw new StoreError('not_found', `case ${stored.case.id} not found`);
          if (current.version !== expectedVersion) {
            throw stale(`case ${stored.case.id}`, current.version, expectedVersion);
          }
          assertAuditFor(stored.companyId, audit);
          const entries = copy(audit);
          await files.prepareAudit(entries);
          const next = savedCase(copy(stored), current, expectedVersion, idempotency);
          const durable = tracker.track(
            Promise.all([files.replaceCase(next), files.appendAudit(entries)]),
          );
          return { value: copy(next), durable };
        });
      },
      getByNumber: (companyId, number) =>
        read(companyId, undefined, (files) => files.getByNumber(number)),
      query: (companyId, filter, order, page) =>
        read(companyId, { items: [], total: 0 }, (files) => {
          const matching = files
            .listCases()
            .map((stored, received) => ({ stored, moments: caseMoments(stored.case), received }))
            .filter((item) => matchesFilter(item.stored, item.moments, filter))
            .sort(compareIn(order));
          const items = matching.slice(page.offset, page.offset + page.limit);
          return { items: items.map((item) => item.stored), total: matching.length };
        }),
      scan: (companyId, filter = {}, batchSize = 500) =>
        scanInBatches(batchSize, (after, limit) =>
          read(companyId, [], (files) =>
            files
              .listCases()
              .map((stored, received) => ({ rank: received, value: stored }))
              .filter(
                (item) =>
                  item.rank > after &&
                  matchesFilter(item.value, caseMoments(item.value.case), filter),
              )
              .slice(0, limit),
          ),
        ),
    },
    idempotency: {
      get: (companyId, key) => read(companyId, undefined, (files) => files.getClaimed(key)),
    },
    audit: {
      forCase: async (companyId, caseId) => {
        const entries = await read(companyId, [], (files) => files.listAudit());
        return entries.filter((entry) => entry.caseId === caseId);
      },
      scan: (companyId, batchSize = 500) =>
        scanInBatches(batchSize, async (after, limit) => {
          const entries = await read(companyId, [], (files) => files.listAudit());
          return entries
            .slice(after + 1, after + 1 + limit)
            .map((value, index) => ({ rank: after + 1 + index, value }));
        }),
      append: async (entries) => {
        const byCompany = new Map<string, AuditEntry[]>();
        for (const entry of entries) {
          assertSafeName('company id', entry.companyId);
          byCompany.set(entry.companyId, [...(byCompany.get(entry.companyId) ?? []), entry]);
        }
        await Promise.all(
          [...byCompany].map(([companyId, group]) =>
            mutate(companyId, async (files) => {
              await files.prepareAudit(group);
              return { value: undefined, durable: tracker.track(files.appendAudit(copy(group))) };
            }),
          ),
        );
      },
    },
    close: () =>
      (closing ??= (async () => {
        tracker.close();
        await companies.settle();
        await tracker.drain();
        await release();
      })()),
  };
}
