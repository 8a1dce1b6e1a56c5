/**
 * The consultant's loop against the real server: `kesu new` → `kesu push` → `kesu pull` into the
 * same folder changes no byte; push prints the server's check and examples; `kesu test --accept`
 * writes the same files as the server's accept followed by a pull.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../server/cli/kesu.ts';
import { ROOT } from '../support/policies.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';

const work = mkdtempSync(join(tmpdir(), 'kesu-loop-'));
let server: RunningServer;
let env: Record<string, string>;

/** Every file under the folder, by relative path, with its bytes. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(dir, path)] = readFileSync(path, 'latin1');
    }
  };
  walk(dir);
  return files;
}

/** The real kesu binary. */
function kesu(...argv: string[]) {
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/kesu.mjs'), ...argv], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return { code: run.status, out: run.stdout.trim(), err: run.stderr.trim() };
}

/**
 * A connection per request: between the slow runs of the binary the server drops idle sockets,
 * and this process's pool would otherwise send on one it just closed (UND_ERR_SOCKET).
 */
const freshFetch = ((input: string, init: RequestInit = {}) =>
  fetch(input, {
    ...init,
    headers: { ...(init.headers as Record<string, string>), connection: 'close' },
  })) as typeof fetch;

/** The kesu command in this process (faster), talking to the same server. */
async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l), env };
  const code = await main(argv, { ...io, fetch: freshFetch });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function api(method: string, path: string, body?: unknown) {
  const response = await freshFetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${env.KESU_TOKEN}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** The manufacturing policy with the reply deadline cut from 7 to 5 days: 8 examples fail. */
function cutReplyDeadline(dir: string): void {
  const file = join(dir, 'policy.json');
  const policy = JSON.parse(readFileSync(file, 'utf8'));
  policy.clocks.reply.duration = { amount: 5, unit: 'days' };
  writeFileSync(file, JSON.stringify(policy, null, 2) + '\n');
}

beforeAll(async () => {
  server = await startServer(join(work, 'data'));
  env = { KESU_URL: server.url, KESU_TOKEN: server.adminToken ?? '' };
  for (const [id, template] of [
    ['mq', 'manufacturing-quality'],
    ['st', 'starter'],
    ['acc', 'manufacturing-quality'],
  ] as const) {
    const created = await api('POST', '/api/companies', { id, name: id, template });
    expect(created.status).toBe(201);
  }
}, 60_000);

afterAll(async () => {
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('kesu new → push → pull', () => {
  it.each([
    ['a template kept in several files', 'manufacturing-quality', 'mq'],
    ['a template kept in one file', 'starter', 'st'],
  ])(
    '%s: the pull into the same folder changes no file',
    (_description, template, company) => {
      const dir = join(work, `${template}-policy`);
      expect(kesu('new', template, dir, '--lang', 'en').code).toBe(0);
      const written = snapshot(dir);
      expect(kesu('push', dir, '--company', company, '--lang', 'en')).toMatchObject({ code: 0 });
      const pulled = kesu('pull', '--company', company, dir, '--lang', 'en');
      expect(pulled).toMatchObject({ code: 0 });
      expect(pulled.out.split('\n').at(-1)).toBe('No file changed');
      expect(snapshot(dir)).toEqual(written);
    },
    60_000,
  );

  it('pulls into an empty folder in the layout kesu new writes, which pulls again unchanged', async () => {
    const fresh = join(work, 'fresh');
    const first = await run('pull', '--company', 'mq', fresh, '--lang', 'en');
    expect(first.err).toBe('');
    const files = Object.keys(snapshot(fresh));
    const made = join(work, 'fresh-made');
    await run('new', 'manufacturing-quality', made);
    for (const part of ['policy.json', 'forms/', 'calendars/', 'ruleSets/', 'examples/'])
      expect(files.some((file) => file.startsWith(part))).toBe(true);
    expect(files.filter((f) => f.startsWith('forms/')).sort()).toEqual(
      Object.keys(snapshot(made))
        .filter((f) => f.startsWith('forms/'))
        .sort(),
    );
    expect((await run('test', fresh, '--lang', 'en')).out).toMatch(/^32 passed, 0 failed$/m);
    const again = await run('pull', '--company', 'mq', fresh, '--lang', 'en');
    expect(again.out).toContain('No file changed');
  }, 60_000);
});

describe('kesu push', () => {
  it("prints the server's check and examples summary, in either language", async () => {
    const dir = join(work, 'push-cut');
    await run('new', 'manufacturing-quality', dir);
    cutReplyDeadline(dir);
    const en = await run('push', dir, '--company', 'mq', '--lang', 'en');
    expect(en.code).toBe(1);
    expect(en.out).toContain('Check: no problems');
    expect(en.out).toContain('Examples: 24 passed, 8 failed');
    expect(en.out).toMatch(/^ {2}✗ numberFirstCaseOfMarch {2}The first complaint of March/m);
    const zh = await run('push', dir, '--company', 'mq', '--lang', 'zh-CN');
    expect(zh.out).toContain('检查: 没有问题');
    expect(zh.out).toContain('示例: 24 个通过, 8 个失败');
    expect(zh.out).toMatch(/^ {2}✗ numberFirstCaseOfMarch {2}3月1日/m);
  }, 60_000);
});

describe('kesu test --accept', () => {
  it("writes the same files as the server's accept followed by a pull", async () => {
    const local = join(work, 'accept-local');
    await run('new', 'manufacturing-quality', local);
    cutReplyDeadline(local);
    const remote = join(work, 'accept-remote');
    cpSync(local, remote, { recursive: true });
    const before = snapshot(local);

    const accepted = await run('test', local, '--accept', '--lang', 'en');
    expect(accepted.code).toBe(0);
    expect(accepted.out).toContain(
      '    clock Reply to the customer (a week from receipt) due: 2026-03-08 07:00:00+08:00 → 2026-03-06 07:00:00+08:00',
    );
    expect((await run('test', local, '--lang', 'en')).out).toMatch(/^32 passed, 0 failed$/m);
    const changed = Object.keys(snapshot(local)).filter((f) => snapshot(local)[f] !== before[f]);
    expect(changed.every((file) => file.startsWith('examples/'))).toBe(true);

    expect((await run('push', remote, '--company', 'acc')).code).toBe(1);
    const draft = await api('GET', '/api/companies/acc/policy/draft');
    const serverAccept = await api('POST', '/api/companies/acc/policy/draft/examples/accept', {
      expectedVersion: draft.body.version,
    });
    expect(serverAccept.status).toBe(200);
    expect((await run('pull', '--company', 'acc', remote)).code).toBe(0);
    expect(snapshot(remote)).toEqual(snapshot(local));
  }, 60_000);

  it('accepts only the examples named, says what it refused, and leaves bundled templates alone', async () => {
    const dir = join(work, 'accept-one');
    await run('new', 'manufacturing-quality', dir);
    cutReplyDeadline(dir);
    const zh = await run(
      'test',
      dir,
      '--accept',
      'numberFirstCaseOfMarch',
      'nope',
      '--lang',
      'zh-CN',
    );
    expect(zh.code).toBe(1);
    expect(zh.out.split('\n')).toEqual([
      expect.stringMatching(/^✓ 已接受示例 numberFirstCaseOfMarch 3月1日/),
      '    时限 答复客户（接到客诉起一周） 到期: 2026-03-08 07:00:00+08:00 → 2026-03-06 07:00:00+08:00',
      '✗ 没有示例 nope',
      '已写入: examples/01-numbering.json',
    ]);
    expect((await run('test', dir, '--lang', 'en')).out).toMatch(/^25 passed, 7 failed$/m);
    const template = await run('test', 'starter', '--accept', '--lang', 'en');
    expect(template.code).toBe(2);
    expect(template.err).toContain('--accept needs the path of a policy file or folder');
  }, 60_000);
});
