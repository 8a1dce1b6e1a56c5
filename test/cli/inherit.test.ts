import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicyDocument } from '../../server/adapters/files/policy-files.ts';
import { resolveLoaded } from '../../server/cli/resolve-loaded.ts';
import { main } from '../../server/cli/kesu.ts';
import { ROOT } from '../support/policies.ts';
import { ADMIN_TOKEN, buildTestApp } from '../support/test-app.ts';

const NEXT_STARTER = `${ROOT}test/fixtures/templates/starter-v2`;

async function run(
  argv: string[],
  lang = 'en',
  remote: { fetch?: typeof fetch; env?: Record<string, string> } = {},
) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main([...argv, '--lang', lang], {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    env: remote.env ?? {},
    ...(remote.fetch ? { fetch: remote.fetch } : {}),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A folder extending the starter template, with a few overrides. */
async function acmeFolder(): Promise<string> {
  const dir = join(mkdtempSync(join(tmpdir(), 'kesu-extends-')), 'acme');
  expect(await run(['new', 'starter', dir, '--extends'])).toMatchObject({ code: 0 });
  const file = join(dir, 'policy.json');
  const policy = JSON.parse(readFileSync(file, 'utf8'));
  Object.assign(policy, {
    clocks: { reply: { warnings: [{ level: 1, atFraction: 0.6 }] } },
    departments: { service: { label: { 'zh-CN': '客服部' } } },
    workflow: {
      states: { invalid: { $remove: true } },
      transitions: [{ id: 'markInvalid', $remove: true }],
    },
  });
  writeFileSync(file, JSON.stringify(policy, null, 2));
  return dir;
}

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

describe('a policy folder that extends a template', () => {
  it('is written with only the reference, and checks and tests as the template', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'kesu-extends-')), 'acme');
    expect(await run(['new', 'starter', dir, '--extends'])).toMatchObject({
      code: 0,
      out: `Created ${dir} (2 files)`,
    });
    const policy = readJson(join(dir, 'policy.json'));
    expect(Object.keys(policy)).toEqual(['extends', 'id']);
    expect(policy.extends.template).toBe('starter');
    expect(readJson(join(dir, 'template-base.json')).id).toBe('starter');
    expect((await run(['check', dir])).code).toBe(0);
    expect((await run(['test', dir])).out).toMatch(/^4 passed, 0 failed$/m);
  });

  it.each([
    { lang: 'en', words: ['overridden  /clocks/reply', 'added       /departments/service'] },
    { lang: 'zh-CN', words: ['覆盖   /clocks/reply', '新增   /departments/service', '删除'] },
  ])(
    'kesu inherit says which parts are inherited, overridden, added, removed ($lang)',
    async ({ lang, words }) => {
      const dir = await acmeFolder();
      const result = await run(['inherit', dir], lang);
      expect(result.code).toBe(0);
      for (const word of words) expect(result.out).toContain(word);
      expect(result.out).toContain('/workflow/transitions/markInvalid');
      if (lang === 'en')
        expect(result.out).toMatch(/^2 overridden, 1 added, 2 removed, \d+ inherited$/m);
    },
  );

  it('kesu merge lists the conflicts in words and writes the merge only with --write', async () => {
    const dir = await acmeFolder();
    const before = readFileSync(join(dir, 'policy.json'), 'utf8');
    const preview = await run(['merge', dir, '--template', NEXT_STARTER]);
    expect(preview.code).toBe(1);
    expect(preview.out).toContain(
      "/clocks/reply/warnings/1/atFraction: the template changed 0.75 → 0.5, the company has 0.6; the company's value is kept",
    );
    expect(preview.out).toContain('1 conflict(s)');
    expect(readFileSync(join(dir, 'policy.json'), 'utf8')).toBe(before);

    const written = await run(['merge', dir, '--template', NEXT_STARTER, '--write'], 'zh-CN');
    expect(written.out).toContain('模板由 0.75 改为 0.5, 公司的值为 0.6; 保留公司的值');
    const policy = readJson(join(dir, 'policy.json'));
    expect(policy.extends.version).not.toBe(JSON.parse(before).extends.version);
    expect(policy.clocks).toEqual({ reply: { warnings: [{ level: 1, atFraction: 0.6 }] } });
    expect(readJson(join(dir, 'template-base.json')).workflow.states).toHaveProperty('withdrawn');
    expect((await run(['check', dir])).code).toBe(0);
    const inherit = await run(['inherit', dir]);
    expect(inherit.out).toContain('inherited   /workflow/states/withdrawn');
  });

  it('refuses to merge into a policy that does not extend a template', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'kesu-full-')), 'full');
    await run(['new', 'starter', dir]);
    const result = await run(['merge', dir, '--template', 'starter']);
    expect(result).toMatchObject({ code: 2 });
    expect(await run(['check', await acmeFolder()])).toMatchObject({ code: 0 });
    expect(result.err).toContain('does not extend a template');
  });

  it('says when the template version extended is not available', async () => {
    const dir = await acmeFolder();
    const file = join(dir, 'policy.json');
    writeFileSync(
      file,
      JSON.stringify({ ...readJson(file), extends: { template: 'starter', version: 'h-0' } }),
    );
    const result = await run(['check', dir]);
    expect(result.code).toBe(2);
    expect(result.err).toContain('Template starter at version h-0 is not available');
  });

  it('is pushed as it is written, and the server resolves it', async () => {
    const t = await buildTestApp();
    const appFetch = ((input: string, init?: RequestInit) =>
      t.app.request(input, init)) as typeof globalThis.fetch;
    await t.call('POST', '/api/companies', {
      token: ADMIN_TOKEN,
      body: { id: 'acme', name: 'Acme', template: 'starter' },
    });
    const dir = await acmeFolder();
    const pushed = await run(['push', dir, '--company', 'acme'], 'en', {
      fetch: appFetch,
      env: { KESU_TOKEN: ADMIN_TOKEN, KESU_URL: 'http://kesu.test' },
    });
    expect(pushed).toMatchObject({ code: 0 });
    const draft = await t.call('GET', '/api/companies/acme/policy/draft', { token: ADMIN_TOKEN });
    expect(draft.body.document).toEqual(readJson(join(dir, 'policy.json')));
    const report = await t.call('GET', '/api/companies/acme/policy/draft/inheritance', {
      token: ADMIN_TOKEN,
    });
    expect(report.body.parts).toContainEqual({
      path: '/departments/service',
      status: 'added',
    });
  });

  it('kesu extend rewrites a full policy as overrides that resolve to the same policy', async () => {
    const root = mkdtempSync(join(tmpdir(), 'kesu-extend-'));
    const full = join(root, 'full');
    await run(['new', 'starter', full]);
    const file = join(full, 'policy.json');
    const policy = readJson(file);
    policy.id = 'acme';
    policy.clocks.reply.duration = { amount: 1, unit: 'workingDays' };
    policy.workflow.transitions = policy.workflow.transitions.filter(
      (t: { id: string }) => t.id !== 'markInvalid',
    );
    delete policy.workflow.states.invalid;
    writeFileSync(file, JSON.stringify(policy));
    const extended = join(root, 'extended');
    const result = await run(['extend', full, extended, '--template', 'starter']);
    expect(result).toMatchObject({
      code: 0,
      out: `Created ${extended}: 4 part(s) differ from the template, the rest is inherited`,
    });
    expect(Object.keys(readJson(join(extended, 'policy.json')))).toEqual([
      'extends',
      'id',
      'workflow',
      'clocks',
    ]);
    const { $schema: _schema, ...original } = loadPolicyDocument(full) as Record<string, unknown>;
    const raw = loadPolicyDocument(extended);
    expect(resolveLoaded(extended, raw, 'en').policy).toEqual(original);
    expect(
      (await run(['extend', extended, join(root, 'again'), '--template', 'starter'])).err,
    ).toContain('already extends');
  });
});
