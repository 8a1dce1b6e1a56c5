import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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
) {
  const response = await fetch(server.url + path, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: response.status, body: await response.json().catch(() => null) };
}

// SIGKILL during an intake burst: every acknowledged case is there after the restart, and every
// data file parses.
describe('a crash during intake', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kesu-crash-'));
  const servers: RunningServer[] = [];
  afterAll(async () => {
    for (const server of servers) await server.stop('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('loses nothing acknowledged', async () => {
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
    const intake = JSON.parse(
      readFileSync(
        join(
          import.meta.dirname,
          '../../rulesets/manufacturing-quality/cases/quality-1500-spring-festival.json',
        ),
        'utf8',
      ),
    ).intake;
    const acknowledged: { id: string; number: string }[] = [];
    let stop = false;
    const worker = async () => {
      while (!stop) {
        try {
          const response = await api(first, 'POST', '/api/companies/demo/cases', token, { intake });
          if (response.status === 201)
            acknowledged.push({ id: response.body.case.id, number: response.body.case.number });
        } catch {
          return; // the connection died with the server
        }
      }
    };
    const workers = Array.from({ length: 16 }, worker);
    while (acknowledged.length < 60) await new Promise((resolve) => setTimeout(resolve, 10));
    first.process.kill('SIGKILL');
    stop = true;
    await Promise.all(workers);
    await first.stop();

    for (const file of jsonFiles(data))
      expect(() => JSON.parse(readFileSync(file, 'utf8')), file).not.toThrow();
    const second = await startServer(data);
    servers.push(second);
    for (const { id, number } of acknowledged) {
      const read = await api(second, 'GET', `/api/companies/demo/cases/${id}`, token);
      expect(read.status, id).toBe(200);
      expect(read.body.case.number).toBe(number);
    }
    const next = await api(second, 'POST', '/api/companies/demo/cases', token, { intake });
    const numbers = new Set(acknowledged.map((a) => a.number));
    expect(numbers.size).toBe(acknowledged.length);
    expect(numbers.has(next.body.case.number)).toBe(false);
  }, 90_000);
});
