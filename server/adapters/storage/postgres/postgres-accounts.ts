/**
 * The PostgreSQL store's accounts: password credentials, studio sessions, invitations and counted
 * sign-in failures, shared by every runtime on the database.
 */
import type { Pool } from 'pg';
import {
  StoreError,
  type Credential,
  type Invitation,
  type Session,
  type AttemptCount,
  type Store,
} from '../../../app/ports/ports.ts';
import { isUniqueViolation } from './postgres-transaction.ts';

async function firstDoc<T>(pool: Pool, sql: string, params: unknown[]): Promise<T | undefined> {
  return (await pool.query<{ doc: T }>(sql, params)).rows[0]?.doc;
}

type FailureRow = { key: string; count: number; last_at: Date };

const failuresOf = (row: FailureRow): AttemptCount => ({
  key: row.key,
  count: row.count,
  lastAt: row.last_at.toISOString(),
});

/** The accounts part of the Store port. */
export function postgresAccounts(
  pool: Pool,
): Pick<Store, 'credentials' | 'sessions' | 'invitations' | 'attemptCounts'> {
  return {
    credentials: {
      get: (userId) =>
        firstDoc<Credential>(pool, 'SELECT doc FROM credentials WHERE user_id = $1', [userId]),
      findByLogin: (name) =>
        firstDoc<Credential>(
          pool,
          'SELECT doc FROM credentials WHERE login = $1 OR email = $1 LIMIT 1',
          [name.toLowerCase()],
        ),
      save: async (credential) => {
        await pool
          .query(
            `INSERT INTO credentials (user_id, login, email, doc) VALUES ($1, $2, $3, $4::jsonb)
             ON CONFLICT (user_id) DO UPDATE
             SET login = excluded.login, email = excluded.email, doc = excluded.doc`,
            [
              credential.userId,
              credential.login,
              credential.email ?? null,
              JSON.stringify(credential),
            ],
          )
          .catch((error: unknown) => {
            throw isUniqueViolation(error)
              ? new StoreError('conflict', `login ${credential.login} is taken`)
              : error;
          });
      },
    },
    sessions: {
      findByHash: (hash) =>
        firstDoc<Session>(pool, 'SELECT doc FROM sessions WHERE hash = $1', [hash]),
      save: async (session) => {
        // Sessions ended before this one began are of no more use: the table does not grow for ever.
        await pool.query('DELETE FROM sessions WHERE expires_at < $1', [session.createdAt]);
        await pool.query(
          `INSERT INTO sessions (id, user_id, hash, expires_at, doc) VALUES ($1, $2, $3, $4, $5::jsonb)
           ON CONFLICT (id) DO UPDATE SET expires_at = excluded.expires_at,
             doc = excluded.doc || CASE WHEN sessions.doc ? 'revokedAt'
               THEN jsonb_build_object('revokedAt', sessions.doc -> 'revokedAt') ELSE '{}' END`,
          [session.id, session.userId, session.hash, session.expiresAt, JSON.stringify(session)],
        );
      },
      revokeForUser: async (userId, at) => {
        await pool.query(
          `UPDATE sessions SET doc = doc || jsonb_build_object('revokedAt', $2::text)
           WHERE user_id = $1 AND NOT doc ? 'revokedAt'`,
          [userId, at],
        );
      },
    },
    invitations: {
      findByHash: (hash) =>
        firstDoc<Invitation>(pool, 'SELECT doc FROM invitations WHERE hash = $1', [hash]),
      save: async (invitation) => {
        await pool.query(
          `INSERT INTO invitations (id, user_id, hash, doc) VALUES ($1, $2, $3, $4::jsonb)
           ON CONFLICT (id) DO UPDATE SET doc = excluded.doc`,
          [invitation.id, invitation.userId, invitation.hash, JSON.stringify(invitation)],
        );
      },
      revokeForUser: async (userId, at) => {
        await pool.query(
          `UPDATE invitations SET doc = doc || jsonb_build_object('revokedAt', $2::text)
           WHERE user_id = $1 AND NOT doc ? 'usedAt' AND NOT doc ? 'revokedAt'`,
          [userId, at],
        );
      },
      use: async (hash, at) => {
        // One statement: of two uses at once, the second finds it used.
        const result = await pool.query<{ doc: Invitation }>(
          `UPDATE invitations SET doc = doc || jsonb_build_object('usedAt', $2::text)
           WHERE hash = $1 AND NOT doc ? 'usedAt' AND NOT doc ? 'revokedAt'
           RETURNING doc - 'usedAt' AS doc`,
          [hash, at],
        );
        return result.rows[0]?.doc;
      },
    },
    attemptCounts: {
      get: async (key) => {
        const result = await pool.query<FailureRow>(
          'SELECT key, count, last_at FROM sign_in_failures WHERE key = $1',
          [key],
        );
        return result.rows[0] && failuresOf(result.rows[0]);
      },
      record: async (key, at, since) => {
        const result = await pool.query<FailureRow>(
          `INSERT INTO sign_in_failures (key, count, last_at) VALUES ($1, 1, $2)
           ON CONFLICT (key) DO UPDATE SET
             count = CASE WHEN sign_in_failures.last_at >= $3 THEN sign_in_failures.count + 1 ELSE 1 END,
             last_at = excluded.last_at
           RETURNING key, count, last_at`,
          [key, at, since],
        );
        return failuresOf(result.rows[0] as FailureRow);
      },
      clear: async (key) => {
        await pool.query('DELETE FROM sign_in_failures WHERE key = $1', [key]);
      },
    },
  };
}
