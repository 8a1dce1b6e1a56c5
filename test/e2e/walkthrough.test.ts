import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/policies.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';

// The README's walk-through (docs/walkthrough.sh) against the real server on a fresh data directory.
describe('the README walk-through', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kesu-walk-'));
  let server: RunningServer | undefined;
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts, prints the token once, and carries a complaint from intake to the monthly report', async () => {
    server = await startServer(join(dir, 'data'));
    expect(server.output()).toContain('First start');
    expect(server.adminToken).toMatch(/^kesu_/);
    const run = spawnSync('bash', [join(ROOT, 'docs/walkthrough.sh')], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, KESU: server.url, KESU_ADMIN_TOKEN: server.adminToken ?? '' },
      timeout: 60_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe('acme');
    expect(lines).toContain('supervisor → manager');
    expect(lines).toContain('approvals_pending');
    expect(lines.slice(-1)[0]).toBe('1 case(s), 1 closed');
  }, 90_000);

  it('does not print a token again on the next start', async () => {
    await server?.stop();
    server = await startServer(join(dir, 'data'));
    expect(server.output()).toContain('Kesu is running');
    expect(server.output()).not.toContain('KESU_ADMIN_TOKEN=');
  }, 30_000);

  it('refuses a second server on the same data directory, with a clear message', async () => {
    const second = await startServer(join(dir, 'data'));
    expect(await second.stop()).toBe(1);
    expect(second.output()).toMatch(/in use by process \d+/);
  }, 30_000);
});
