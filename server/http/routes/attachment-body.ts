/** Reading an upload: the raw body, counted as it arrives, and the file's name from its header. */
import type { Context } from 'hono';
import { attachmentTooLarge } from '../../app/cases/attachments.ts';
import { HttpError } from '../http-error.ts';
import type { Env } from '../request.ts';

/** The header an upload names its file in: the name percent-encoded as UTF-8 (encodeURIComponent). */
export const ATTACHMENT_NAME_HEADER = 'Attachment-Name';

/**
 * The file's name from the Attachment-Name header.
 * @throws HttpError invalid_header when it is missing or not percent-encoded UTF-8
 */
export function attachmentName(c: Context<Env>): string {
  const raw = c.req.header(ATTACHMENT_NAME_HEADER);
  const refuse = (message: string) =>
    new HttpError(
      'invalid_header',
      `${ATTACHMENT_NAME_HEADER} ${message}`,
      [{ property: ATTACHMENT_NAME_HEADER, message }],
      { header: ATTACHMENT_NAME_HEADER },
    );
  if (raw === undefined || raw.trim() === '') throw refuse('is required (the file name)');
  try {
    return decodeURIComponent(raw);
  } catch {
    throw refuse('must be the file name percent-encoded as UTF-8');
  }
}

/**
 * The body's bytes, refused as soon as more than `maxBytes` have arrived (or a Content-Length
 * says so), so an oversized upload is never held whole.
 * @throws AppError attachment_too_large
 */
export async function readUpload(c: Context<Env>, maxBytes: number): Promise<Uint8Array> {
  if (Number(c.req.header('content-length') ?? 0) > maxBytes) throw attachmentTooLarge(maxBytes);
  const body = c.req.raw.body;
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel();
      throw attachmentTooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** A Content-Disposition for a download: an ASCII fallback and the exact name (RFC 5987/6266). */
export function downloadDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const exact = encodeURIComponent(name).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${exact}`;
}
