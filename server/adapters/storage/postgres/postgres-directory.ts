/**
 * The PostgreSQL store's small documents: companies, users, token hashes, the policy draft and the
 * published versions. Each is a JSONB document with the columns it is found or constrained by.
 */
import type { Pool } from 'pg';
import {
  StoreError,
  type ApiToken,
  type Company,
  type PolicyDraft,
  type PublishedPolicy,
  type Store,
  type User,
} from '../../../app/ports/ports.ts';
import { assertSafeName } from '../storage-names.ts';
import { asStoreError, isUniqueViolation } from './postgres-transaction.ts';

/** The documents a query returned, in its order. */
async function docs<T>(pool: Pool, sql: string, params: unknown[]): Promise<T[]> {
  const result = await pool.query<{ doc: T }>(sql, params);
  return result.rows.map((row) => row.doc);
}

/** The first document a query returned, if any. */
async function firstDoc<T>(pool: Pool, sql: string, params: unknown[]): Promise<T | undefined> {
  return (await docs<T>(pool, sql, params))[0];
}

/** The directory part of the Store port: companies, users and tokens. */
export function postgresDirectory(pool: Pool): Pick<Store, 'companies' | 'users' | 'tokens'> {
  return {
    companies: {
      list: () => docs<Company>(pool, 'SELECT doc FROM companies ORDER BY id', []),
      get: (id) => firstDoc<Company>(pool, 'SELECT doc FROM companies WHERE id = $1', [id]),
      create: async (company) => {
        assertSafeName('company id', company.id);
        await pool
          .query('INSERT INTO companies (id, doc) VALUES ($1, $2::jsonb)', [
            company.id,
            JSON.stringify(company),
          ])
          .catch((error: unknown) => {
            throw isUniqueViolation(error)
              ? new StoreError('conflict', `company ${company.id} already exists`)
              : error;
          });
      },
    },
    users: {
      get: (id) => firstDoc<User>(pool, 'SELECT doc FROM users WHERE id = $1', [id]),
      list: (companyId) =>
        docs<User>(
          pool,
          'SELECT doc FROM users WHERE company_id IS NOT DISTINCT FROM $1 ORDER BY id',
          [companyId ?? null],
        ),
      save: async (user) => {
        await pool.query(
          `INSERT INTO users (id, company_id, doc) VALUES ($1, $2, $3::jsonb)
           ON CONFLICT (id) DO UPDATE SET company_id = excluded.company_id, doc = excluded.doc`,
          [user.id, user.companyId ?? null, JSON.stringify(user)],
        );
      },
    },
    tokens: {
      findByHash: (hash) =>
        firstDoc<ApiToken>(pool, 'SELECT doc FROM tokens WHERE hash = $1 ORDER BY id LIMIT 1', [
          hash,
        ]),
      listForUser: (userId) =>
        docs<ApiToken>(pool, 'SELECT doc FROM tokens WHERE user_id = $1 ORDER BY id', [userId]),
      save: async (token) => {
        await pool.query(
          `INSERT INTO tokens (id, user_id, hash, doc) VALUES ($1, $2, $3, $4::jsonb)
           ON CONFLICT (id) DO UPDATE
           SET user_id = excluded.user_id, hash = excluded.hash, doc = excluded.doc`,
          [token.id, token.userId, token.hash, JSON.stringify(token)],
        );
      },
    },
  };
}

/** A published version's whole document, from its two columns. */
const VERSION_DOC = `meta || jsonb_build_object('policy', policy)`;

/** The policies part of the Store port: the draft at a version, the published versions. */
export function postgresPolicies(pool: Pool): Store['policies'] {
  return {
    getDraft: (companyId) =>
      firstDoc<PolicyDraft>(pool, 'SELECT doc FROM policy_drafts WHERE company_id = $1', [
        companyId,
      ]),
    saveDraft: async (draft, expectedVersion) => {
      assertSafeName('company id', draft.companyId);
      const saved = JSON.stringify({ ...draft, version: expectedVersion + 1 });
      const params = [draft.companyId, expectedVersion + 1, saved];
      const result =
        expectedVersion === 0
          ? await pool.query(
              `INSERT INTO policy_drafts (company_id, version, doc) VALUES ($1, $2, $3::jsonb)
               ON CONFLICT (company_id) DO NOTHING`,
              params,
            )
          : await pool.query(
              `UPDATE policy_drafts SET version = $2, doc = $3::jsonb
               WHERE company_id = $1 AND version = $2 - 1`,
              params,
            );
      if (result.rowCount === 0) {
        throw new StoreError(
          'stale_version',
          `draft of ${draft.companyId} is not at version ${expectedVersion}`,
        );
      }
      return JSON.parse(saved) as PolicyDraft;
    },
    publish: async (version) => {
      assertSafeName('company id', version.companyId);
      const { policy, ...meta } = version;
      // Inserted only when it is the next number; a concurrent publish of the same number loses
      // on the primary key.
      const result = await pool
        .query(
          `INSERT INTO policy_versions (company_id, number, meta, policy)
           SELECT $1::text, $2::integer, $3::jsonb, $4::jsonb
           WHERE $2::integer = 1 + (SELECT count(*) FROM policy_versions WHERE company_id = $1)`,
          [version.companyId, version.number, JSON.stringify(meta), JSON.stringify(policy)],
        )
        .catch((error: unknown) => {
          if (isUniqueViolation(error)) return { rowCount: 0 };
          throw asStoreError(error);
        });
      if (result.rowCount === 0) {
        throw new StoreError(
          'stale_version',
          `policy of ${version.companyId}: version ${version.number} is not the next`,
        );
      }
    },
    getVersion: (companyId, number) =>
      firstDoc<PublishedPolicy>(
        pool,
        `SELECT ${VERSION_DOC} AS doc FROM policy_versions WHERE company_id = $1 AND number = $2`,
        [companyId, number],
      ),
    latestVersion: (companyId) =>
      firstDoc<PublishedPolicy>(
        pool,
        `SELECT ${VERSION_DOC} AS doc FROM policy_versions
         WHERE company_id = $1 ORDER BY number DESC LIMIT 1`,
        [companyId],
      ),
    listVersions: (companyId) =>
      docs<Omit<PublishedPolicy, 'policy'>>(
        pool,
        'SELECT meta AS doc FROM policy_versions WHERE company_id = $1 ORDER BY number',
        [companyId],
      ),
  };
}
