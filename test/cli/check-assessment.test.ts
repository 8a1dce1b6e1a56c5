/** `kesu check` names an assessment rule's problems in zh-CN and en. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../server/cli/kesu.ts';
import { buildPolicy } from '../support/policies.ts';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l), env: {} });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A policy file whose only rule measures the timely rate with a threshold written as a percentage. */
function policyWithPercentRate(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kesu-'));
  const policy = buildPolicy(
    (p) =>
      void (p.assessment = [
        {
          id: 'slowReplies',
          label: { 'zh-CN': '及时率低于95%' },
          period: 'month',
          measure: 'timelyRate',
          below: 95,
          consequence: { 'zh-CN': '扣2分' },
        },
      ]),
  );
  const file = join(dir, 'p.json');
  writeFileSync(file, JSON.stringify(policy));
  return file;
}

describe('kesu check on assessment rules', () => {
  it.each([
    ['en', 'assessment rule slowReplies: below is 95, but a rate is between 0 and 1'],
    ['zh-CN', '考核规则 slowReplies 的 below 为 95: 比率取 0 到 1 之间的值'],
  ])('names a rate written as a percentage (%s)', async (lang, sentence) => {
    const { code, out } = await run('check', policyWithPercentRate(), '--lang', lang);
    expect(code).toBe(1);
    expect(out).toContain('/assessment/0/below  [assessment_rate_range]');
    expect(out).toContain(sentence);
  });
});
