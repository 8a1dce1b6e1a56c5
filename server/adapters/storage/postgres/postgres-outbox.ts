/**
 * The PostgreSQL store's notifications and deliveries: inserted with the case write that raised
 * them (insertOutbox, in its transaction), read per user or per case, and claimed by workers with
 * FOR UPDATE SKIP LOCKED so that runtimes sharing the database never take the same delivery.
 */
import type { Pool, PoolClient } from 'pg';
import type {
  ChannelStore,
  CompanyChannels,
  Delivery,
  DeliveryStore,
  NotificationStore,
  Outbox,
  UserNotification,
} from '../../../app/ports/outbox.ts';

/** Inserts the outbox's rows; those whose key is stored already are left as they are. */
export async function insertOutbox(client: PoolClient, outbox: Outbox): Promise<void> {
  if (outbox.notifications.length) {
    await client.query(
      `INSERT INTO notifications (company_id, id, user_id, key, case_id, at, doc)
       SELECT x->>'companyId', x->>'id', x->>'userId', x->>'key', x->>'caseId',
              (x->>'at')::timestamptz, x
       FROM jsonb_array_elements($1::jsonb) AS x
       ON CONFLICT (company_id, user_id, key) DO NOTHING`,
      [JSON.stringify(outbox.notifications)],
    );
  }
  if (outbox.deliveries.length) {
    await client.query(
      `INSERT INTO deliveries
         (company_id, id, key, channel, case_id, status, next_attempt_at, created_at, doc)
       SELECT x->>'companyId', x->>'id', x->>'key', x->>'channel', x->>'caseId', x->>'status',
              (x->>'nextAttemptAt')::timestamptz, (x->>'createdAt')::timestamptz, x
       FROM jsonb_array_elements($1::jsonb) AS x
       ON CONFLICT (company_id, key, channel) DO NOTHING`,
      [JSON.stringify(outbox.deliveries)],
    );
  }
}

/** The notifications part of the store. */
export function postgresNotifications(pool: Pool): NotificationStore {
  return {
    list: async (companyId, userId, page) => {
      const [items, counts] = await Promise.all([
        pool.query<{ doc: UserNotification }>(
          `SELECT doc FROM notifications WHERE company_id = $1 AND user_id = $2
           ORDER BY (read_at IS NOT NULL), at DESC, id OFFSET $3 LIMIT $4`,
          [companyId, userId, page.offset, page.limit],
        ),
        pool.query<{ total: number; unread: number }>(
          `SELECT count(*)::int AS total, count(*) FILTER (WHERE read_at IS NULL)::int AS unread
           FROM notifications WHERE company_id = $1 AND user_id = $2`,
          [companyId, userId],
        ),
      ]);
      const { total = 0, unread = 0 } = counts.rows[0] ?? {};
      return { items: items.rows.map((row) => row.doc), total, unread };
    },
    markRead: async (companyId, userId, ids, at) => {
      const result = await pool.query(
        `UPDATE notifications SET read_at = $3::timestamptz,
                doc = jsonb_set(doc, '{readAt}', to_jsonb($4::text))
         WHERE company_id = $1 AND user_id = $2 AND read_at IS NULL
           AND ($5::text[] IS NULL OR id = ANY($5::text[]))`,
        [companyId, userId, at, at, ids ?? null],
      );
      return result.rowCount ?? 0;
    },
  };
}

/** The deliveries part of the store. */
export function postgresDeliveries(pool: Pool): DeliveryStore {
  return {
    forCase: async (companyId, caseId) => {
      const result = await pool.query<{ doc: Delivery }>(
        `SELECT doc FROM deliveries WHERE company_id = $1 AND case_id = $2
         ORDER BY created_at, channel`,
        [companyId, caseId],
      );
      return result.rows.map((row) => row.doc);
    },
    claim: async (now, leaseUntil, limit) => {
      const result = await pool.query<{ doc: Delivery }>(
        `WITH due AS (
           SELECT company_id, id FROM deliveries
           WHERE status = 'pending' AND next_attempt_at <= $1::timestamptz
           ORDER BY next_attempt_at LIMIT $3
           FOR UPDATE SKIP LOCKED)
         UPDATE deliveries AS d SET next_attempt_at = $2::timestamptz,
                doc = jsonb_set(d.doc, '{nextAttemptAt}', to_jsonb($4::text))
         FROM due WHERE d.company_id = due.company_id AND d.id = due.id
         RETURNING d.doc`,
        [now, leaseUntil, limit, leaseUntil],
      );
      return result.rows.map((row) => row.doc);
    },
    finish: async (delivery) => {
      await pool.query(
        `UPDATE deliveries SET status = $3, next_attempt_at = $4::timestamptz, doc = $5
         WHERE company_id = $1 AND id = $2`,
        [delivery.companyId, delivery.id, delivery.status, delivery.nextAttemptAt, delivery],
      );
    },
  };
}

/** The channels part of the store: one row per company. */
export function postgresChannels(pool: Pool): ChannelStore {
  return {
    get: async (companyId) => {
      const result = await pool.query<{ doc: CompanyChannels }>(
        'SELECT doc FROM company_channels WHERE company_id = $1',
        [companyId],
      );
      return result.rows[0]?.doc;
    },
    save: async (settings) => {
      await pool.query(
        `INSERT INTO company_channels (company_id, doc) VALUES ($1, $2)
         ON CONFLICT (company_id) DO UPDATE SET doc = EXCLUDED.doc`,
        [settings.companyId, settings],
      );
    },
  };
}
