import { describe, expect, it } from 'vitest';
import { applyAction } from '../../../server/domain/case/apply-action.ts';
import type { Case, ClockState } from '../../../server/domain/case/case.ts';
import { explainCase } from '../../../server/domain/case/explain-case.ts';
import { openCase } from '../../../server/domain/case/open-case.ts';
import { scheduleClock } from '../../../server/domain/clocks/clock-schedule.ts';
import { startClock } from '../../../server/domain/clocks/clocks.ts';
import { sweepCase } from '../../../server/domain/clocks/sweep-clocks.ts';
import type { Policy } from '../../../server/domain/policy/format.ts';
import { actor, buildContext, buildPolicy, starterIntake } from '../../support/policies.ts';

// Received Monday 2026-03-02 10:00; the reply clock (2 working days) is due Wednesday 10:00, its
// second escalation one working day later (Thursday 10:00).
const escalating = buildPolicy((p) => {
  p.clocks.reply!.escalations = [
    { level: 1, actions: [{ type: 'notify', role: 'manager' }] },
    {
      level: 2,
      after: { amount: 1, unit: 'workingDays' },
      actions: [
        { type: 'notify', role: 'director' },
        { type: 'raiseSeverity', dimension: 'severity' },
      ],
    },
  ];
});

// The reply clock from a table by severity: major 4 working hours, else 2 working days; a
// supervisor may reclassify while the case is registered.
const tabled = buildPolicy((p) => {
  p.durationTables = {
    replyBySeverity: {
      rows: [
        {
          id: 'major',
          when: { severity: ['major'] },
          duration: { amount: 4, unit: 'workingHours' },
        },
      ],
      default: { amount: 2, unit: 'workingDays' },
    },
  };
  p.clocks.reply!.duration = { table: 'replyBySeverity' };
  p.workflow.transitions.push({
    id: 'reclassify',
    label: { 'zh-CN': '调整分类', en: 'Reclassify' },
    from: ['registered'],
    roles: ['supervisor'],
    effect: 'reclassify',
  });
});

async function opened(policy: Policy): Promise<Case> {
  return (
    await openCase(buildContext(policy), {
      id: 'c',
      number: '1',
      receivedAt: '2026-03-02T10:00:00+08:00',
      intake: starterIntake(),
      actor: actor('li', 'clerk'),
    })
  ).case;
}

const markInvalid = (policy: Policy, current: Case, at: string) =>
  applyAction(buildContext(policy), current, {
    transition: 'markInvalid',
    actor: actor('wang', 'supervisor'),
    at,
  });

const reclassify = (current: Case, value: string, at: string) =>
  applyAction(buildContext(tabled), current, {
    transition: 'reclassify',
    data: { dimension: 'severity', value, reason: '媒体关注' },
    actor: actor('wang', 'supervisor'),
    at,
  });

describe('a clock stopped past its escalations, before any sweep', () => {
  it('records each level passed as missed, with its moment, and still raises the category', async () => {
    const { case: closed, events } = await markInvalid(
      escalating,
      await opened(escalating),
      '2026-03-05T11:00:00+08:00',
    );
    expect(closed.clocks.reply?.missedEscalations).toEqual([
      { level: 1, at: '2026-03-04T10:00:00+08:00' },
      { level: 2, at: '2026-03-05T10:00:00+08:00' },
    ]);
    expect(events.filter((e) => e.type === 'clockEscalationMissed').map((e) => e.data)).toEqual([
      {
        clock: 'reply',
        level: 1,
        missedAt: '2026-03-04T10:00:00+08:00',
        due: '2026-03-04T10:00:00+08:00',
      },
      {
        clock: 'reply',
        level: 2,
        missedAt: '2026-03-05T10:00:00+08:00',
        due: '2026-03-04T10:00:00+08:00',
      },
    ]);
    // What the case is counted as follows the breach; nobody is told after the fact.
    expect(closed.categories.severity).toBe('major');
    expect(closed.notifications).toEqual([]);
  });

  it.each<[string, string, number[]]>([
    ['before the due time: none', '2026-03-04T09:59:00+08:00', []],
    [
      'exactly at the due time: on time, as the timely rate counts it',
      '2026-03-04T10:00:00+08:00',
      [],
    ],
    ['between the levels: the first', '2026-03-04T17:00:00+08:00', [1]],
  ])('stopped %s', async (_description, at, levels) => {
    const { case: closed } = await markInvalid(escalating, await opened(escalating), at);
    expect((closed.clocks.reply?.missedEscalations ?? []).map((m) => m.level)).toEqual(levels);
  });

  it('misses only the levels no sweep raised', async () => {
    const swept = await sweepCase(
      escalating,
      await opened(escalating),
      '2026-03-04T10:30:00+08:00',
    );
    expect(swept.case.clocks.reply?.escalated).toEqual([1]);
    const { case: closed } = await markInvalid(escalating, swept.case, '2026-03-05T11:00:00+08:00');
    expect(closed.clocks.reply?.missedEscalations).toEqual([
      { level: 2, at: '2026-03-05T10:00:00+08:00' },
    ]);
  });
});

