/**
 * The default embedded store: lowdb JSON files for the small documents, and per company an
 * append-only journal of cases and audit entries, in one data directory owned by one process.
 *
 * <dataDir>/.lock                           the owner's pid and start time
 * <dataDir>/platform/{companies,users,tokens}.json
 * <dataDir>/companies/<id>/policy-draft.json, policies/<n>.json,
 *                          journal/000001.jsonl … (then 000002.jsonl past `segmentBytes`),
 *                          journal/snapshot.json (the index, and the journal position it covers),
 *                          attachments/<case>/<attachment>.{bin,json} (see attachment-files.ts)
 *
 * JSON files are replaced atomically and fsynced (see durable-json-file.ts). An intake or an
 * action is one journal line carrying the case and its audit entries, so both are on disk or
 * neither; lines that arrive while one fdatasync runs share the next (group commit). Changes to
 * one company are checked one at a time (a queue per company) against the index and the writes
 * still pending; readers see a change once its line is on disk, so no number shown can be given
 * again after a crash. Bodies stay on disk: memory holds the index (see journal/journal-index.ts).
 */
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  StoreError,
  type AuditEntry,
  type IdempotencyClaim,
  type PolicyDraft,
  type PublishedPolicy,
  type Store,
} from '../../app/ports/ports.ts';
import { CompanyRegistry, copy } from './company-registry.ts';
import type { CompanyJournal } from './journal/company-journal.ts';
import {
  auditOfCase,
  auditOfCases,
  queryCases,
  scanAudit,
  scanCases,
  scanHeads,
  trailTextsOfCases,
} from './journal/journal-reads.ts';
import { nextTrail } from './journal/trail-line.ts';
import type { SyncObserver } from './journal/journal-writer.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { makeDirectoryDurably, type WriteObserver } from './durable-json-file.ts';
import { loadPlatform, type PlatformPart } from './platform-files.ts';
import {
  assertAuditFor,
  assertSafeName,
  isSafeName,
  nextFreeNumber,
  savedCase,
  withClaim,
} from './storage-names.ts';
import { WriteTracker } from './write-tracker.ts';
import { scanInBatches } from './scan-batches.ts';
import { attachmentFiles } from './attachment-files.ts';

/** Options of the embedded store. */
export type LowdbStoreOptions = {
  /** Told each JSON file written whole, once it is on disk (for tests and measurements). */
  onWrite?: WriteObserver;
  /** Told each fdatasync of a journal segment (for tests and measurements). */
  onSync?: SyncObserver;
  /** Bytes a journal segment grows to before the next starts; 64 MiB by default. */
  segmentBytes?: number;
  /** Journal lines between two snapshots of a company's index; 5,000 by default. */
  snapshotEvery?: number;
  /**
   * Journal bytes past which opening a company compacts its journal when more than half of its
   * case lines are superseded versions; 256 MiB by default.
   */
  compactAbove?: number;
};

const done: Promise<void> = Promise.resolve();

function stale(what: string, actual: number, expected: number): StoreError {
  return new StoreError('stale_version', `${what} is at version ${actual}, not ${expected}`);
}

/** Refuses a claim on a key some write already claimed. */
function assertUnclaimed(journal: CompanyJournal, claim: IdempotencyClaim | undefined): void {
  if (claim && journal.claimTaken(claim.key)) {
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
    const companies = new CompanyRegistry(root, tracker, {
      segmentBytes: options.segmentBytes ?? 64 * 1024 * 1024,
      snapshotEvery: options.snapshotEvery ?? 5000,
      compactAbove: options.compactAbove ?? 256 * 1024 * 1024,
      ...(options.onWrite ? { onWrite: options.onWrite } : {}),
      ...(options.onSync ? { onSync: options.onSync } : {}),
      track: (write) => tracker.track(write),
    });
    // Every company with a folder, created or not (as the store's other calls see them).
    const companyIds = () =>
      readdir(join(root, 'companies')).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return [];
        throw error;
      });
    return {
      ...platform,
      ...companyStore(companies, tracker, lock.release, companyIds),
      attachments: attachmentFiles(root, tracker),
    };
  } catch (error) {
    await lock.release();
    throw error;
  }
}

