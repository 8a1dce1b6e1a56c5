/**
 * Files on a case: added by anyone who may read the case, within the limits of the case's policy
 * (size, media type judged from the content, count), each one an audit entry; listed and read back
 * only by those who may read the case (another company's data is not found, never forbidden).
 */
import { safeFileName } from '../../domain/case/file-name.ts';
import { attachmentLimits, type AttachmentLimits } from '../../domain/policy/format.ts';
import { companyAccess } from '../access.ts';
import { AppError, notFound } from '../app-error.ts';
import { publishedPolicy } from '../policies/published-versions.ts';
import type { AppDeps, RequestContext } from '../ports/deps.ts';
import type { Attachment, StoredCase } from '../ports/ports.ts';

/** A file as uploaded: the name the client gave and its bytes. */
export type AttachmentUpload = { name: string; bytes: Uint8Array };

/** The case, if the caller may read it, and the attachment limits of its policy version. */
async function readableCase(
  deps: AppDeps,
  request: RequestContext,
  companyId: string,
  caseId: string,
): Promise<{ stored: StoredCase; limits: AttachmentLimits }> {
  await companyAccess(deps, request.principal, companyId);
  const stored = await deps.store.cases.get(companyId, caseId);
  if (!stored) throw notFound('case');
  const version = await publishedPolicy(deps, companyId, stored.policyVersion);
  return { stored, limits: attachmentLimits(version.policy.attachments) };
}

/**
 * The attachment limits that apply to the case, for a caller who may read it: what an upload is
 * read against before its body is (so an outsider's or an oversized body is never read whole).
 * @throws not_found for another company's case or an unknown one
 */
export async function attachmentLimitsFor(
  deps: AppDeps,
  request: RequestContext,
  companyId: string,
  caseId: string,
): Promise<AttachmentLimits> {
  return (await readableCase(deps, request, companyId, caseId)).limits;
}

/** The refusal of a file larger than `maxBytes`. */
export function attachmentTooLarge(maxBytes: number): AppError {
  return new AppError('attachment_too_large', `The file is larger than ${maxBytes} bytes`, {
    maxBytes,
  });
}

/**
 * Stores the file on the case and writes the audit entry `attachmentAdded` (name, type, size,
 * SHA-256); nothing is stored when it is refused.
 * @throws not_found (case), attachment_missing (no bytes), attachment_too_large,
 *   attachment_type_not_allowed (the type its content shows is not in the policy's types),
 *   attachment_too_many (the case has `maxPerCase` already)
 */
export async function addAttachment(
  deps: AppDeps,
  request: RequestContext,
  companyId: string,
  caseId: string,
  upload: AttachmentUpload,
): Promise<Attachment> {
  const { stored, limits } = await readableCase(deps, request, companyId, caseId);
  return attachToCase(deps, stored, limits, upload, request.principal.userId);
}

/**
 * Stores the file on the stored case within `limits`, added by `by` (a user id, or the public's
 * actor), with its audit entry; nothing is stored when it is refused.
 * @throws attachment_missing, attachment_too_large, attachment_type_not_allowed, attachment_too_many
 */
export async function attachToCase(
  deps: AppDeps,
  stored: StoredCase,
  limits: AttachmentLimits,
  upload: AttachmentUpload,
  by: string,
): Promise<Attachment> {
  const { companyId } = stored;
  const caseId = stored.case.id;
  if (upload.bytes.length === 0)
    throw new AppError('attachment_missing', 'The file is empty', {}, [
      { property: 'file', message: 'required' },
    ]);
  if (upload.bytes.length > limits.maxBytes) throw attachmentTooLarge(limits.maxBytes);
  const { type, sha256 } = await deps.inspectFile(upload.bytes);
  if (type === undefined || !limits.types.includes(type))
    throw new AppError('attachment_type_not_allowed', `The file's type ${type ?? 'unknown'}`, {
      type: type ?? 'unknown',
      allowed: limits.types,
    });
  const existing = await deps.store.attachments.list(companyId, caseId);
  if (existing.length >= limits.maxPerCase)
    throw new AppError('attachment_too_many', `The case has ${existing.length} attachments`, {
      maxPerCase: limits.maxPerCase,
    });
  const attachment: Attachment = {
    id: deps.newId(),
    companyId,
    caseId,
    name: safeFileName(upload.name),
    type,
    size: upload.bytes.length,
    sha256,
    addedAt: deps.now(),
    addedBy: by,
  };
  await deps.store.attachments.put(attachment, upload.bytes);
  const { name, size } = attachment;
  await deps.store.audit.append([
    {
      id: deps.newId(),
      companyId,
      caseId,
      at: attachment.addedAt,
      by,
      action: 'attachmentAdded',
      policyVersion: stored.policyVersion,
      attachment: { id: attachment.id, name, type, size, sha256 },
    },
  ]);
  return attachment;
}

/**
 * The case's attachments (metadata), in the order added.
 * @throws not_found for another company's case or an unknown one
 */
export async function listAttachments(
  deps: AppDeps,
  request: RequestContext,
  companyId: string,
  caseId: string,
): Promise<Attachment[]> {
  await readableCase(deps, request, companyId, caseId);
  return deps.store.attachments.list(companyId, caseId);
}

/**
 * One attachment with its bytes.
 * @throws not_found for another company's case, an unknown case or attachment
 */
export async function readAttachment(
  deps: AppDeps,
  request: RequestContext,
  companyId: string,
  caseId: string,
  attachmentId: string,
): Promise<{ attachment: Attachment; bytes: Uint8Array }> {
  await readableCase(deps, request, companyId, caseId);
  const found = await deps.store.attachments.get(companyId, caseId, attachmentId);
  if (!found) throw notFound('attachment');
  return found;
}
