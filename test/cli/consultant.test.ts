import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../server/cli/kesu.ts';
import { buildPolicy } from '../support/policies.ts';
import { ADMIN_TOKEN, buildTestApp } from '../support/test-app.ts';

async function run(
  argv: string[],
  extra: { fetch?: typeof fetch; env?: Record<string, string> } = {},
) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main([...argv, '--lang', 'en'], {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    env: extra.env ?? {},
    ...(extra.fetch ? { fetch: extra.fetch } : {}),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('the consultant’s workflow', () => {
  it('writes a template as a standalone folder that checks and tests clean', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'kesu-new-')), 'acme-policy');
    const created = await run(['new', 'manufacturing-quality', dir]);
    expect(created).toMatchObject({ code: 0 });
    expect(existsSync(join(dir, 'forms/intake.json'))).toBe(true);
    expect(readFileSync(join(dir, 'calendars/cnFactory.json'), 'utf8')).not.toContain('$file');
    expect((await run(['check', dir])).code).toBe(0);
    expect((await run(['test', dir])).out).toMatch(/^32 passed, 0 failed$/m);
    expect((await run(['new', 'manufacturing-quality', dir])).err).toContain('is not empty');
  });

  it('pushes an edited policy as a draft, and pulls it back', async () => {
    const t = await buildTestApp();
    const appFetch = ((input: string, init?: RequestInit) =>
      t.app.request(input, init)) as typeof fetch;
    const remote = {
      fetch: appFetch,
      env: { KESU_TOKEN: ADMIN_TOKEN, KESU_URL: 'http://kesu.test' },
    };
    const dir = join(mkdtempSync(join(tmpdir(), 'kesu-push-')), 'p');
    await run(['new', 'manufacturing-quality', dir]);
    const file = join(dir, 'policy.json');
    const policy = JSON.parse(readFileSync(file, 'utf8'));
    policy.description['zh-CN'] = '顾问修改过的版本';
    writeFileSync(file, JSON.stringify(policy));
    const pushed = await run(['push', dir, '--company', 'demo'], remote);
    expect(pushed).toMatchObject({ code: 0 });
    expect(pushed.out.split('\n')).toEqual([
      'Uploaded as the draft of demo, version 2',
      'Check: no problems',
      'Examples: 32 passed, 0 failed',
    ]);
    const published = await t.call('POST', '/api/companies/demo/policy/publish', {
      token: ADMIN_TOKEN,
      body: { note: 'from the consultant' },
    });
    expect(published.body.number).toBe(2);
    const back = join(mkdtempSync(join(tmpdir(), 'kesu-pull-')), 'pulled');
    expect((await run(['pull', '--company', 'demo', back], remote)).code).toBe(0);
    expect(JSON.parse(readFileSync(join(back, 'policy.json'), 'utf8')).description['zh-CN']).toBe(
      '顾问修改过的版本',
    );
    expect((await run(['test', back])).out).toMatch(/^32 passed, 0 failed$/m);
  });

  it('says why a push cannot go through', async () => {
    const t = await buildTestApp();
    const appFetch = ((input: string, init?: RequestInit) =>
      t.app.request(input, init)) as typeof fetch;
    const denied = await run(['push', 'starter', '--company', 'demo'], {
      fetch: appFetch,
      env: { KESU_TOKEN: 'kesu_wrong', KESU_URL: 'http://kesu.test' },
    });
    expect(denied).toMatchObject({ code: 2 });
    expect(denied.err).toContain('401 unauthorized');
    expect((await run(['push', 'starter'], { env: { KESU_TOKEN: 'x' } })).err).toContain(
      '--company',
    );
  });

  it('prints the changes between two policies in words', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kesu-diff-'));
    const before = buildPolicy();
    const after = buildPolicy((p) => {
      p.roles.supervisor!.authorityLimit = 2000;
      p.approvals.rows[0]!.max = 2000;
      p.approvals.rows[1]!.min = 2000;
      p.clocks.reply!.duration = { amount: 1, unit: 'workingDays' };
    });
    writeFileSync(join(dir, 'a.json'), JSON.stringify(before));
    writeFileSync(join(dir, 'b.json'), JSON.stringify(after));
    const { code, out } = await run(['diff', join(dir, 'a.json'), join(dir, 'b.json')]);
    expect(code).toBe(0);
    expect(out.split('\n')).toEqual([
      'approval band 0–1,000: Service supervisor → 0–2,000: Service supervisor    (/approvals/rows/upTo1000)',
      'approval band 1,000–∞: Service supervisor, Service manager → 2,000–∞: Service supervisor, Service manager    (/approvals/rows/from1000)',
      'authority of Service supervisor: 1,000 → 2,000    (/roles/supervisor/authorityLimit)',
      'clock Reply deadline: 2 working days → 1 working days    (/clocks/reply/duration)',
    ]);
    expect((await run(['diff', join(dir, 'a.json'), join(dir, 'a.json')])).out).toBe('No changes');
  });
});
