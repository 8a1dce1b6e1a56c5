import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPolicyDocument } from '../../server/adapters/files/policy-files.ts';
import { main } from '../../server/cli/kesu.ts';
import { seeded } from '../support/backtest-cases.ts';
import { allAudit, allCases } from '../support/store-reads.ts';
import { ROOT } from '../support/policies.ts';
import { ADMIN_TOKEN } from '../support/test-app.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The manufacturing template with the sales manager's limit raised to 2,000, as a policy folder. */
function raisedPolicyDir(): string {
  const document = loadPolicyDocument(join(ROOT, 'rulesets/manufacturing-quality')) as {
    approvals: { rows: { min: number; max?: number }[] };
    roles: Record<string, { authorityLimit?: number }>;
  };
  document.approvals.rows[0]!.max = 2000;
  document.approvals.rows[1]!.min = 2000;
  document.roles.salesManager!.authorityLimit = 2000;
  const dir = mkdtempSync(join(tmpdir(), 'kesu-backtest-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'policy.json'), JSON.stringify(document, null, 2));
  return dir;
}

async function setUp() {
  const { t } = await seeded();
  const fetchApp = ((input: string, init?: RequestInit) =>
    t.app.request(input, init)) as typeof fetch;
  const run = async (lang: string, ...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['backtest', ...args, '--lang', lang], {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      env: { KESU_TOKEN: ADMIN_TOKEN },
      fetch: fetchApp,
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  return { t, run };
}

describe('kesu backtest', () => {
  it('replays the period through the local policy and prints the totals and tables', async () => {
    const { t, run } = await setUp();
    const dir = raisedPolicyDir();
    const draftBefore = await t.deps.store.policies.getDraft('demo');
    const cases = await allCases(t.deps.store, 'demo');
    const audit = await allAudit(t.deps.store, 'demo');
    const args = [dir, '--company', 'demo', '--from', '2026-03-01', '--to', '2026-04-30'];
    const { code, out, err } = await run('en', ...args);
    expect(code, err).toBe(0);
    expect(out).toContain('Replayed 3 cases: 2 changed, 1 unchanged, 0 could not be replayed');
    expect(out).toContain(
      '2 case(s) of 1,500 yuan no longer need deputyGM (approvals/oneToTenThousand → approvals/belowOneThousand)',
    );
    expect(out).toMatch(/approve: now refused \(\w+\)\s+2 case\(s\)/);
    expect(out).toContain('Affected cases (the first 2 of 2):');
    expect(err).toMatch(/backtest: 3\/3 cases/);
    // The server's draft, cases and audit trail are as they were.
    expect(await t.deps.store.policies.getDraft('demo')).toEqual(draftBefore);
    expect(await allCases(t.deps.store, 'demo')).toEqual(cases);
    expect(await allAudit(t.deps.store, 'demo')).toEqual(audit);
  });

  it('speaks Chinese', async () => {
    const { run } = await setUp();
    const { code, out } = await run(
      'zh-CN',
      raisedPolicyDir(),
      '--company',
      'demo',
      '--sample',
      '1',
    );
    expect(code).toBe(0);
    expect(out).toContain('重放 1 个案件');
  });

  it('prints the server’s refusal of a bad period and exits 2', async () => {
    const { run } = await setUp();
    const args = [
      raisedPolicyDir(),
      '--company',
      'demo',
      '--from',
      '2026-04-01',
      '--to',
      '2026-03-01',
    ];
    const { code, err } = await run('en', ...args);
    expect(code).toBe(2);
    expect(err).toContain('422 backtest_period_invalid');
  });

  it('asks for the company', async () => {
    const { run } = await setUp();
    const { code, err } = await run('en', raisedPolicyDir());
    expect(code).toBe(2);
    expect(err).toContain('--company');
  });
});
