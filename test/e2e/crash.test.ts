import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openLowdbStore } from '../../server/adapters/storage/lowdb-store.ts';
import { allCases } from '../support/store-reads.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsonFiles(path);
    return name.endsWith('.json') ? [path] : [];
  });
}

async function api(
  server: RunningServer,
  method: string,
  path: string,
  token: string,
  body?: unknown,
  key?: string,
) {
  const response = await fetch(server.url + path, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      ...(key === undefined ? {} : { 'idempotency-key': key }),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: response.status, body: await response.json().catch(() => null) };
}

type Acknowledged = { id: string; number: string; key: string };

const CYCLES = 20;
const intake = JSON.parse(
  readFileSync(
    join(
      import.meta.dirname,
      '../../rulesets/manufacturing-quality/cases/quality-1500-spring-festival.json',
    ),
    'utf8',
  ),
).intake;

/**
 * Sends intakes from 16 clients, each with its own Idempotency-Key, until the server dies; returns
 * what was acknowledged and the keys whose answer was lost.
 */
async function burst(server: RunningServer, token: string, cycle: number, killAfter: number) {
  const acknowledged: Acknowledged[] = [];
  const lost: string[] = [];
  let sent = 0;
  let dead = false;
  const worker = async () => {
    while (!dead) {
      const key = `crash-${cycle}-${(sent += 1)}`;
      try {
        const response = await api(
          server,
          'POST',
          '/api/companies/demo/cases',
          token,
          { intake },
          key,
        );
        if (response.status !== 201) throw new Error(`intake answered ${response.status}`);
        acknowledged.push({ id: response.body.case.id, number: response.body.case.number, key });
      } catch (error) {
        if (!dead && !(error instanceof TypeError)) throw error;
        lost.push(key);
        return; // the connection died with the server
      }
    }
  };
  const workers = Array.from({ length: 16 }, worker);
  while (acknowledged.length < killAfter) await new Promise((resolve) => setTimeout(resolve, 2));
  server.process.kill('SIGKILL');
  dead = true;
  await Promise.all(workers);
  await server.stop();
  return { acknowledged, lost };
}

// SIGKILL during intake bursts, 20 times over: every acknowledged case is there after each restart
// with its intake audit entry, no number is given twice, and a retry of a request whose answer was
// lost (same Idempotency-Key) never makes a second case.
describe('crashes during intake', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kesu-crash-'));
  const servers: RunningServer[] = [];
  afterAll(async () => {
    for (const server of servers) await server.stop('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it(`loses nothing acknowledged over ${CYCLES} SIGKILLs, and retries never duplicate`, async () => {
    const data = join(dir, 'data');
    const first = await startServer(data, { KESU_ADMIN_TOKEN: 'kesu_crash_admin' });
    servers.push(first);
    const user = await api(first, 'POST', '/api/companies/demo/users', 'kesu_crash_admin', {
      name: 'sales',
      roles: ['sales'],
    });
    const token = (
      await api(first, 'POST', `/api/users/${user.body.id}/tokens`, 'kesu_crash_admin', {})
    ).body.token as string;

    const acknowledged: Acknowledged[] = [];
    let server = first;
    let lost: string[] = [];
    for (let cycle = 1; cycle <= CYCLES; cycle += 1) {
      if (cycle > 1) {
        server = await startServer(data);
        servers.push(server);
        // The requests whose answer the crash lost, sent again: one case each, old or new.
        for (const key of lost) {
          const retry = await api(
            server,
            'POST',
            '/api/companies/demo/cases',
            token,
            { intake },
            key,
          );
          expect(retry.status, key).toBe(201);
          acknowledged.push({ id: retry.body.case.id, number: retry.body.case.number, key });
        }
        const earlier = acknowledged[cycle * 3]!;
        const again = await api(
          server,
          'POST',
          '/api/companies/demo/cases',
          token,
          { intake },
          earlier.key,
        );
        expect(again.body.case.id).toBe(earlier.id);
      }
      const result = await burst(server, token, cycle, 4 + (cycle % 4) * 3);
      acknowledged.push(...result.acknowledged);
      lost = result.lost;
    }

    for (const file of jsonFiles(data))
      expect(() => JSON.parse(readFileSync(file, 'utf8')), file).not.toThrow();
    const store = await openLowdbStore(data);
    try {
      for (const { id, number } of acknowledged) {
        const stored = await store.cases.get('demo', id);
        expect(stored?.case.number, id).toBe(number);
        const audit = await store.audit.forCase('demo', id);
        expect(
          audit.map((entry) => entry.action),
          id,
        ).toContain('intake');
      }
      const cases = await allCases(store, 'demo');
      const numbers = cases.map((stored) => stored.case.number);
      expect(new Set(numbers).size).toBe(numbers.length);
      const keys = cases.flatMap((stored) => Object.keys(stored.idempotency ?? {}));
      expect(new Set(keys).size).toBe(keys.length);
      expect(new Set(acknowledged.map((a) => a.key)).size).toBe(acknowledged.length);
    } finally {
      await store.close();
    }
  }, 240_000);
});
