/**
 * The PostgreSQL floor for the intake benchmark: each request's body inserted as one JSONB row, one
 * durable single-row INSERT per request (synchronous_commit on, a pool of 20 connections), nothing
 * else — what any runtime that stores the document on this database pays at least.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.KESU_BENCH_RAW_URL, max: 20 });
await pool.query(
  'CREATE TABLE IF NOT EXISTS raw_intakes (id bigserial PRIMARY KEY, doc jsonb NOT NULL)',
);
const app = new Hono();
app.post('/api/raw', async (c) => {
  const body = await c.req.text();
  const { rows } = await pool.query<{ id: string }>(
    'INSERT INTO raw_intakes (doc) VALUES ($1::jsonb) RETURNING id',
    [body],
  );
  return c.json({ id: rows[0]?.id }, 201);
});
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' }, () =>
  console.log('Kesu is running (raw PostgreSQL)'),
);
