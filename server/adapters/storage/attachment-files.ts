/**
 * The embedded store's attachments: one folder per company and case under the data directory,
 *
 * <dataDir>/companies/<company>/attachments/<case>/<id>.bin    the bytes
 *                                                   <id>.json   the metadata (an Attachment)
 *
 * Each file is written as the other embedded files are (temporary file, fsync, rename, fsync of
 * the folder), the bytes first: an attachment exists once its metadata file does, so a crash
 * between the two leaves only bytes no listing shows. The company's total is counted once from
 * the metadata files and then kept up to date in memory (one process owns the data directory).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { StoreError, type Attachment, type AttachmentStore } from '../../app/ports/ports.ts';
import { areAttachmentIds, assertAttachmentIds, inOrderAdded } from './attachment-records.ts';
import { makeDirectoryDurably, writeFileDurably } from './durable-json-file.ts';
import type { WriteTracker } from './write-tracker.ts';

/** The file's content, or undefined when there is no such file (or folder). */
async function readIfThere(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The names in a folder; none when there is no such folder. */
async function namesIn(folder: string): Promise<string[]> {
  try {
    return await readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Attachments as files under `<root>/companies`; writes are tracked like the store's others. */
export function attachmentFiles(root: string, tracker: WriteTracker): AttachmentStore {
  const companyFolder = (companyId: string) => join(root, 'companies', companyId, 'attachments');
  const caseFolder = (companyId: string, caseId: string) => join(companyFolder(companyId), caseId);
  // The company's total once counted, and how many writes each company has finished: a count
  // that a write finished during is done again, so no write is missed or counted twice.
  const totals = new Map<string, number>();
  const finished = new Map<string, number>();
  const writing = new Set<string>();

  const metadataOf = async (folder: string): Promise<Attachment[]> => {
    const files = (await namesIn(folder)).filter((name) => /^[^.].*\.json$/.test(name));
    return Promise.all(
      files.map(
        async (name) => JSON.parse(await readFile(join(folder, name), 'utf8')) as Attachment,
      ),
    );
  };
  const countTotal = async (companyId: string) => {
    let total = 0;
    for (const caseId of await namesIn(companyFolder(companyId)))
      for (const attachment of await metadataOf(join(companyFolder(companyId), caseId)))
        total += attachment.size;
    return total;
  };
  const totalOf = async (companyId: string): Promise<number> => {
    for (;;) {
      const known = totals.get(companyId);
      if (known !== undefined) return known;
      const writes = finished.get(companyId) ?? 0;
      const counted = await countTotal(companyId);
      if ((finished.get(companyId) ?? 0) !== writes || totals.has(companyId)) continue;
      totals.set(companyId, counted);
    }
  };

  const write = async (attachment: Attachment, bytes: Uint8Array) => {
    const { companyId, caseId, id } = attachment;
    const folder = caseFolder(companyId, caseId);
    const metadata = join(folder, `${id}.json`);
    if (writing.has(id) || (await readIfThere(metadata)) !== undefined)
      throw new StoreError('conflict', `attachment ${id} already exists`);
    writing.add(id);
    try {
      await tracker.track(makeDirectoryDurably(folder));
      await tracker.track(writeFileDurably(join(folder, `${id}.bin`), bytes));
      await tracker.track(writeFileDurably(metadata, JSON.stringify(attachment)));
      const known = totals.get(companyId);
      if (known !== undefined) totals.set(companyId, known + attachment.size);
      finished.set(companyId, (finished.get(companyId) ?? 0) + 1);
    } finally {
      writing.delete(id);
    }
  };

  return {
    put: async (attachment, bytes) => {
      tracker.ensureOpen();
      assertAttachmentIds(attachment);
      await write(structuredClone(attachment), bytes);
    },
    get: async (companyId, caseId, id) => {
      tracker.ensureOpen();
      if (!areAttachmentIds(companyId, caseId, id)) return undefined;
      const folder = caseFolder(companyId, caseId);
      const metadata = await readIfThere(join(folder, `${id}.json`));
      if (metadata === undefined) return undefined;
      const bytes = await readFile(join(folder, `${id}.bin`));
      const attachment = JSON.parse(metadata.toString('utf8')) as Attachment;
      return { attachment, bytes: new Uint8Array(bytes) };
    },
    list: async (companyId, caseId) => {
      tracker.ensureOpen();
      if (!areAttachmentIds(companyId, caseId)) return [];
      return inOrderAdded(await metadataOf(caseFolder(companyId, caseId)));
    },
    bytesUsed: async (companyId) => {
      tracker.ensureOpen();
      return areAttachmentIds(companyId) ? totalOf(companyId) : 0;
    },
  };
}
