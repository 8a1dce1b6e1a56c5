import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicyDocument } from '../../server/adapters/files/policy-files.ts';
import { listTemplates, RULESETS_DIR } from '../../server/adapters/files/template-library.ts';
import { assessmentRule } from '../../server/app/reports/assess-people.ts';
import { remedyApprovers } from '../../server/domain/approvals/approvals.ts';
import { resolvePart } from '../../server/domain/policy/check/check-assumptions.ts';
import { runExample } from '../../server/domain/examples/run-examples.ts';
import type { Policy, PolicyExample } from '../../server/domain/policy/format.ts';
import { buildContext, loadCheckedPolicy } from '../support/policies.ts';

// A template follows its source; what the source does not state is declared as an assumption.
const templates = listTemplates(RULESETS_DIR, RULESETS_DIR);

describe.each(templates)('template $id', (template) => {
  const document = loadPolicyDocument(join(RULESETS_DIR, template.path)) as {
    assumptions?: { part: string; note: { 'zh-CN': string; en: string } }[];
  };

  it('declares what its source does not state, each about a part it has', () => {
    expect(document.assumptions?.length ?? 0).toBeGreaterThan(0);
    for (const { part } of document.assumptions ?? [])
      expect(resolvePart(document, part), `assumption about ${part}`).toBeDefined();
  });
});

describe('dairy-food against 客诉处理办法 (seed 002)', () => {
  const dairy = loadCheckedPolicy('rulesets/dairy-food');

  it.each([
    ['products, a few cases of milk', 'product', 120],
    ['products, a high claim', 'product', 5000],
    ['cash, small', 'cash', 100],
    ['cash, a high claim', 'cash', 50000],
  ])(
    'has the top executive decide the payout (4.1), with no amount bands: %s',
    (_what, compensation, amount) => {
      const { roles } = remedyApprovers(dairy, amount, { level: 'C', compensation }, []);
      expect(roles).toEqual(['gm']);
    },
  );

  it('has the head of technical quality review an A-level payout before the top executive decides', () => {
    const { roles } = remedyApprovers(dairy, 200, { level: 'A', compensation: 'product' }, []);
    expect(roles).toEqual(['qualityHead', 'gm']);
  });

  it('gives no role an authority limit the source does not state', () => {
    expect(Object.values(dairy.roles).filter((role) => role.authorityLimit !== undefined)).toEqual(
      [],
    );
  });

  const intakeOf = (policy: Policy, change: Record<string, unknown>) => {
    const base = policy.examples.find((example) => example.id === 'numberingAndIntakeDeadlines');
    if (!base) throw new Error('the dairy template lost its numbering example');
    return { ...base.intake, ...change };
  };

  it.each([
    [
      'illness after consumption alone is not level A (3.3.1 names sampling and crises)',
      { healthHarm: true },
      'C',
    ],
    ['a failed regulator sampling is level A', { source: 'regulatorSampling' }, 'A'],
    ['a crisis event is level A', { crisisEvent: true }, 'A'],
  ])('%s', async (_what, change, level) => {
    const example: PolicyExample = {
      id: 'levelAtIntake',
      title: { 'zh-CN': '受理时的等级' },
      receivedAt: '2026-03-10T10:00:00+08:00',
      intake: intakeOf(dairy, change),
      steps: [],
      expect: { categories: { level } },
    };
    const result = await runExample(buildContext(dairy), example);
    expect(result.failures).toEqual([]);
  });
});

describe('the penalties of 客户投诉管理制度 篇一 4.5 (seed 003)', () => {
  // 4.5.1–4.5.4: 2 complaints a month → 100 yuan, 3 → 200, 4 → 300, more than 5 and serious → dismissal.
  it.each(['car-dealership', 'pharma-distributor'])(
    '%s charges 100, 200, 300 yuan and names dismissal only beyond five',
    (id) => {
      const policy = loadCheckedPolicy(`rulesets/${id}`);
      const at = (count: number) => assessmentRule(policy, count);
      expect([2, 3, 4, 5, 6].map((count) => at(count)?.penaltyAmount)).toEqual([
        100, 200, 300, 300, 300,
      ]);
      for (const count of [2, 3, 4, 5])
        expect(at(count)?.consequence['zh-CN'], `${count} a month`).not.toContain('辞退');
      expect(at(6)?.consequence['zh-CN']).toContain('辞退');
    },
  );
});

describe('jewelry-retail against its 顾客投诉管理手册 (seed 000)', () => {
  const jewelry = loadCheckedPolicy('rulesets/jewelry-retail');

  // A major complaint is one "the media may report"; a crisis one with a heavy loss and wide
  // reporting or litigation to face.
  it.each([
    [
      'a complaint to the media is major, not a crisis by itself',
      { externalBody: 'media' },
      'major',
    ],
    ['a complaint to the courts is a crisis', { externalBody: 'court' }, 'crisis'],
  ])('%s', async (_what, change, severity) => {
    const base = jewelry.examples.find((example) => example.id === 'mediaIsMajor');
    if (!base) throw new Error('the jewelry template lost its media example');
    const example: PolicyExample = {
      id: 'severityAtIntake',
      title: { 'zh-CN': '受理时的性质' },
      receivedAt: base.receivedAt,
      intake: { ...base.intake, ...change },
      steps: [],
      expect: { categories: { severity } },
    };
    const result = await runExample(buildContext(jewelry), example);
    expect(result.failures).toEqual([]);
  });
});
