/** What every store's attachments share: which ids can be stored, and the order they are listed in. */
import type { Attachment } from '../../app/ports/ports.ts';
import { isSafeName } from './storage-names.ts';

/**
 * Refuses an attachment whose company, case or own id could not name a folder or file (the
 * embedded store keeps one file each), so that every store accepts the same ids.
 * @throws Error naming the id
 */
export function assertAttachmentIds(attachment: Attachment): void {
  for (const [kind, id] of [
    ['company id', attachment.companyId],
    ['case id', attachment.caseId],
    ['attachment id', attachment.id],
  ] as const) {
    if (!isSafeName(id))
      throw new Error(`${kind} ${JSON.stringify(id)} is not allowed for an attachment`);
  }
}

/** Whether these ids can name an attachment (what a read of any other finds: nothing). */
export function areAttachmentIds(...ids: string[]): boolean {
  return ids.every(isSafeName);
}

/** Attachments in the order added: by time, then by id for those added in the same instant. */
export function inOrderAdded(attachments: Attachment[]): Attachment[] {
  return attachments.sort((a, b) =>
    a.addedAt === b.addedAt
      ? a.id < b.id
        ? -1
        : a.id > b.id
          ? 1
          : 0
      : a.addedAt < b.addedAt
        ? -1
        : 1,
  );
}
