/** The in-memory store's attachments: metadata and bytes in a Map per company, copied in and out. */
import { StoreError, type Attachment, type AttachmentStore } from '../../app/ports/ports.ts';
import { areAttachmentIds, assertAttachmentIds, inOrderAdded } from './attachment-records.ts';

type Kept = { attachment: Attachment; bytes: Uint8Array };

/** Attachments held in memory (for tests and trials). */
export function memoryAttachments(): AttachmentStore {
  const byCompany = new Map<string, Map<string, Kept>>();
  const ofCase = (companyId: string, caseId: string) =>
    [...(byCompany.get(companyId)?.values() ?? [])].filter(
      (kept) => kept.attachment.caseId === caseId,
    );
  return {
    put: async (attachment, bytes) => {
      assertAttachmentIds(attachment);
      const company = byCompany.get(attachment.companyId) ?? new Map<string, Kept>();
      if (company.has(attachment.id))
        throw new StoreError('conflict', `attachment ${attachment.id} already exists`);
      company.set(attachment.id, { attachment: structuredClone(attachment), bytes: bytes.slice() });
      byCompany.set(attachment.companyId, company);
    },
    get: async (companyId, caseId, id) => {
      if (!areAttachmentIds(companyId, caseId, id)) return undefined;
      const kept = byCompany.get(companyId)?.get(id);
      if (!kept || kept.attachment.caseId !== caseId) return undefined;
      return { attachment: structuredClone(kept.attachment), bytes: kept.bytes.slice() };
    },
    list: async (companyId, caseId) =>
      inOrderAdded(ofCase(companyId, caseId).map((kept) => structuredClone(kept.attachment))),
    bytesUsed: async (companyId) =>
      [...(byCompany.get(companyId)?.values() ?? [])].reduce(
        (sum, kept) => sum + kept.attachment.size,
        0,
      ),
  };
}
