/** /api/health says whether the store can still write: after a failed write, every request fails. */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { embeddedStores } from '../support/embedded-stores.ts';
import { ADMIN_TOKEN, buildTestApp, manufacturingIntake } from '../support/test-app.ts';

const { tempDir, open } = embeddedStores('kesu-health-');

describe('the health answer', () => {
  it('is ok over a store that writes', async () => {
    const t = await buildTestApp(undefined, await open(await tempDir()));
    expect(await t.call('GET', '/api/health')).toEqual({
      status: 200,
      body: { status: 'ok', time: '2026-03-02T02:00:00.000Z' },
    });
  });

  it('is a 503 naming the storage failure once a write has failed, and stays so', async () => {
    const dataDir = await tempDir();
    const t = await buildTestApp(undefined, await open(dataDir));
    // The users file's next version cannot be written: its temporary file's name is a folder.
    await mkdir(join(dataDir, 'platform', '.users.json.tmp'));
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const failed = await t.call('POST', '/api/companies/demo/users', {
      token: ADMIN_TOKEN,
      body: { name: '赵', roles: ['sales'] },
    });
    expect(failed.status).toBe(500);
    const health = await t.call('GET', '/api/health');
    expect(health).toEqual({
      status: 503,
      body: { status: 'failing', problem: 'storage_write_failed', time: expect.any(String) },
    });
    const intake = await t.call('POST', '/api/companies/demo/cases', {
      token: ADMIN_TOKEN,
      body: { intake: manufacturingIntake() },
      headers: { 'accept-language': 'en' },
    });
    logged.mockRestore();
    expect(intake.status).toBe(503);
    expect(intake.body.error.code).toBe('storage_unavailable');
    expect((await t.call('GET', '/api/health')).status).toBe(503);
  });
});
