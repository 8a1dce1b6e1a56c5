import { manufacturingIntake } from '../support/test-app.ts';
import { createPublishedVersionCache } from '../../server/app/policies/published-versions.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledTemplates } from '../../server/adapters/files/bundled-templates.ts';
import { openLowdbStore } from '../../server/adapters/storage/lowdb-store.ts';
import { hashSecret } from '../../server/adapters/system/system.ts';
import { argon2Passwords } from '../../server/adapters/system/argon2-passwords.ts';
import { inspectFile } from '../../server/adapters/files/file-content.ts';
import { bootstrap } from '../../server/app/companies/bootstrap.ts';
import { intakeCase } from '../../server/app/cases/cases.ts';
import { createUser } from '../../server/app/companies/companies.ts';
import type { AppDeps } from '../../server/app/ports/deps.ts';
import { sweepAll } from '../../server/app/sweep/sweep.ts';
import { testValidator } from '../support/policies.ts';

// An overdue case gets exactly one reminder per escalation level, across a restart of the store.
describe('escalations across a restart', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kesu-sweep-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('raises each level once, before and after the data directory is reopened', async () => {
    let now = '2026-03-02T02:00:00.000Z';
    let counter = 0;
    const depsFor = async (): Promise<AppDeps> => ({
      store: await openLowdbStore(join(dir, 'data')),
      validator: testValidator(),
      now: () => now,
      newId: () => `id-${++counter}-${Math.floor(performance.now())}`,
      newSecret: () => `secret-${++counter}`,
      hashSecret,
      passwords: argon2Passwords({ memoryCost: 1024, timeCost: 1 }),
      inspectFile,
      templates: bundledTemplates(),
      versions: createPublishedVersionCache(),
    });
    let deps = await depsFor();
    await bootstrap(deps, 'kesu_admin');
    const admin = {
      principal: {
        userId: 'platform-admin',
        name: 'a',
        roles: [],
        platformRole: 'platformAdmin' as const,
      },
      lang: 'en' as const,
    };
    const sales = await createUser(deps, admin, 'demo', { name: 's', roles: ['sales'] });
    const intake = manufacturingIntake();
    const created = await intakeCase(
      deps,
      {
        principal: { userId: sales.id, name: 's', roles: ['sales'], companyId: 'demo' },
        lang: 'en',
      },
      'demo',
      intake,
    );

    now = '2026-03-04T02:00:00.000Z'; // registration (1 working day) overdue, investigation not yet
    expect((await sweepAll(deps)).changed).toBe(1);
    expect((await sweepAll(deps)).changed).toBe(0);
    await deps.store.close();

    deps = await depsFor();
    expect((await sweepAll(deps)).changed).toBe(0);
    now = '2026-05-04T02:00:00.000Z'; // everything long overdue: the remaining levels, once
    expect((await sweepAll(deps)).changed).toBe(1);
    await deps.store.close();
    deps = await depsFor();
    expect((await sweepAll(deps)).changed).toBe(0);

    const audit = await deps.store.audit.forCase('demo', created.case.id);
    const raised = audit
      .flatMap((entry) => entry.events ?? [])
      .filter((event) => event.type === 'clockEscalated' || event.type === 'clockWarning');
    const keys = raised.map(
      (event) => `${event.type}:${String(event.data.clock)}:${String(event.data.level)}`,
    );
    expect(keys.length).toBeGreaterThan(2);
    expect(new Set(keys).size).toBe(keys.length);
    await deps.store.close();
  });
});
