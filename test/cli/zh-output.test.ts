/**
 * Every kesu command speaks zh-CN when the language is zh: run each one (its usual output and its
 * refusals) and fail on a sentence of ASCII words. Codes, ids, paths, flags, numbers, quoted values
 * and JSON are allowed — they are what the user types or reads in the policy.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../server/cli/kesu.ts';
import { buildPolicy, ROOT } from '../support/policies.ts';
import { freePort } from '../support/server-process.ts';
import { ADMIN_TOKEN, buildTestApp } from '../support/test-app.ts';

/** Words that were printed alone in English where a sentence should have been. */
const ENGLISH_WORDS = /\b(pending|approved|rejected|min|passed|failed|expected|got|equal)\b/;

/** The English sentences of the output: two or more plain words in a row, or a word above. */
export function englishIn(text: string): string[] {
  return text.split('\n').filter((line) => {
    const left = line
      .replace(/"(?:[^"\\]|\\.)*"/g, ' ') // quoted values
      .replace(/\{.*\}/g, ' ') // JSON
      .replace(/\[[^\]]*\]|<[^>]*>/g, ' ') // [codes], <arguments>
      .replace(/\bkesu [a-z]+( [a-z]+)?/g, ' ') // a command as typed
      .replace(/\S*[/\\.=@_]\S*|--[a-z-]+|\S*\d\S*/g, ' '); // paths, flags, numbers, times
    return (
      /\b[A-Za-z][a-z]+\b(?:[ ,;:]+\b[A-Za-z][a-z]+\b)+/.test(left) || ENGLISH_WORDS.test(left)
    );
  });
}

async function setUp() {
  const t = await buildTestApp();
  const env = { KESU_TOKEN: ADMIN_TOKEN, KESU_URL: 'http://kesu.test', KESU_LANG: 'zh-CN' };
  const appFetch = ((input: string, init?: RequestInit) =>
    t.app.request(input, init)) as typeof fetch;
  const work = mkdtempSync(join(tmpdir(), 'kesu-zh-'));
  const run = async (...argv: string[]) => {
    const lines: string[] = [];
    const code = await main(argv, {
      out: (l) => lines.push(l),
      err: (l) => lines.push(l),
      env,
      fetch: appFetch,
    });
    return { code, text: lines.join('\n') };
  };
  return { run, work };
}

describe('kesu in zh-CN', () => {
  it('flags an English sentence and lets codes, ids, paths and numbers through', () => {
    expect(englishIn('32 passed, 0 failed')).toHaveLength(1);
    expect(englishIn('  1. salesManager 业务部经理 (< 1000) — pending')).toHaveLength(1);
    expect(englishIn('    state ("registering") equal "registering" → true')).toHaveLength(1);
    expect(englishIn('cannot reach http://127.0.0.1:1: fetch failed')).toHaveLength(1);
    expect(
      englishIn(
        [
          '  • assign {"role":"gmOffice"} ← 规则 routing / routeToGmOffice',
          '  /approvals/rows/1/min  [band_overlap]  金额区间与 upTo1000 重叠 (800–1000)',
          '已写入: examples/01-numbering.json',
          '  registration 总经理室登记: 1 个工作日, 到期 2026-02-14 17:30 (计时中)',
        ].join('\n'),
      ),
    ).toEqual([]);
  });

  it('says everything in Chinese: templates, check, test, accept, explain, diff, new, push, pull', async () => {
    const { run, work } = await setUp();
    const dir = join(work, 'acme');
    const outputs: Record<string, string> = {};
    const say = async (name: string, ...argv: string[]) => {
      outputs[name] = (await run(...argv)).text;
    };
    await say('new', 'new', 'manufacturing-quality', dir);
    const policy = JSON.parse(readFileSync(join(dir, 'policy.json'), 'utf8'));
    policy.clocks.reply.duration = { amount: 5, unit: 'days' };
    writeFileSync(join(dir, 'policy.json'), JSON.stringify(policy, null, 2) + '\n');
    const copy = join(work, 'copy');
    cpSync(dir, copy, { recursive: true });
    writeFileSync(join(work, 'a.json'), JSON.stringify(buildPolicy()));
    const changed = buildPolicy((p) => {
      p.roles.supervisor!.authorityLimit = 2000;
      p.approvals.rows[0]!.max = 2000;
      p.approvals.rows[1]!.min = 2000;
      p.approvals.rows[1]!.when = { severity: ['major'] };
      p.clocks.reply!.duration = { amount: 1, unit: 'workingDays' };
    });
    writeFileSync(join(work, 'b.json'), JSON.stringify(changed));
    const caseFile = join(
      ROOT,
      'rulesets/manufacturing-quality/cases/quality-1500-spring-festival.json',
    );

    await say('templates', 'templates');
    await say('check', 'check', 'starter');
    await say('check broken', 'check', join(ROOT, 'test/fixtures/broken-five-ways.json'));
    await say('test failing', 'test', dir);
    await say('push', 'push', dir, '--company', 'demo');
    await say('accept', 'test', dir, '--accept');
    await say('accept again', 'test', dir, '--accept', 'nope');
    await say('test', 'test', dir);
    await say('explain', 'explain', 'manufacturing-quality', caseFile);
    await say('diff', 'diff', join(work, 'a.json'), join(work, 'b.json'));
    await say('pull', 'pull', '--company', 'demo', copy);
    await say('inherit', 'new', 'starter', join(work, 'ext'), '--extends');
    await say('inherit list', 'inherit', join(work, 'ext'));
    await say('merge', 'merge', join(work, 'ext'), '--template', 'starter');
    await say(
      'extend',
      'extend',
      join(work, 'a.json'),
      join(work, 'ext2'),
      '--template',
      'starter',
    );
    await say('db', 'db', 'migrate');
    await say('usage', 'help');
    await say('unknown', 'frobnicate');
    await say('missing', 'test');
    await say('template accept', 'test', 'starter', '--accept');
    await say('not empty', 'new', 'starter', dir);
    await say('no policy.json', 'check', join(dir, 'forms'));
    await say('refused', 'push', dir, '--company', 'demo', '--token', 'kesu_wrong');

    expect(outputs.test).toContain('32 个通过, 0 个失败');
    expect(outputs.explain).toContain('— 待审批');
    expect(outputs.diff).toContain('(严重程度=重大)');
    expect(outputs.refused).toMatch(/^读取草稿: 401 unauthorized/);
    expect(outputs['not empty']).toMatch(/文件夹不是空的$/);
    const lines: string[] = [];
    const port = await freePort();
    const unreachable = ['pull', '--company', 'demo', copy, '--server', `http://127.0.0.1:${port}`];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    await main([...unreachable, '--token', 'x'], { ...io, env: { KESU_LANG: 'zh' } });
    outputs.unreachable = lines.join('\n');
    expect(outputs.unreachable).toBe(`无法连接服务器 http://127.0.0.1:${port}: ECONNREFUSED`);
    const english = Object.entries(outputs).flatMap(([name, text]) =>
      englishIn(text).map((line) => `${name}: ${line}`),
    );
    expect(english).toEqual([]);
  }, 60_000);
});
