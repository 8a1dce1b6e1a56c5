import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../server/cli/kesu.ts';
import { ROOT } from '../support/policies.ts';

const CASE = join(ROOT, 'rulesets/manufacturing-quality/cases/quality-1500-spring-festival.json');

async function explainJson(lang: string) {
  const out: string[] = [];
  const code = await main(['explain', 'manufacturing-quality', CASE, '--json', '--lang', lang], {
    out: (l) => out.push(l),
    err: (l) => out.push(l),
    env: {},
  });
  expect(code).toBe(0);
  return JSON.parse(out.join('\n'));
}

describe('kesu explain --json', () => {
  it('answers the documented keys, ids with their labels in the language asked for', async () => {
    const en = await explainJson('en');
    expect(Object.keys(en)).toEqual([
      'at',
      'state',
      'number',
      'categories',
      'decisions',
      'approverChain',
      'clocks',
    ]);
    expect(en.state).toEqual({ id: 'registering', label: 'To be registered' });
    expect(en.categories[0]).toEqual({
      dimension: 'cause',
      label: 'Cause',
      value: 'quality',
      valueLabel: 'Quality abnormality',
      source: { kind: 'form', field: 'preliminaryCause' },
    });
    expect(en.decisions[0]).toMatchObject({
      type: 'assign',
      source: { kind: 'rule', ruleSet: 'routing', rule: 'routeToGmOffice' },
      why: ['all → true', '  state ("registering") equal "registering" → true'],
    });
    expect(en.approverChain).toMatchObject({
      amount: 1500,
      currency: 'CNY',
      basis: 'preview',
      row: 'oneToTenThousand',
      steps: [
        { role: 'salesManager', authorityLimit: 1000, status: 'pending' },
        { role: 'deputyGM', authorityLimit: 10000, status: 'pending' },
      ],
    });
    const investigation = en.clocks.find((c: { id: string }) => c.id === 'investigation');
    expect(investigation).toMatchObject({
      due: '2026-02-25T17:30:00+08:00',
      duration: { amount: 3, unit: 'workingDays' },
      totalMinutes: 1440,
      overdue: false,
    });
    expect(Object.keys(investigation)).toEqual([
      'id',
      'label',
      'status',
      'due',
      'overdue',
      'elapsedMinutes',
      'totalMinutes',
      'duration',
      'durationSource',
      'intervals',
      'pauses',
      'days',
      'closeOf',
      'outsideCoverage',
      'missedEscalations',
    ]);
    expect(investigation.days).toContainEqual({
      date: '2026-02-15',
      kind: 'holiday',
      name: 'Spring Festival',
    });

    const zh = await explainJson('zh-CN');
    expect(zh.state.label).toBe('待登记');
    expect(zh.decisions[0].why).toEqual([
      '全部满足 → 成立',
      '  state ("registering") = "registering" → 成立',
    ]);
    expect(zh.clocks.map((c: { due: string }) => c.due)).toEqual(
      en.clocks.map((c: { due: string }) => c.due),
    );
  });
});
