// The names attachments are kept under: no folders, no control or direction characters, bounded.
import { describe, expect, it } from 'vitest';
import { FILE_NAME_MAX, safeFileName } from '../../../server/domain/case/file-name.ts';

describe('safeFileName', () => {
  it.each([
    ['a plain name', '收据.pdf', '收据.pdf'],
    ['a path (either slash)', '../../etc/passwd', 'passwd'],
    ['a Windows path', 'C:\\Users\\li\\photo.jpg', 'photo.jpg'],
    ['control characters', 'a\u0000b\u0007\nc.jpg', 'abc.jpg'],
    ['a right-to-left override', 'invoice\u202egpj.exe', 'invoicegpj.exe'],
    ['leading dots and spaces', ' ..hidden.png ', 'hidden.png'],
    ['nothing left', '../..', 'attachment'],
  ])('keeps %s safe', (_what, raw, kept) => {
    expect(safeFileName(raw)).toBe(kept);
  });

  it('shortens a long name to the limit and keeps its extension', () => {
    const kept = safeFileName(`${'长'.repeat(300)}.jpeg`);
    expect([...kept]).toHaveLength(FILE_NAME_MAX);
    expect(kept.endsWith('长.jpeg')).toBe(true);
  });
});