function companyStore(
  companies: CompanyRegistry,
  tracker: WriteTracker,
  release: () => Promise<void>,
  companyIds: () => Promise<string[]>,
): Omit<Store, PlatformPart | 'attachments'> {
  const read = companies.read.bind(companies);
  const mutate = companies.mutate.bind(companies);
  let closing: Promise<void> | undefined;
  const caseAt = (journal: CompanyJournal, caseId: string | undefined) => {
    const entry = caseId === undefined ? undefined : journal.index.get(caseId);
    return entry ? journal.readCase(entry.place) : undefined;
  };

  return {
    policies: {
      getDraft: (companyId) =>
        read(companyId, undefined, (files) => copy(files.draft.data.draft ?? undefined)),
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
        read(companyId, undefined, (files) =>
          copy(files.versions.find((v) => v.number === number)),
        ),
      latestVersion: (companyId) =>
        read(companyId, undefined, (files) => copy(files.versions.at(-1))),
      listVersions: (companyId) =>
        read(companyId, [], (files) =>
          files.versions.map(({ policy: _policy, ...rest }) => copy(rest)),
        ),
    },
    cases: {
      insertNumbered: (companyId, period, build, audit, idempotency, outbox) =>
        mutate(companyId, async (journal) => {
          assertSafeName('period', period);
          assertUnclaimed(journal, idempotency);
          // No deep copies: the line is serialized in the queue, and what callers get back shares
          // nothing with the index (summaries copy what they keep).
          const { numbered } = nextFreeNumber(
            journal.lastSerial(period),
            (serial) => ({
              stored: Object.assign({}, build(serial), { companyId, period, serial, version: 1 }),
            }),
            (number) => journal.numberTaken(number),
          );
          const stored = withClaim(numbered.stored, undefined, idempotency);
          if (journal.caseForWrite(stored.case.id)) {
            throw new StoreError('conflict', `case ${stored.case.id} already exists`);
          }
          if (stored.importKey !== undefined && journal.importKeyTaken(stored.importKey)) {
            throw new StoreError(
              'conflict',
              `a case was already imported with key ${stored.importKey}`,
            );
          }
          // The audit callback sees the record being stored (the port's callers only read it).
          const entries = audit(stored);
          assertAuditFor(companyId, entries);
          const raised = outbox?.(stored);
          const trail = nextTrail([], stored.case.id, entries);
          const line = {
            ...(trail ? { trail } : {}),
            case: stored,
            audit: entries,
            ...(raised ? { outbox: raised } : {}),
          };
          const durable = tracker.track(journal.write(line));
          return { value: stored, durable };
        }),
      get: (companyId, caseId) => read(companyId, undefined, (journal) => caseAt(journal, caseId)),
      findByImportKey: (companyId, importKey) =>
        read(companyId, undefined, (journal) =>
          caseAt(journal, journal.index.caseWithImportKey(importKey)),
        ),
      save: (stored, expectedVersion, audit, idempotency, outbox) => {
        if (!isSafeName(stored.companyId)) {
          return Promise.reject(new StoreError('not_found', `case ${stored.case.id} not found`));
        }
        return mutate(stored.companyId, async (journal) => {
          assertUnclaimed(journal, idempotency);
          const current = journal.caseForWrite(stored.case.id);
          if (!current) throw new StoreError('not_found', `case ${stored.case.id} not found`);
          if (current.version !== expectedVersion) {
            throw stale(`case ${stored.case.id}`, current.version, expectedVersion);
          }
          assertAuditFor(stored.companyId, audit);
          const next = savedCase({ ...stored }, current, expectedVersion, idempotency);
          const trail = nextTrail(await journal.trailForWrite(next.case.id), next.case.id, audit);
          const line = {
            ...(trail ? { trail } : {}),
            case: next,
            audit,
            ...(outbox ? { outbox } : {}),
          };
          const durable = tracker.track(journal.write(line));
          return { value: next, durable };
        });
      },
      lastSerial: (companyId, period) =>
        read(companyId, 0, (journal) => journal.lastSerial(period)),
      getByNumber: (companyId, number) =>
        read(companyId, undefined, (journal) =>
          caseAt(journal, journal.index.caseWithNumber(number)),
        ),
      query: (companyId, filter, order, page) =>
        read(companyId, { items: [], total: 0 }, (journal) =>
          queryCases(journal, filter, order, page),
        ),
      scan: (companyId, filter = {}, batchSize = 500) =>
        scanInBatches(batchSize, (after, limit) =>
          read(companyId, [], (journal) => scanCases(journal, filter, after, limit)),
        ),
      scanHeads: (companyId, filter = {}, batchSize = 500) =>
        scanInBatches(batchSize, (after, limit) =>
          read(companyId, [], (journal) => scanHeads(journal, filter, after, limit)),
        ),
    },
    idempotency: {
      get: (companyId, key) => read(companyId, undefined, (journal) => journal.index.claimed(key)),
    },
    audit: {
      forCase: (companyId, caseId) =>
        read(companyId, [], (journal) => auditOfCase(journal, caseId)),
      forCases: (companyId, caseIds) =>
        read(companyId, new Map(caseIds.map((id) => [id, []])), (journal) =>
          auditOfCases(journal, caseIds),
        ),
      trailTexts: (companyId, caseIds) =>
        read(companyId, new Map(caseIds.map((id) => [id, '[]'])), (journal) =>
          trailTextsOfCases(journal, caseIds),
        ),
      scan: (companyId, batchSize = 500) => ({
        [Symbol.asyncIterator]: async function* () {
          const journal = await read(companyId, undefined, (found) => found);
          yield* scanAudit(journal, batchSize);
        },
      }),
      append: async (entries) => {
        const byCompany = new Map<string, AuditEntry[]>();
        for (const entry of entries) {
          assertSafeName('company id', entry.companyId);
          byCompany.set(entry.companyId, [...(byCompany.get(entry.companyId) ?? []), entry]);
        }
        await Promise.all(
          [...byCompany].map(([companyId, group]) =>
            mutate(companyId, async (journal) => ({
              value: undefined,
              durable: tracker.track(journal.write({ audit: group })),
            })),
          ),
        );
      },
    },
    notifications: {
      list: (companyId, userId, page) =>
        read(companyId, { items: [], total: 0, unread: 0 }, (journal) =>
          journal.outbox.list(userId, page),
        ),
      markRead: async (companyId, userId, ids, at) => {
        if (!isSafeName(companyId)) return 0;
        return mutate(companyId, async (journal) => {
          const changed = journal.outbox.markRead(userId, ids, at);
          const durable = changed ? tracker.track(journal.saveOutbox()) : done;
          return { value: changed, durable };
        });
      },
    },
    deliveries: {
      forCase: (companyId, caseId) =>
        read(companyId, [], (journal) => journal.outbox.deliveriesOf(caseId)),
      claim: async (now, leaseUntil, limit) => {
        const claimed = [];
        for (const companyId of await companyIds()) {
          if (claimed.length >= limit || !isSafeName(companyId)) continue;
          const taken = await mutate(companyId, async (journal) => {
            const some = journal.outbox.claim(now, leaseUntil, limit - claimed.length);
            const durable = some.length ? tracker.track(journal.saveOutbox()) : done;
            return { value: some, durable };
          });
          claimed.push(...taken);
        }
        return claimed;
      },
      finish: async (delivery) => {
        if (!isSafeName(delivery.companyId)) return;
        await mutate(delivery.companyId, async (journal) => {
          const found = journal.outbox.finish(delivery);
          return { value: undefined, durable: found ? tracker.track(journal.saveOutbox()) : done };
        });
      },
    },
    channels: {
      get: (companyId) =>
        read(companyId, undefined, (journal) => copy(journal.channels.data.channels ?? undefined)),
      save: (settings) =>
        mutate(settings.companyId, async (journal) => {
          journal.channels.data.channels = copy(settings);
          return { value: undefined, durable: tracker.track(journal.channels.write()) };
        }),
    },
    health: async () => tracker.health(),
    close: () =>
      (closing ??= (async () => {
        tracker.close();
        await companies.close();
        await tracker.drain();
        await release();
      })()),
  };
}
