/** The PostgreSQL store's attachments: one row each, metadata as JSONB and the bytes as bytea. */
import type { Pool } from 'pg';
import { StoreError, type Attachment, type AttachmentStore } from '../../../app/ports/ports.ts';
import { assertAttachmentIds } from '../attachment-records.ts';
import { isUniqueViolation } from './postgres-transaction.ts';

/** The attachments part of the Store port over `pool` (table attachments, migration 005). */
export function postgresAttachments(pool: Pool): AttachmentStore {
  return {
    put: async (attachment, bytes) => {
      assertAttachmentIds(attachment);
      await pool
        .query(
          `INSERT INTO attachments (company_id, id, case_id, added_at, size, doc, bytes)
           VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7)`,
          [
            attachment.companyId,
            attachment.id,
            attachment.caseId,
            attachment.addedAt,
            attachment.size,
            JSON.stringify(attachment),
            Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
          ],
        )
        .catch((error: unknown) => {
          throw isUniqueViolation(error)
            ? new StoreError('conflict', `attachment ${attachment.id} already exists`)
            : error;
        });
    },
    get: async (companyId, caseId, id) => {
      const result = await pool.query<{ doc: Attachment; bytes: Buffer }>(
        'SELECT doc, bytes FROM attachments WHERE company_id = $1 AND case_id = $2 AND id = $3',
        [companyId, caseId, id],
      );
      const row = result.rows[0];
      return row ? { attachment: row.doc, bytes: new Uint8Array(row.bytes) } : undefined;
    },
    list: async (companyId, caseId) => {
      const result = await pool.query<{ doc: Attachment }>(
        `SELECT doc FROM attachments WHERE company_id = $1 AND case_id = $2
         ORDER BY added_at COLLATE "C", id COLLATE "C"`,
        [companyId, caseId],
      );
      return result.rows.map((row) => row.doc);
    },
    bytesUsed: async (companyId) => {
      const result = await pool.query<{ total: string }>(
        'SELECT COALESCE(SUM(size), 0)::text AS total FROM attachments WHERE company_id = $1',
        [companyId],
      );
      return Number(result.rows[0]?.total ?? 0);
    },
  };
}
