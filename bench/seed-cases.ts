/**
 * Seeding for the benchmarks: the demo company and `count` of its cases, 1,000 a month over the months
 * before now, stored through the real store — the embedded one in a data directory, or PostgreSQL.
 */
import { createPublishedVersionCache } from '../server/app/policies/published-versions.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledTemplates } from '../server/adapters/files/bundled-templates.ts';
import { openLowdbStore } from '../server/adapters/storage/lowdb-store.ts';
import { openPostgresStore } from '../server/adapters/storage/postgres/postgres-store.ts';
import { hashSecret, newId, newSecret } from '../server/adapters/system/system.ts';
import { argon2Passwords } from '../server/adapters/system/argon2-passwords.ts';
import { inspectFile } from '../server/adapters/files/file-content.ts';
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

/** Where a benchmark keeps its data: a string is an embedded store's data directory. */
export type BenchStore =
  | string
  | { kind: 'embedded'; dataDir: string }
  | { kind: 'postgres'; url: string; maxConnections?: number };

/** Opens the real store a benchmark asked for (PostgreSQL migrates its database first). */
function openStore(target: BenchStore) {
  if (typeof target === 'string') return openLowdbStore(target);
  if (target.kind === 'embedded') return openLowdbStore(target.dataDir);
  return openPostgresStore(target.url, { maxConnections: target.maxConnections ?? 10 });
}

/** The use cases over the store `target` names, bootstrapped, and a platform administrator's context. */
export async function openBenchApp(target: BenchStore, lang: 'zh-CN' | 'en' = 'zh-CN') {
  const store = await openStore(target);
  const deps: AppDeps = {
    store,
    validator: createAjvValidator(),
    now: () => new Date().toISOString(),
    newId,
    newSecret,
    hashSecret,
    passwords: argon2Passwords({ memoryCost: 1024, timeCost: 1 }),
    inspectFile,
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

/** How seedDataDir stores its cases: with each case's intake audit entry or without, and how many at once. */
export type SeedOptions = {
  /** Stores each case's intake audit entry with it, as a real intake does (default: no audit). */
  audit?: boolean;
  /** Inserts started at once, so the store can group its durable writes (default 500). */
  inFlight?: number;
  /** Called after every 1,000 stored cases with the count so far. */
  onProgress?: (done: number) => void;
};

/**
 * What seedDataDir leaves: the use cases, a member's token, a case from the middle of the seeding, a
 * case from the latest month (as old at every count), and the fullest month.
 */
export type SeededCompany = {
  deps: AppDeps;
  token: string;
  caseId: string;
  recentCaseId: string;
  busiestMonth: string;
};

/** The 10th of the month `monthsBack` before now, 02:00 UTC: inside that month in any time zone used. */
function monthBack(monthsBack: number): string {
  const now = new Date();
  return new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsBack, 10, 2),
  ).toISOString();
}

/** Seeds the store `target` names with `count` cases spread 1,000 a month over the months before now. */
export async function seedDataDir(
  target: BenchStore,
  count: number,
  options: SeedOptions = {},
): Promise<SeededCompany> {
  const { store, deps, admin } = await openBenchApp(target);
  const user = await createUser(deps, admin, 'demo', { name: 'bench', roles: ['sales'] });
  const { token } = await issueToken(deps, admin, user.id);
  const version = await store.policies.latestVersion('demo');
  if (!version) throw new Error('no policy');
  const context = { policy: version.policy, validator: deps.validator, lang: 'zh-CN' as const };
  const actor = { user: user.id, roles: ['sales'] };
  // Every case of a month is the same complaint received at the same moment: evaluated once a month.
  const opened = new Map<string, ReturnType<typeof openCase>>();
  const openedAt = (receivedAt: string) => {
    const known = opened.get(receivedAt);
    if (known) return known;
    const fresh = openCase(context, { id: '', number: '', receivedAt, intake, actor });
    opened.set(receivedAt, fresh);
    return fresh;
  };
  const middle = Math.floor(count / 2);
  const recent = Math.floor(Math.min(count, 1000) / 2);
  let caseId = '';
  let recentCaseId = '';
  const insert = async (index: number): Promise<void> => {
    const receivedAt = monthBack(Math.floor(index / 1000) + 1);
    const period = receivedAt.slice(0, 7);
    const { case: base, events } = await openedAt(receivedAt);
    const id = newId();
    if (index === middle) caseId = id;
    if (index === recent) recentCaseId = id;
    await store.cases.insertNumbered(
      'demo',
      period,
      (serial) => ({
        case: { ...base, id, number: `${period}-${serial}` },
        policyVersion: version.number,
        month: period,
        updatedAt: receivedAt,
      }),
      (created) =>
        options.audit
          ? [
              {
                id: newId(),
                companyId: 'demo',
                caseId: created.case.id,
                at: receivedAt,
                by: user.id,
                action: 'intake',
                policyVersion: version.number,
                after: created.case,
                events,
              },
            ]
          : [],
    );
  };
  let next = 0;
  let done = 0;
  await Promise.all(
    Array.from({ length: Math.min(options.inFlight ?? 500, count) }, async () => {
      while (next < count) {
        await insert(next++);
        done += 1;
        if (done % 1000 === 0) options.onProgress?.(done);
      }
    }),
  );
  return { deps, token, caseId, recentCaseId, busiestMonth: monthBack(1).slice(0, 7) };
}