describe('a duration chosen by a table', () => {
  it('is worked out again from the start when the category it reads changes', async () => {
    const current = await opened(tabled);
    expect(current.clocks.reply?.schedule?.dueAt).toBe('2026-03-04T10:00:00+08:00');
    const { case: raised, events } = await reclassify(
      current,
      'major',
      '2026-03-02T11:00:00+08:00',
    );
    const clock = raised.clocks.reply!;
    // 4 working hours from Monday 10:00: 10–12 and 13–15.
    expect(clock.schedule?.dueAt).toBe('2026-03-02T15:00:00+08:00');
    expect(clock.durationSource).toMatchObject({ table: 'replyBySeverity', row: 'major' });
    expect(clock.durationChanges).toEqual([
      {
        at: '2026-03-02T11:00:00+08:00',
        from: {
          duration: { amount: 2, unit: 'workingDays' },
          source: { kind: 'table', table: 'replyBySeverity', row: 'default' },
        },
        to: {
          duration: { amount: 4, unit: 'workingHours' },
          source: { kind: 'table', table: 'replyBySeverity', row: 'major' },
        },
        reason: {
          dimension: 'severity',
          from: 'general',
          to: 'major',
          at: '2026-03-02T11:00:00+08:00',
          source: { kind: 'staff', user: 'wang', reason: '媒体关注' },
        },
      },
    ]);
    expect(events.map((e) => e.type)).toContain('clockDurationChanged');
  });

  it('goes back to the longer row when the category is lowered again', async () => {
    const raised = await reclassify(await opened(tabled), 'major', '2026-03-02T11:00:00+08:00');
    const lowered = await reclassify(raised.case, 'general', '2026-03-02T11:30:00+08:00');
    expect(lowered.case.clocks.reply?.schedule?.dueAt).toBe('2026-03-04T10:00:00+08:00');
    expect(lowered.case.clocks.reply?.durationChanges).toHaveLength(2);
  });

  it('follows a category an escalation raised', async () => {
    const policy = structuredClone(tabled);
    policy.clocks.reply!.warnings = [
      { level: 1, atFraction: 0.1, actions: [{ type: 'raiseSeverity', dimension: 'severity' }] },
    ];
    // 10% of 2 working days (96 min) from Monday 10:00 is 11:36; the major row is then due 15:00.
    const swept = await sweepCase(policy, await opened(policy), '2026-03-02T11:40:00+08:00');
    expect(swept.case.categories.severity).toBe('major');
    expect(swept.case.clocks.reply?.schedule?.dueAt).toBe('2026-03-02T15:00:00+08:00');
    expect(swept.case.clocks.reply?.durationChanges?.[0]?.reason?.source).toMatchObject({
      kind: 'rule',
      rule: 'reply:warning:1',
    });
  });

  it('is shown with its change in the case’s explanation', async () => {
    const explanation = await explainCase(buildContext(tabled), {
      receivedAt: '2026-03-02T10:00:00+08:00',
      intake: starterIntake(),
      steps: [
        {
          at: '2026-03-02T11:00:00+08:00',
          actor: actor('wang', 'supervisor'),
          transition: 'reclassify',
          data: { dimension: 'severity', value: 'major' },
        },
      ],
    });
    const reading = explanation.clocks.find((clock) => clock.id === 'reply')!;
    expect(reading.due).toBe('2026-03-02T15:00:00+08:00');
    expect(reading.durationChanges?.[0]?.reason).toMatchObject({ dimension: 'severity' });
  });

  it('records no change when another row gives the same duration, only the row it reads', async () => {
    const sameLength = structuredClone(tabled);
    sameLength.categories.severity!.values.minor = { label: { 'zh-CN': '轻微', en: 'Minor' } };
    sameLength.durationTables!.replyBySeverity!.rows.push({
      id: 'minor',
      when: { severity: ['minor'] },
      duration: { amount: 2, unit: 'workingDays' },
    });
    const current = await opened(sameLength);
    const { case: moved, events } = await applyAction(buildContext(sameLength), current, {
      transition: 'reclassify',
      data: { dimension: 'severity', value: 'minor', reason: '轻微' },
      actor: actor('wang', 'supervisor'),
      at: '2026-03-02T11:00:00+08:00',
    });
    const clock = moved.clocks.reply!;
    expect(clock.schedule?.dueAt).toBe('2026-03-04T10:00:00+08:00');
    expect(clock.durationChanges).toBeUndefined();
    expect(clock.durationSource).toMatchObject({ row: 'minor' });
    expect(events.map((e) => e.type)).not.toContain('clockDurationChanged');
  });

  it('stays as it was once the clock has stopped', async () => {
    const closed = await markInvalid(tabled, await opened(tabled), '2026-03-02T11:00:00+08:00');
    expect(closed.case.clocks.reply?.durationChanges).toBeUndefined();
  });
});

describe('the moment of an escalation past due', () => {
  // Due Wednesday 10:00, paused Wednesday 11:00 to Thursday 11:00: the second escalation (one
  // working day past due) comes Friday 10:00, the paused day not counted.
  const paused: ClockState = {
    ...startClock(escalating, 'reply', {}, '2026-03-02T10:00:00+08:00'),
    pauses: [{ from: '2026-03-04T11:00:00+08:00', to: '2026-03-05T11:00:00+08:00' }],
  };

  it.each<[string, ClockState]>([
    ['from the schedule', scheduleClock(escalating, paused)],
    ['without one', paused],
  ])('counts pauses the same way %s', async (_description, clock) => {
    const current = {
      ...(await opened(escalating)),
      clocks: { reply: { ...clock, escalated: [1] } },
    };
    const levels = async (now: string) =>
      (await sweepCase(escalating, current, now)).events
        .filter((e) => e.type === 'clockEscalated')
        .map((e) => e.data.level);
    expect(await levels('2026-03-05T15:00:00+08:00')).toEqual([]);
    expect(await levels('2026-03-06T10:00:00+08:00')).toEqual([2]);
  });
});
