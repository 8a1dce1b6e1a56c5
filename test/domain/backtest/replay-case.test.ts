import { describe, expect, it } from 'vitest';
import { compareOutcomes } from '../../../server/domain/backtest/compare-outcomes.ts';
import { replayCase, type RecordedCase } from '../../../server/domain/backtest/replay-case.ts';
import { isOpened } from '../../../server/domain/backtest/replay-outcome.ts';
import type { Policy } from '../../../server/domain/policy/format.ts';
import { happy } from '../../support/happy-path.ts';
import { buildContext, loadCheckedPolicy } from '../../support/policies.ts';

const manufacturing = loadCheckedPolicy('rulesets/manufacturing-quality');
const NOW = Date.parse('2026-06-01T00:00:00+08:00');

function changed(change: (policy: Policy) => void): Policy {
  const policy = structuredClone(manufacturing);
  change(policy);
  return policy;
}

/** The happy path, its remedy at `amount`, approved by the sales manager and the deputy GM. */
function recorded(amount: number, registerAt = '2026-03-09T14:00:00+08:00'): RecordedCase {
  const actions = (happy.steps ?? []).flatMap((step) => {
    const data = step.data as Record<string, unknown> | undefined;
    const at = step.transition === 'register' ? registerAt : step.at;
    const base = { transition: step.transition, at, actor: step.actor, ...(data ? { data } : {}) };
    if (step.transition === 'proposeRemedy') return [{ ...base, data: { ...data, amount } }];
    if (step.transition !== 'approve') return [base];
    return [
      base,
      {
        transition: 'approve',
        at: '2026-03-12T09:30:00+08:00',
        actor: { user: 'zhao.gang', roles: ['deputyGM'] },
        data: { comment: '同意' },
      },
    ];
  });
  return {
    id: 'c1',
    number: 'KS-1',
    receivedAt: happy.receivedAt,
    intake: happy.intake,
    openedBy: { user: 'zhang.wei', roles: ['sales'] },
    actions,
  };
}

describe('replaying a recorded case through a policy', () => {
  it('gives the same outcome twice under the same policy: no differences', async () => {
    const context = buildContext(manufacturing);
    const a = await replayCase(context, recorded(1500), NOW);
    const b = await replayCase(context, recorded(1500), NOW);
    expect(a.case?.state).toBe('closed');
    expect(a.outcome.refused).toEqual([]);
    expect(compareOutcomes(a.outcome, b.outcome)).toEqual([]);
  });

  it('names the matrix row that chose the chain, and the role a raised limit no longer needs', async () => {
    const raised = changed((policy) => {
      const [below, middle] = policy.approvals.rows;
      below!.max = 2000;
      middle!.min = 2000;
    });
    const before = await replayCase(buildContext(manufacturing), recorded(1500), NOW);
    const after = await replayCase(buildContext(raised), recorded(1500), NOW);
    if (!isOpened(before.outcome) || !isOpened(after.outcome)) throw new Error('not opened');
    expect(before.outcome.chains[0]).toMatchObject({
      amount: 1500,
      row: 'approvals/oneToTenThousand',
      roles: ['salesManager', 'deputyGM'],
    });
    const differences = compareOutcomes(before.outcome, after.outcome);
    expect(differences).toContainEqual({
      kind: 'approvers',
      amount: 1500,
      added: [],
      removed: ['deputyGM'],
      fromRow: 'approvals/oneToTenThousand',
      toRow: 'approvals/belowOneThousand',
    });
    // The deputy GM's recorded approval has nothing left to approve under the draft.
    expect(differences.find((d) => d.kind === 'refused')).toMatchObject({
      transition: 'approve',
      from: null,
    });
  });

  it('turns a late registration on time when the deadline is longer', async () => {
    // Registered two working days after receipt: late against one working day.
    const lateRegister = recorded(800, '2026-03-11T11:00:00+08:00');
    const longer = changed((policy) => {
      policy.clocks.registration!.duration = { amount: 3, unit: 'workingDays' };
    });
    const before = await replayCase(buildContext(manufacturing), lateRegister, NOW);
    const after = await replayCase(buildContext(longer), lateRegister, NOW);
    const clock = compareOutcomes(before.outcome, after.outcome).find((d) => d.kind === 'clock');
    expect(clock).toMatchObject({ clock: 'registration', fromLate: true, toLate: false });
  });

  it('notes an intake the draft refuses, with its code', async () => {
    const stricter = changed((policy) => {
      policy.forms.intake!.schema = {
        ...policy.forms.intake!.schema,
        required: [...((policy.forms.intake!.schema.required as string[]) ?? []), 'nowRequired'],
      };
    });
    const before = await replayCase(buildContext(manufacturing), recorded(800), NOW);
    const after = await replayCase(buildContext(stricter), recorded(800), NOW);
    expect(after.case).toBeNull();
    expect(compareOutcomes(before.outcome, after.outcome)).toEqual([
      { kind: 'intake', from: null, to: 'form_invalid' },
    ]);
  });
});
