/**
 * npm run bench:sweep [N] — the clock sweep over N stored cases (default 5,000) that are all overdue (the
 * first pass after a long outage), then a second pass with nothing left to raise.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledTemplates } from '../server/adapters/files/bundled-templates.ts';
import { openLowdbStore } from '../server/adapters/storage/lowdb-store.ts';
import { hashSecret, newId, newSecret } from '../server/adapters/system/system.ts';
import { createAjvValidator } from '../server/adapters/validation/ajv-validator.ts';
import { bootstrap } from '../server/app/bootstrap.ts';
import { createUser } from '../server/app/companies.ts';
import { sweepAll } from '../server/app/sweep.ts';
import type { AppDeps } from '../server/app/deps.ts';
import { openCase } from '../server/domain/open-case.ts';
const intake = JSON.parse(
  readFileSync('rulesets/manufacturing-quality/cases/quality-1500-spring-festival.json', 'utf8'),
).intake;
const store = await openLowdbStore(mkdtempSync(join(tmpdir(), 'scale-')));
const deps: AppDeps = {
  store,
  validator: createAjvValidator(),
  now: () => new Date().toISOString(),
  newId,
  newSecret,
  hashSecret,
  templates: bundledTemplates(),
};
await bootstrap(deps, 'x');
const admin = {
  principal: {
    userId: 'platform-admin',
    name: 'a',
    roles: [],
    platformRole: 'platformAdmin' as const,
  },
  lang: 'zh-CN' as const,
};
const user = await createUser(deps, admin, 'demo', { name: 'b', roles: ['sales'] });
const ctx = {
  policy: (await store.policies.latestVersion('demo'))!.policy,
  validator: deps.validator,
  lang: 'zh-CN' as const,
};
const N = Number(process.argv[2] ?? 5000);
for (let done = 0; done < N; done += 500) {
  const at = new Date(Date.UTC(2026, 10 - (Math.floor(done / 1000) + 1), 10, 2)).toISOString();
  const opened = await openCase(ctx, {
    id: '',
    number: '',
    receivedAt: at,
    intake,
    actor: { user: user.id, roles: ['sales'] },
  });
  await Promise.all(
    Array.from({ length: 500 }, () =>
      store.cases.insertNumbered(
        'demo',
        at.slice(0, 7),
        (s) => ({
          case: { ...opened.case, id: newId(), number: String(s) },
          policyVersion: 1,
          updatedAt: at,
        }),
        () => [],
      ),
    ),
  );
}
let t0 = performance.now();
console.log(
  `first sweep ${JSON.stringify(await sweepAll(deps))}: ${(performance.now() - t0).toFixed(0)} ms`,
);
t0 = performance.now();
console.log(
  `second sweep ${JSON.stringify(await sweepAll(deps))}: ${(performance.now() - t0).toFixed(0)} ms`,
);
await store.close();
