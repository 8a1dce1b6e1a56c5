import { describe, expect, it } from 'vitest';
import { BacktestCollector } from '../../../server/app/policies/backtest-report.ts';
import type { StoredCase } from '../../../server/app/ports/ports.ts';
import { replayCase } from '../../../server/domain/backtest/replay-case.ts';
import type { Policy } from '../../../server/domain/policy/format.ts';
import { happy } from '../../support/happy-path.ts';
import { buildContext, loadCheckedPolicy } from '../../support/policies.ts';

const manufacturing = loadCheckedPolicy('rulesets/manufacturing-quality');

function withPenalty(penaltyAmount: number, minCount: number): Policy {
  return {
    ...manufacturing,
    assessment: [
      {
        id: `from${minCount}`,
        label: { 'zh-CN': '考核', en: 'assessment' },
        period: 'month',
        minCount,
        consequence: { 'zh-CN': '扣款', en: 'deduction' },
        penaltyAmount,
      },
    ],
  };
}

async function closedCase() {
  return replayCase(
    buildContext(manufacturing),
    {
      id: 'c',
      number: 'n',
      receivedAt: happy.receivedAt,
      intake: happy.intake,
      openedBy: { user: 'clerk', roles: ['sales'] },
      actions: (happy.steps ?? []).map((step) => ({
        transition: step.transition,
        at: step.at,
        actor: step.actor,
        ...(step.data ? { data: step.data as Record<string, unknown> } : {}),
      })),
    },
    Date.parse('2026-06-01T00:00:00Z'),
  );
}

const stored = (id: string) =>
  ({
    case: { id, number: id, receivedAt: happy.receivedAt },
    policyVersion: 1,
    month: '2026-03',
  }) as StoredCase;

describe('the backtest report', () => {
  it('lists the assessment rows a draft changes, from the month’s count of valid complaints', async () => {
    const replay = await closedCase();
    const collector = new BacktestCollector();
    collector.add(stored('a'), replay, replay, []);
    collector.add(stored('b'), replay, replay, []);
    const report = collector.finish(withPenalty(100, 2), withPenalty(200, 2));
    expect(report.totals).toEqual({ replayed: 2, changed: 0, unchanged: 2, errors: 0 });
    expect(report.tables.assessment).toEqual([
      {
        person: expect.any(String),
        month: '2026-03',
        from: { count: 2, rule: 'from2', penaltyAmount: 100 },
        to: { count: 2, rule: 'from2', penaltyAmount: 200 },
      },
    ]);
    expect(collector.finish(withPenalty(100, 2), withPenalty(100, 3)).tables.assessment).toEqual([
      expect.objectContaining({ to: { count: 2, rule: null, penaltyAmount: null } }),
    ]);
    expect(collector.finish(withPenalty(100, 2), withPenalty(100, 2)).tables.assessment).toEqual(
      [],
    );
  });

  it('lists the first 500 affected cases and counts them all', async () => {
    const replay = await closedCase();
    const collector = new BacktestCollector();
    const difference = { kind: 'state' as const, from: 'closed', to: 'replied' };
    for (let i = 0; i < 501; i += 1) collector.add(stored(`c${i}`), replay, replay, [difference]);
    const report = collector.finish(manufacturing, manufacturing);
    expect(report.totals.changed).toBe(501);
    expect(report.affected).toHaveLength(500);
    expect(report.tables.states).toEqual([{ from: 'closed', to: 'replied', cases: 501 }]);
  });
});
