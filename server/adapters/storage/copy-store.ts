/**
 * Copies companies from one store to another through the Store port alone (embedded → PostgreSQL,
 * say): the platform's staff the target lacks, then each company with its people (their token
 * hashes and password credentials), its draft, every published version, and its cases in the
 * order received, each with its audit entries and attachments, keeping case numbers.
 */
import type { UserNotification } from '../../app/ports/outbox.ts';
import type { Store, StoredCase } from '../../app/ports/ports.ts';

/** What a copy did for one company. */
export type CopiedCompany = {
  id: string;
  /** False when the target already had the company: it is left as it is there. */
  copied: boolean;
  users: number;
  versions: number;
  cases: number;
  auditEntries: number;
  /** Files on its cases, copied with their bytes. */
  attachments: number;
};

/** Told after each batch of cases copied (for a progress line). */
export type CopyProgress = (companyId: string, casesCopied: number) => void;

/** Told when a company's copy starts, with how many cases it has. */
export type CopyStart = (companyId: string, cases: number) => void;

/** The parts of a stored case a new store numbers and versions itself. */
function contentOf(stored: StoredCase) {
  return {
    case: stored.case,
    policyVersion: stored.policyVersion,
    month: stored.month,
    ...(stored.importKey !== undefined ? { importKey: stored.importKey } : {}),
    updatedAt: stored.updatedAt,
  };
}

/** A user with their token hashes and their password credential (sessions are not copied). */
async function copyUser(from: Store, to: Store, userId: string): Promise<void> {
  const user = await from.users.get(userId);
  if (user) await to.users.save(user);
  for (const token of await from.tokens.listForUser(userId)) await to.tokens.save(token);
  const credential = await from.credentials.get(userId);
  if (credential) await to.credentials.save(credential);
}

/** Copies a case's files with their bytes; returns how many. */
async function copyAttachments(from: Store, to: Store, companyId: string, caseId: string) {
  const attachments = await from.attachments.list(companyId, caseId);
  for (const attachment of attachments) {
    const found = await from.attachments.get(companyId, caseId, attachment.id);
    if (found) await to.attachments.put(found.attachment, found.bytes);
  }
  return attachments.length;
}

/** Every user's notifications in the company, by case. */
async function notificationsByCase(from: Store, companyId: string) {
  const byCase = new Map<string, UserNotification[]>();
  for (const user of await from.users.list(companyId)) {
    for (let offset = 0; ; offset += 500) {
      const page = await from.notifications.list(companyId, user.id, { offset, limit: 500 });
      for (const n of page.items) byCase.set(n.caseId, [...(byCase.get(n.caseId) ?? []), n]);
      if (offset + 500 >= page.total) break;
    }
  }
  return byCase;
}

/**
 * Copies every company of `from` that `to` does not have yet (or only those in `only`). Cases keep
 * their ids, numbers and numbering periods and start again at version 1 in the target.
 */
export async function copyStore(
  from: Store,
  to: Store,
  options: { only?: string[]; onStart?: CopyStart; onProgress?: CopyProgress } = {},
): Promise<CopiedCompany[]> {
  const results: CopiedCompany[] = [];
  // The platform's staff first (consultants name the companies they work on), each once.
  for (const user of await from.users.list(undefined))
    if (!(await to.users.get(user.id))) {
      await copyUser(from, to, user.id);
    }
  for (const company of await from.companies.list()) {
    if (options.only && !options.only.includes(company.id)) continue;
    const result: CopiedCompany = {
      id: company.id,
      copied: false,
      users: 0,
      versions: 0,
      cases: 0,
      auditEntries: 0,
      attachments: 0,
    };
    results.push(result);
    if (await to.companies.get(company.id)) continue;
    const { total } = await from.cases.query(company.id, {}, 'received', { offset: 0, limit: 0 });
    options.onStart?.(company.id, total);
    await to.companies.create(company);
    result.copied = true;
    for (const user of await from.users.list(company.id)) {
      await copyUser(from, to, user.id);
      result.users += 1;
    }
    const draft = await from.policies.getDraft(company.id);
    if (draft) await to.policies.saveDraft({ ...draft, version: 0 }, 0);
    for (const { number } of await from.policies.listVersions(company.id)) {
      const version = await from.policies.getVersion(company.id, number);
      if (version) await to.policies.publish(version);
      result.versions += 1;
    }
    const channels = await from.channels.get(company.id);
    if (channels) await to.channels.save(channels);
    const notifications = await notificationsByCase(from, company.id);
    for await (const batch of from.cases.scan(company.id, {}, 200)) {
      const trails = await from.audit.forCases(
        company.id,
        batch.map((stored) => stored.case.id),
      );
      for (const stored of batch) {
        const entries = trails.get(stored.case.id) ?? [];
        const deliveries = await from.deliveries.forCase(company.id, stored.case.id);
        const mine = notifications.get(stored.case.id) ?? [];
        await to.cases.insertNumbered(
          company.id,
          stored.period,
          () => contentOf(stored),
          () => entries,
          undefined,
          // Notifications (with their read marks) and deliveries go with their case.
          mine.length || deliveries.length
            ? () => ({ notifications: mine, deliveries })
            : undefined,
        );
        result.cases += 1;
        result.auditEntries += entries.length;
        result.attachments += await copyAttachments(from, to, company.id, stored.case.id);
      }
      options.onProgress?.(company.id, result.cases);
    }
    // Entries about the company rather than a case.
    for await (const batch of from.audit.scan(company.id, 500)) {
      const general = batch.filter((entry) => entry.caseId === undefined);
      if (general.length) await to.audit.append(general);
      result.auditEntries += general.length;
    }
  }
  return results;
}
