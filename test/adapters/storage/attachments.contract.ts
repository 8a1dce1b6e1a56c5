/**
 * The storage contract of attachments: bytes and metadata kept together, scoped by company and
 * case, listed in the order added, summed per company, and kept across a reopen.
 */
import { expect, it } from 'vitest';
import type { Attachment } from '../../../server/app/ports/ports.ts';
import { expectStoreError, type OpenStore } from './store-fixtures.ts';

/** An attachment of a company's case, added at `addedAt`. */
export function attachmentOf(
  companyId: string,
  caseId: string,
  id: string,
  size: number,
  addedAt = '2026-02-10T09:00:00.000Z',
): Attachment {
  return {
    id,
    companyId,
    caseId,
    name: `${id}.jpg`,
    type: 'image/jpeg',
    size,
    sha256: 'ab'.repeat(32),
    addedAt,
    addedBy: 'li',
  };
}

/** `size` bytes that differ from position to position (so a mixed-up read shows). */
const bytesOf = (size: number, seed = 1) =>
  Uint8Array.from({ length: size }, (_, i) => (i * 31 + seed) % 256);

/** Registers the attachment tests against the stores `open` opens. */
export function attachmentsContract(open: OpenStore): void {
  it('keeps an attachment with its bytes exactly, and copies what goes in and out', async () => {
    const { store } = await open();
    const bytes = bytesOf(70_000);
    const attachment = attachmentOf('acme', 'c1', 'a1', bytes.length);
    await store.attachments.put(attachment, bytes);
    attachment.name = 'changed';
    bytes[0] = 255;
    const found = await store.attachments.get('acme', 'c1', 'a1');
    expect(found?.attachment).toEqual(attachmentOf('acme', 'c1', 'a1', 70_000));
    expect(Buffer.from(found!.bytes).equals(Buffer.from(bytesOf(70_000)))).toBe(true);
    found!.bytes[1] = 0;
    expect((await store.attachments.get('acme', 'c1', 'a1'))!.bytes[1]).toBe(bytesOf(2)[1]);
  });

  it('finds nothing of another company or case, nor for ids that cannot be stored', async () => {
    const { store } = await open();
    await store.attachments.put(attachmentOf('acme', 'c1', 'a1', 3), bytesOf(3));
    expect(await store.attachments.get('other', 'c1', 'a1')).toBeUndefined();
    expect(await store.attachments.get('acme', 'c2', 'a1')).toBeUndefined();
    expect(await store.attachments.get('acme', 'c1', '../c1/a1')).toBeUndefined();
    expect(await store.attachments.list('other', 'c1')).toEqual([]);
    expect(await store.attachments.list('acme', '..')).toEqual([]);
    expect(await store.attachments.bytesUsed('other')).toBe(0);
    await expect(
      store.attachments.put(attachmentOf('acme', '../c2', 'a2', 1), bytesOf(1)),
    ).rejects.toThrow(/case id/);
  });

  it('lists a case’s attachments in the order added and sums a company’s sizes', async () => {
    const { store } = await open();
    expect(await store.attachments.bytesUsed('acme')).toBe(0);
    await store.attachments.put(
      attachmentOf('acme', 'c1', 'b', 10, '2026-02-10T09:00:02.000Z'),
      bytesOf(10),
    );
    await store.attachments.put(
      attachmentOf('acme', 'c1', 'a', 20, '2026-02-10T09:00:01.000Z'),
      bytesOf(20),
    );
    await store.attachments.put(
      attachmentOf('acme', 'c1', 'c', 5, '2026-02-10T09:00:02.000Z'),
      bytesOf(5),
    );
    await store.attachments.put(attachmentOf('acme', 'c2', 'd', 7), bytesOf(7));
    await store.attachments.put(attachmentOf('other', 'c1', 'e', 100), bytesOf(100));
    expect((await store.attachments.list('acme', 'c1')).map((a) => a.id)).toEqual(['a', 'b', 'c']);
    expect(await store.attachments.bytesUsed('acme')).toBe(42);
    expect(await store.attachments.bytesUsed('other')).toBe(100);
  });

  it('refuses a second attachment with the same id and keeps the first', async () => {
    const { store } = await open();
    await store.attachments.put(attachmentOf('acme', 'c1', 'a1', 3), bytesOf(3, 1));
    await expectStoreError(
      store.attachments.put(attachmentOf('acme', 'c1', 'a1', 4), bytesOf(4, 2)),
      'conflict',
    );
    const kept = await store.attachments.get('acme', 'c1', 'a1');
    expect(kept?.attachment.size).toBe(3);
    expect([...kept!.bytes]).toEqual([...bytesOf(3, 1)]);
    expect(await store.attachments.bytesUsed('acme')).toBe(3);
  });

  it('keeps attachments across close and reopen', async () => {
    const { store, reopen } = await open();
    if (!reopen) return;
    await store.attachments.put(attachmentOf('acme', 'c1', 'a1', 5), bytesOf(5));
    await store.close();
    const again = await reopen();
    try {
      expect((await again.attachments.list('acme', 'c1')).map((a) => a.id)).toEqual(['a1']);
      expect([...(await again.attachments.get('acme', 'c1', 'a1'))!.bytes]).toEqual([
        ...bytesOf(5),
      ]);
      expect(await again.attachments.bytesUsed('acme')).toBe(5);
      await again.attachments.put(attachmentOf('acme', 'c2', 'a2', 6), bytesOf(6));
      expect(await again.attachments.bytesUsed('acme')).toBe(11);
    } finally {
      await again.close();
    }
  });
}
