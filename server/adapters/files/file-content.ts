/**
 * What a file's content is: its media type recognised by signature (file-type), else `text/plain`
 * for UTF-8 text without control characters, else nothing; and its SHA-256. Never the name.
 */
import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type { FileInspection } from '../../app/ports/deps.ts';

/** Control characters other than tab, line feed, form feed and carriage return. */
const isControl = (code: number) =>
  (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) ||
  code === 0x7f;

/** Whether the bytes are UTF-8 text a person could read (no NUL or other control characters). */
function isPlainText(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return !bytes.some(isControl);
  } catch {
    return false;
  }
}

/** The file's media type from its content, and its SHA-256 (see FileInspection). */
export async function inspectFile(bytes: Uint8Array): Promise<FileInspection> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  // A view in this realm's Uint8Array: file-type refuses a Buffer made in another (a test's jsdom).
  const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const detected = view.length > 0 ? await fileTypeFromBuffer(view) : undefined;
  const type =
    detected?.mime ?? (bytes.length > 0 && isPlainText(bytes) ? 'text/plain' : undefined);
  return { type, sha256 };
}
