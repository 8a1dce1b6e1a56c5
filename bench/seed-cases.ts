/**
 * Seeding for the benchmarks: a data directory with the demo company and `count` of its cases,
 * 1,000 a month over the months before now, stored through the real lowdb store.
 */
import { createPublishedVersionCache } from '../server/app/policies/published-versions.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledTemplates } from '../server/adapters/files/bundled-templates.ts';
import { openLowdbStore } from '../server/adapters/storage/lowdb-store.ts';
import { hashSecret, newId, newSecret } from '../server/adapters/system/system.ts';
import { createAjvValidator } from '../server/adapters/validation/ajv-validator.ts';
import { bootstrap } from '../server/app/companies/bootstrap.ts';
import { createUser, issueToken } from '../server/app/companies/companies.ts';
import type { AppDeps } from '../server/app/ports/deps.ts';
import { openCase } from '../server/domain/case/open-case.ts';

export const ROOT = new URL('../', import.meta.url).pathname;
/** The manufacturing template's 1,500-yuan complaint, the intake every benchmark sends. */
export const intake = JSON.parse(
  readFileSync(
    join(ROOT, 'rulesets/manufacturing-quality/cases/quality-1500-spring-festival.json'),
    'utf8',
  ),
).intake;

/** The use cases over a lowdb store in `dataDir`, bootstrapped, and a platform administrator's context. */
export async function openBenchApp(dataDir: string, lang: 'zh-CN' | 'en' = 'zh-CN') {
  const store = await openLowdbStore(dataDir);
  const deps: AppDeps = {
    store,
    validator: createAjvValidator(),
    now: () => new Date().toISOString(),
    newId,
    newSecret,
    hashSecret,
    templates: bundledTemplates(),
    versions: createPublishedVersionCache(),
  };
  await bootstrap(deps, 'kesu_bench_admin');
  const admin = {
    principal: {
      userId: 'platform-admin',
      name: 'admin',
      roles: [],
      platformRole: 'platformAdmin' as const,
    },
    lang,
  };
  return { store, deps, admin };
}

/** Seeds a data directory with `count` cases spread 1,000 a month over the months before now. */
export async function seedDataDir(
  dataDir: string,
  count: number,
): Promise<{ deps: AppDeps; token: string }> {
  const { store, deps, admin } = await openBenchApp(dataDir);
  const user = await createUser(deps, admin, 'demo', { name: 'bench', roles: ['sales'] });
  const { token } = await issueToken(deps, admin, user.id);
  const version = await store.policies.latestVersion('demo');
  if (!version) throw new Error('no policy');
  const context = { policy: version.policy, validator: deps.validator, lang: 'zh-CN' as const };
  const now = new Date();
  for (let done = 0; done < count;) {
    const monthsBack = Math.floor(done / 1000) + 1;
    const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsBack, 10, 2));
    const receivedAt = month.toISOString();
    const period = receivedAt.slice(0, 7);
    const batch = Math.min(500, count - done, 1000 - (done % 1000));
    const opened = await openCase(context, {
      id: '',
      number: '',
      receivedAt,
      intake,
      actor: { user: user.id, roles: ['sales'] },
    });
    await Promise.all(
      Array.from({ length: batch }, () =>
        store.cases.insertNumbered(
          'demo',
          period,
          (serial) => ({
            case: { ...opened.case, id: newId(), number: `${period}-${serial}` },
            policyVersion: version.number,
            month: period,
            updatedAt: receivedAt,
          }),
          () => [],
        ),
      ),
    );
    done += batch;
  }
  return { deps, token };
}
