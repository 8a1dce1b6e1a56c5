import { describe, expect, it } from 'vitest';
import type { Case } from '../../../server/domain/case/case.ts';
import {
  migrateCase,
  planMigration,
  type PastMoment,
} from '../../../server/domain/case/migrate-case.ts';
import type { ClockTrigger, Policy } from '../../../server/domain/policy/format.ts';
import { buildContext, buildPolicy } from '../../support/policies.ts';
import { act, clerk, open, supervisor } from './lifecycle-fixtures.ts';

const AT = Date.parse('2026-03-03T09:00:00+08:00');

/** Starter case c1 with a 1,500-yuan remedy the supervisor approved; the manager's step pending. */
async function halfApproved(): Promise<Case> {
  const context = buildContext();
  const proposed = await act(context, await open(context), 'propose', clerk, {
    type: 'compensation',
    amount: 1500,
  });
  return act(context, proposed, 'approve', supervisor, {}, '2026-03-02T12:00:00+08:00');
}

describe('migrateCase', () => {
  it('carries a case to an unchanged policy as it is', async () => {
    const current = await halfApproved();
    const policy = buildPolicy();
    expect(migrateCase(planMigration(policy, policy), current, AT)).toEqual({
      movable: true,
      case: current,
      clocks: [],
    });
  });

  it('re-times running clocks from their start under the new duration', async () => {
    const current = await halfApproved();
    const to = buildPolicy((p) => {
      p.clocks.reply!.duration = { amount: 1, unit: 'workingDays' };
    });
    const moved = migrateCase(planMigration(buildPolicy(), to), current, AT);
    expect(moved.movable).toBe(true);
    if (!moved.movable) return;
    const [change] = moved.clocks;
    expect(change?.clock).toBe('reply');
    expect(change?.after).not.toBe(change?.before);
    expect(moved.case.clocks.reply?.duration).toEqual({ amount: 1, unit: 'workingDays' });
    expect(moved.case.clocks.reply?.schedule?.dueAt).toBe(change?.after);
  });

  it('re-times a clock whose calendar changed, though its definition did not', async () => {
    const current = await halfApproved();
    const to = buildPolicy((p) => {
      p.calendars.office!.holidays.push({ date: '2026-03-03', name: { 'zh-CN': '停工' } });
    });
    expect(migrateCase(planMigration(buildPolicy(), to), current, AT)).toMatchObject({
      movable: true,
      clocks: [
        { clock: 'reply', before: '2026-03-04T10:00:00+08:00', after: '2026-03-05T10:00:00+08:00' },
      ],
    });
  });

  it('re-times a paused clock from its start and pauses', async () => {
    const paused = await halfApproved();
    const reply = paused.clocks.reply!;
    const { schedule: _schedule, ...rest } = reply;
    const current = {
      ...paused,
      clocks: {
        reply: {
          ...rest,
          status: 'paused' as const,
          pauses: [{ from: '2026-03-02T11:00:00+08:00' }],
        },
      },
    };
    const to = buildPolicy((p) => {
      p.clocks.reply!.duration = { amount: 3, unit: 'workingDays' };
    });
    const moved = migrateCase(planMigration(buildPolicy(), to), current, AT);
    expect(moved).toMatchObject({ movable: true, clocks: [{ clock: 'reply' }] });
    if (!moved.movable) return;
    expect(moved.case.clocks.reply).toMatchObject({ status: 'paused', duration: { amount: 3 } });
    expect(moved.case.clocks.reply?.schedule).toBeUndefined();
  });

  it('keeps approvals given and asks only what the new matrix needs', async () => {
    const current = await halfApproved();
    const to = buildPolicy((p) => {
      p.approvals.rows[0]!.max = 2000;
      p.approvals.rows[1]!.min = 2000;
    });
    const moved = migrateCase(planMigration(buildPolicy(), to), current, AT);
    expect(moved).toMatchObject({
      movable: true,
      approvers: { before: ['manager'], after: [] },
    });
    if (!moved.movable) return;
    expect(moved.case.remedy?.chain).toEqual([current.remedy?.chain[0]]);
    expect(moved.case.remedy?.chainSource).toEqual([
      { kind: 'table', table: 'approvals', row: 'upTo1000' },
    ]);
  });

  it.each([
    {
      description: 'its state is gone',
      change: (p: Policy) => void delete p.workflow.states.approving,
      reason: { code: 'state_missing', params: { state: 'approving' } },
    },
    {
      description: 'its state is terminal',
      change: (p: Policy) => void (p.workflow.states.approving!.terminal = 'closed'),
      reason: { code: 'state_terminal', params: { state: 'approving' } },
    },
    {
      description: 'a category value is gone',
      change: (p: Policy) => void delete p.categories.severity!.values.general,
      reason: { code: 'category_invalid', params: { dimension: 'severity', value: 'general' } },
    },
    {
      description: 'a clock is gone',
      change: (p: Policy) => void delete p.clocks.reply,
      reason: { code: 'clock_missing', params: { clock: 'reply' } },
    },
    {
      description: 'no band covers the remedy',
      change: (p: Policy) => void (p.approvals.rows = [p.approvals.rows[0]!]),
      reason: { code: 'approval_row_missing', params: { amount: 1500 } },
    },
  ])('leaves the case where it is when $description', async ({ change, reason }) => {
    const moved = migrateCase(
      planMigration(buildPolicy(), buildPolicy(change)),
      await halfApproved(),
      AT,
    );
    expect(moved).toEqual({ movable: false, reasons: [reason] });
  });

  it('leaves a case whose required approver role the new version lacks', async () => {
    const current = { ...(await halfApproved()), requiredApprovals: ['legal'] };
    const from = buildPolicy((p) => {
      p.roles.legal = { label: { 'zh-CN': '法务' } };
    });
    expect(migrateCase(planMigration(from, buildPolicy()), current, AT)).toEqual({
      movable: false,
      reasons: [{ code: 'approval_role_missing', params: { role: 'legal' } }],
    });
  });

  describe('clocks only the new version has', () => {
    /** The starter's moments for halfApproved: opened, proposed at 11:00, approved at 12:00. */
    const moments: PastMoment[] = [
      { caseOpened: true, state: 'registered', at: '2026-03-02T10:00:00+08:00' },
      { transition: 'propose', state: 'approving', at: '2026-03-02T11:00:00+08:00' },
      { transition: 'approve', state: 'approving', at: '2026-03-02T12:00:00+08:00' },
    ];
    /** The starter plus clock `id` on the office calendar: 5 working days, started and stopped as told. */
    const withClock = (
      id: string,
      start: ClockTrigger[],
      stop: ClockTrigger[],
      pauseIn?: string[],
    ) =>
      buildPolicy((p) => {
        p.clocks[id] = {
          label: { 'zh-CN': '新时限', en: 'New clock' },
          calendar: 'office',
          duration: { amount: 5, unit: 'workingDays' },
          start,
          stop,
          ...(pauseIn ? { pauseIn } : {}),
        };
      });

    it('starts one whose trigger the case passed, at the time it passed it', async () => {
      const to = withClock('closure', [{ event: 'caseOpened' }], [{ transition: 'close' }]);
      const moved = migrateCase(
        planMigration(buildPolicy(), to),
        await halfApproved(),
        AT,
        moments,
      );
      expect(moved).toMatchObject({
        movable: true,
        clocks: [
          {
            clock: 'closure',
            before: null,
            after: '2026-03-09T10:00:00+08:00',
            started: { at: '2026-03-02T10:00:00+08:00', status: 'running' },
          },
        ],
      });
      if (!moved.movable) return;
      expect(moved.case.clocks.closure).toMatchObject({
        status: 'running',
        startedAt: '2026-03-02T10:00:00+08:00',
        schedule: { dueAt: '2026-03-09T10:00:00+08:00' },
      });
    });

    it('starts one from a later transition, and records one whose stop already came as stopped', async () => {
      const plan = planMigration(
        buildPolicy(),
        withClock('approval', [{ transition: 'propose' }], [{ transition: 'approve' }]),
      );
      const moved = migrateCase(plan, await halfApproved(), AT, moments);
      expect(moved).toMatchObject({
        movable: true,
        clocks: [{ clock: 'approval', before: null, started: { status: 'stopped' } }],
      });
      if (!moved.movable) return;
      expect(moved.case.clocks.approval).toMatchObject({
        startedAt: '2026-03-02T11:00:00+08:00',
        stoppedAt: '2026-03-02T12:00:00+08:00',
      });
    });

    it('pauses one in a state its definition pauses in', async () => {
      const to = withClock('closure', [{ event: 'caseOpened' }], [], ['approving']);
      const moved = migrateCase(
        planMigration(buildPolicy(), to),
        await halfApproved(),
        AT,
        moments,
      );
      if (!moved.movable) throw new Error('expected the case to move');
      expect(moved.case.clocks.closure).toMatchObject({
        status: 'paused',
        pauses: [{ from: '2026-03-02T11:00:00+08:00' }],
      });
    });

    it('leaves one the case never triggered, or when no moments are known', async () => {
      const current = await halfApproved();
      const later = withClock('followUp', [{ transition: 'close' }], []);
      expect(migrateCase(planMigration(buildPolicy(), later), current, AT, moments)).toEqual({
        movable: true,
        case: current,
        clocks: [],
      });
      const opened = withClock('closure', [{ event: 'caseOpened' }], []);
      expect(migrateCase(planMigration(buildPolicy(), opened), current, AT)).toMatchObject({
        movable: true,
        clocks: [],
      });
    });
  });
});
