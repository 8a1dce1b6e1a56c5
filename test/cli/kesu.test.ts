import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../server/cli/kesu.ts';
import { ROOT } from '../support/policies.ts';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l), env: {} });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const broken = join(ROOT, 'test/fixtures/broken-five-ways.json');

describe('kesu', () => {
  it('lists the bundled templates with id, title and path', async () => {
    const { code, out } = await run('templates', '--lang', 'en');
    expect(code).toBe(0);
    expect(out).toMatch(
      /^starter\tStarter policy: register, approve, reply, close\t.*rulesets\/starter$/m,
    );
  });

  it('lists under each template what its source does not state', async () => {
    const { out } = await run('templates', '--lang', 'en');
    expect(out).toMatch(
      /^dairy-food\t.*\n( {2}assumes .*\n)* {2}assumes numbering: Numbers KS \+ year and month/m,
    );
    const zh = await run('templates', '--lang', 'zh-CN');
    expect(zh.out).toContain('  假定 numbering: 编号 KS+年月+三位月流水：原文无编号规则。');
  });

  it('passes the check on a template named by its id', async () => {
    expect(await run('check', 'starter', '--lang', 'en')).toMatchObject({
      code: 0,
      out: '✓ starter: no problems',
    });
  });

  it('names all five problems of a policy broken five ways, with their paths, and exits 1', async () => {
    const { code, out } = await run('check', broken, '--lang', 'en');
    expect(code).toBe(1);
    for (const path of [
      '/approvals/rows/1/min  [band_overlap]',
      '/workflow/transitions/1/roles/1  [unknown_role]',
      '/forms/remedy/schema/properties/amount/type  [form_schema_invalid]',
      '/ruleSets/0/rules/0/event/params/value  [unknown_category_value]',
      '/workflow/states/archived  [state_unreachable]',
    ]) {
      expect(out).toContain(path);
    }
    expect(out).toContain('5 problem(s)');
  });

  it('refuses a form schema of another JSON Schema version without crashing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kesu-'));
    const policy = JSON.parse(
      JSON.stringify((await import('../support/policies.ts')).buildPolicy()),
    );
    policy.forms.intake.schema.$schema = 'http://json-schema.org/draft-04/schema#';
    writeFileSync(join(dir, 'p.json'), JSON.stringify(policy));
    const { code, out } = await run('check', join(dir, 'p.json'), '--lang', 'en');
    expect(code).toBe(1);
    expect(out).toContain('/forms/intake/schema/$schema  [form_schema_version]');
    expect(out).toContain('form intake declares JSON Schema version');
  });

  it.each([
    ['en', 'calendar "office" has no working hours in its week from'],
    ['zh-CN', '日历 "office" 自'],
  ])('refuses in %s a calendar with no working hours in its week', async (lang, text) => {
    const dir = mkdtempSync(join(tmpdir(), 'kesu-'));
    const policy = JSON.parse(
      JSON.stringify((await import('../support/policies.ts')).buildPolicy()),
    );
    policy.calendars.office.workingHours[0].week = {};
    writeFileSync(join(dir, 'p.json'), JSON.stringify(policy));
    const { code, out } = await run('check', join(dir, 'p.json'), '--lang', lang);
    expect(code).toBe(1);
    expect(out).toContain('/calendars/office/workingHours/0/week  [calendar_no_hours]');
    expect(out).toContain(text);
  });

  it('warns of a numbering change against the published policy, in both languages, without failing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kesu-'));
    const policy = JSON.parse(
      JSON.stringify((await import('../support/policies.ts')).buildPolicy()),
    );
    writeFileSync(join(dir, 'published.json'), JSON.stringify(policy));
    writeFileSync(
      join(dir, 'next.json'),
      JSON.stringify({ ...policy, numbering: { ...policy.numbering, reset: 'year' } }),
    );
    const next = join(dir, 'next.json');
    const published = join(dir, 'published.json');
    const en = await run('check', next, '--against', published, '--lang', 'en');
    expect(en.code).toBe(0);
    expect(en.out).toContain('1 warning(s)');
    expect(en.out).toContain('/numbering/pattern  [numbering_may_repeat]');
    expect(en.out).toContain(`A literal prefix avoids it, e.g. [A]${policy.numbering.pattern}`);
    const zh = await run('check', next, '--against', published, '--lang', 'zh-CN');
    expect(zh.out).toContain(`加一个固定前缀可避免, 例如 [A]${policy.numbering.pattern}`);
    expect((await run('check', next, '--lang', 'en')).out).not.toContain('warning');
    expect((await run('check', published, '--against', published, '--lang', 'en')).out).toBe(
      `✓ ${published}: no problems`,
    );
  });

  it('runs the examples and prints the total line', async () => {
    const { code, out } = await run('test', 'starter', '--lang', 'en');
    expect(code).toBe(0);
    expect(out).toMatch(/^4 passed, 0 failed$/m);
  });

  it('exits 1 when an example fails, saying why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kesu-'));
    const policy = JSON.parse(
      JSON.stringify((await import('../support/policies.ts')).buildPolicy()),
    );
    policy.examples[0].expect.state = 'closed';
    writeFileSync(join(dir, 'p.json'), JSON.stringify(policy));
    const { code, out } = await run('test', join(dir, 'p.json'), '--lang', 'en');
    expect(code).toBe(1);
    expect(out).toContain('state: expected "closed", got "approved"');
    expect(out).toMatch(/^3 passed, 1 failed$/m);
  });

  it('explains a case: decisions with their rule, the chain, due times with intervals', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kesu-'));
    const file = join(dir, 'case.json');
    writeFileSync(
      file,
      JSON.stringify({
        receivedAt: '2026-09-30T17:00:00+08:00',
        intake: {
          customerName: '陈',
          phone: '13900000000',
          description: '设备故障导致停产',
          amountSought: 8000,
        },
      }),
    );
    const { code, out } = await run('explain', 'starter', file, '--lang', 'zh-CN');
    expect(code).toBe(0);
    expect(out).toContain('规则 triage / largeClaimIsMajor');
    expect(out).toContain('intake.amountSought (8000) ≥ 5000 → 成立');
    expect(out).toMatch(/1\. supervisor 客服主管 .*\n\s+2\. manager 服务经理/);
    expect(out).toContain('到期 2026-10-09 17:00');
    expect(out).toContain('2026-10-08 09:00–12:00, 13:00–18:00 (480 分钟)');
    expect(out).toContain('2026-10-01 – 2026-10-07 假日: 国庆节');
  });

  it.each([
    ['en', 'by the close of working day 2, due 2026-10-09 18:00', 'due at the close of 2026-10-09'],
    [
      'zh-CN',
      '第 2 个工作日下班前, 到期 2026-10-09 18:00',
      '到期于 2026-10-09 (受理次日起第 2 个工作日)',
    ],
  ])('explains in %s a clock due by the close of the Nth working day', async (lang, due, close) => {
    const dir = mkdtempSync(join(tmpdir(), 'kesu-'));
    const policy = JSON.parse(
      JSON.stringify((await import('../support/policies.ts')).buildPolicy()),
    );
    policy.clocks.reply.duration = { amount: 2, unit: 'closeOfWorkingDay' };
    writeFileSync(join(dir, 'p.json'), JSON.stringify(policy));
    writeFileSync(
      join(dir, 'case.json'),
      JSON.stringify({
        receivedAt: '2026-09-30T17:00:00+08:00',
        intake: {
          customerName: '陈',
          phone: '13900000000',
          description: '设备故障导致停产',
          amountSought: 80,
        },
      }),
    );
    const { code, out } = await run(
      'explain',
      join(dir, 'p.json'),
      join(dir, 'case.json'),
      '--lang',
      lang,
    );
    expect(code).toBe(0);
    expect(out).toContain(due);
    expect(out).toContain(close);
  });

  it('explains the 1,500-yuan quality complaint of 2026-02-13 17:30 across the Spring Festival', async () => {
    const file = join(
      ROOT,
      'rulesets/manufacturing-quality/cases/quality-1500-spring-festival.json',
    );
    const { code, out } = await run('explain', 'manufacturing-quality', file, '--lang', 'en');
    expect(code).toBe(0);
    expect(out).toMatch(/1\. salesManager .*\n\s+2\. deputyGM /);
    expect(out).toContain('3 working day(s), due 2026-02-25 17:30');
    expect(out).toContain('2026-02-14 08:30–12:00, 13:00–17:30 (480 min)');
    expect(out).toContain('2026-02-14 make-up working day: Spring Festival');
    expect(out).toContain('2026-02-15 – 2026-02-23 holiday: Spring Festival');
    expect(out).not.toMatch(/2026-02-1[5-9] 08:30/);
  });

  it.each<[string, string[], string]>([
    ['an unknown command', ['frobnicate'], 'Unknown command: frobnicate'],
    ['a missing policy', ['check', 'no-such-policy'], 'No policy at no-such-policy'],
    ['a missing case file argument', ['explain', 'starter'], 'Missing argument: <case.json>'],
    ['a file that is not JSON', ['check', join(ROOT, 'eslint.config.js')], 'is not valid JSON'],
  ])('exits 2 on %s', async (_description, argv, message) => {
    const { code, err } = await run(...argv, '--lang', 'en');
    expect(code).toBe(2);
    expect(err).toContain(message);
  });

  it('speaks the language of the environment by default', async () => {
    const out: string[] = [];
    await main(['check', 'starter'], {
      out: (l) => out.push(l),
      err: () => {},
      env: { LANG: 'en_US.UTF-8' },
    });
    expect(out).toEqual(['✓ starter: no problems']);
    out.length = 0;
    await main(['check', 'starter'], {
      out: (l) => out.push(l),
      err: () => {},
      env: { LANG: 'zh_CN.UTF-8' },
    });
    expect(out).toEqual(['✓ starter: 没有问题']);
  });
});
