/**
 * The real server on PostgreSQL killed with SIGKILL during intake bursts over HTTP: every
 * acknowledged case is there with its intake audit entry, no number is given twice or skipped, and
 * a request retried with the same Idempotency-Key after its answer was lost never makes a second
 * case. (A server start takes seconds, so a few cycles here; postgres-crash.test.ts kills a
 * lighter intake process 20 times.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../server/adapters/storage/postgres/postgres-store.ts';
import {
  postgresSkipReason,
  startPostgres,
  type PostgresCluster,
} from '../support/postgres-cluster.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { allCases } from '../support/store-reads.ts';
import { manufacturingIntake } from '../support/test-app.ts';

const skipReason = postgresSkipReason();
const CYCLES = 3;
const ADMIN = 'kesu_crash_admin';

/** A JSON request to the server; throws when the connection dies with it. */
async function api(server: RunningServer, path: string, token: string, body: unknown, key = '') {
  const response = await fetch(server.url + path, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      ...(key ? { 'idempotency-key': key } : {}),
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

type Acknowledged = { key: string; id: string; number: string };

describe.skipIf(skipReason !== undefined)(
  `crashes on PostgreSQL ${skipReason ?? ''}`.trim(),
  () => {
    let cluster: PostgresCluster;
    const dir = mkdtempSync(join(tmpdir(), 'kesu-pg-crash-'));
    const servers: RunningServer[] = [];
    beforeAll(async () => {
      cluster = await startPostgres();
    }, 60_000);
    afterAll(async () => {
      for (const server of servers) await server.stop('SIGKILL');
      await cluster?.stop();
      rmSync(dir, { recursive: true, force: true });
    }, 30_000);

    it('loses nothing acknowledged when the server is killed during intake bursts', async () => {
      const url = await cluster.newDatabase();
      const env = { KESU_DATABASE_URL: url, KESU_ADMIN_TOKEN: ADMIN };
      const intake = manufacturingIntake();
      const acknowledged: Acknowledged[] = [];
      let lost: string[] = [];
      let token = '';
      const start = async () => {
        const server = await startServer(join(dir, 'data'), env);
        servers.push(server);
        expect(server.output()).toContain('Kesu is running');
        return server;
      };
      /** Sends an intake with this key; its case once answered, or the key when the reply was lost. */
      const send = async (server: RunningServer, key: string) => {
        try {
          const response = await api(server, '/api/companies/demo/cases', token, { intake }, key);
          expect([200, 201], JSON.stringify(response.body)).toContain(response.status);
          acknowledged.push({ key, id: response.body.case.id, number: response.body.case.number });
          return true;
        } catch (error) {
          if (!server.process.killed) throw error;
          lost.push(key);
          return false;
        }
      };

      for (let cycle = 0; cycle < CYCLES; cycle += 1) {
        const server = await start();
        if (!token) {
          const user = await api(server, '/api/companies/demo/users', ADMIN, {
            name: 'sales',
            roles: ['sales'],
          });
          token = (await api(server, `/api/users/${user.body.id}/tokens`, ADMIN, {})).body.token;
        }
        // The requests whose answers died with the last server, retried with the same key.
        const retries = lost;
        lost = [];
        for (const key of retries) expect(await send(server, key)).toBe(true);
        const target = acknowledged.length + 15;
        let sent = 0;
        const worker = async (w: number) => {
          while (await send(server, `cycle-${cycle}-${w}-${(sent += 1)}`));
        };
        const workers = Array.from({ length: 8 }, (_, w) => worker(w));
        while (acknowledged.length < target) await new Promise((resolve) => setTimeout(resolve, 5));
        server.process.kill('SIGKILL');
        await Promise.all(workers);
        await server.stop();
      }
      const last = await start();
      for (const key of lost.splice(0)) expect(await send(last, key)).toBe(true);
      await last.stop();

      const store = await openPostgresStore(url);
      try {
        for (const { id, number } of acknowledged) {
          expect((await store.cases.get('demo', id))?.case.number, id).toBe(number);
          expect((await store.audit.forCase('demo', id))[0]?.action, id).toBe('intake');
        }
        // One case per key (original or retry), numbers unique, serials consecutive per period.
        const cases = await allCases(store, 'demo');
        const keys = new Set(acknowledged.map((ack) => ack.key));
        expect(new Set(acknowledged.map((ack) => ack.id)).size).toBe(keys.size);
        expect(cases).toHaveLength(keys.size);
        expect(new Set(cases.map((stored) => stored.case.number)).size).toBe(cases.length);
        const serials = cases.map((stored) => stored.serial).sort((a, b) => a - b);
        expect(new Set(cases.map((stored) => stored.period)).size).toBe(1);
        expect(serials).toEqual(serials.map((_, index) => index + 1));
        expect(acknowledged.length).toBeGreaterThanOrEqual(CYCLES * 15);
      } finally {
        await store.close();
      }
    }, 60_000);
  },
);
