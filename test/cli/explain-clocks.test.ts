/** `kesu explain` says why a clock's duration changed and which escalations it missed. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../server/cli/kesu.ts';
import { ROOT, starterIntake } from '../support/policies.ts';

async function explain(template: string, input: unknown, lang: string) {
  const file = join(mkdtempSync(join(tmpdir(), 'kesu-')), 'case.json');
  writeFileSync(file, JSON.stringify(input));
  const out: string[] = [];
  const code = await main(['explain', template, file, '--lang', lang], {
    out: (line) => out.push(line),
    err: (line) => out.push(line),
    env: {},
  });
  return { code, out: out.join('\n') };
}

/** An example of a template as a case file: its received time, intake and steps. */
function exampleCase(path: string, id: string) {
  const examples = JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as Record<string, unknown>[];
  const { receivedAt, intake, steps } = examples.find((example) => example.id === id)!;
  return { receivedAt, intake, steps };
}

describe('kesu explain on clocks', () => {
  const reclassified = exampleCase(
    'rulesets/education-company/examples/03-lifecycle.json',
    'reclassifiedMajorNotifies',
  );

  it.each<[string, string]>([
    [
      'en',
      'from 2026-03-10 15:00: 1 working day(s) instead of 5 working day(s), since Severity changed General [general] → Major [major] ← staff sunxz',
    ],
    [
      'zh-CN',
      '2026-03-10 15:00 起改为 1 个工作日 (原为 5 个工作日): 严重程度 由 一般 [general] 改为 重大 [major] ← 人员 sunxz',
    ],
  ])('gives the row a reclassification chose, with its reason (%s)', async (lang, line) => {
    const { code, out } = await explain('education-company', reclassified, lang);
    expect(code).toBe(0);
    expect(out).toContain(line);
  });

  it.each<[string, string]>([
    [
      'en',
      'escalation level 1 missed: due at 2026-03-04 10:00, passed when the clock stopped (counted late)',
    ],
    ['zh-CN', '错过第 1 级升级: 应于 2026-03-04 10:00 升级, 时钟停止时已过 (按逾期计)'],
  ])('names the escalations a clock stopped past them missed (%s)', async (lang, line) => {
    const { out } = await explain(
      'starter',
      {
        receivedAt: '2026-03-02T10:00:00+08:00',
        intake: starterIntake(),
        steps: [
          {
            at: '2026-03-05T11:00:00+08:00',
            actor: { user: 'wang', roles: ['supervisor'] },
            transition: 'markInvalid',
          },
        ],
      },
      lang,
    );
    expect(out).toContain(line);
  });
});
