import { describe, expect, it } from 'vitest';
import type { Case } from '../../../server/domain/case/case.ts';
import { openCase } from '../../../server/domain/case/open-case.ts';
import { sweepCase } from '../../../server/domain/clocks/sweep-clocks.ts';
import { actor, buildContext, buildPolicy, starterIntake } from '../../support/policies.ts';

// Received Monday 2026-03-02 10:00; the reply clock (2 working days) is due Wednesday 10:00.
const policy = buildPolicy((p) => {
  p.clocks.reply!.escalations = [
    { level: 1, actions: [{ type: 'remind' }] },
    {
      level: 2,
      after: { amount: 1, unit: 'workingDays' },
      actions: [
        { type: 'notify', role: 'manager' },
        { type: 'raiseSeverity', dimension: 'severity' },
        { type: 'reassign', role: 'supervisor' },
      ],
    },
  ];
});

async function opened(): Promise<Case> {
  const context = buildContext(policy);
  return (
    await openCase(context, {
      id: 'c',
      number: '1',
      receivedAt: '2026-03-02T10:00:00+08:00',
      intake: starterIntake(),
      actor: actor('li', 'clerk'),
    })
  ).case;
}

describe('the clock sweep', () => {
  it.each<[string, string, string[]]>([
    ['nothing before 75%', '2026-03-03T12:00:00+08:00', []],
    ['the warning at 75% of the working time', '2026-03-03T15:00:00+08:00', ['clockWarning']],
    [
      'the first escalation at the due time',
      '2026-03-04T10:00:01+08:00',
      ['clockWarning', 'clockEscalated'],
    ],
    [
      'the second one working day past due, over a weekend',
      '2026-03-05T10:00:00+08:00',
      ['clockWarning', 'clockEscalated', 'clockEscalated'],
    ],
  ])('raises %s', async (_description, now, types) => {
    const { events } = await sweepCase(policy, await opened(), now);
    expect(events.filter((e) => e.type.startsWith('clock')).map((e) => e.type)).toEqual(types);
  });

  it('applies each level exactly once, however often it sweeps', async () => {
    let current = await opened();
    const counts: number[] = [];
    for (const now of [
      '2026-03-04T10:00:01+08:00',
      '2026-03-04T11:00:00+08:00',
      '2026-03-06T10:00:00+08:00',
      '2026-03-06T10:00:00+08:00',
    ]) {
      const swept = await sweepCase(policy, current, now);
      current = swept.case;
      counts.push(swept.events.filter((e) => e.type === 'clockEscalated').length);
    }
    expect(counts).toEqual([1, 0, 1, 0]);
    expect(current.clocks.reply).toMatchObject({ warned: [1], escalated: [1, 2] });
    expect(current.categories.severity).toBe('major');
    expect(current.assignee.role).toBe('supervisor');
    // The warning and the first escalation both remind the assignee.
    expect(current.notifications.map((n) => n.role)).toEqual(['assignee', 'assignee', 'manager']);
  });

  it('leaves stopped clocks alone', async () => {
    const current = await opened();
    const stopped = {
      ...current,
      clocks: {
        reply: {
          ...current.clocks.reply!,
          status: 'stopped' as const,
          stoppedAt: '2026-03-02T11:00:00+08:00',
        },
      },
    };
    expect((await sweepCase(policy, stopped, '2026-04-01T10:00:00+08:00')).events).toEqual([]);
  });

  it('runs the "always" rules after an escalation raised the severity', async () => {
    const reacting = buildPolicy((p) => {
      p.clocks.reply!.escalations = [
        { level: 1, actions: [{ type: 'raiseSeverity', dimension: 'severity' }] },
      ];
      p.ruleSets.push({
        id: 'afterwards',
        on: 'always',
        rules: [
          {
            name: 'majorIsFlagged',
            conditions: {
              all: [{ fact: 'categories', path: '$.severity', operator: 'equal', value: 'major' }],
            },
            event: { type: 'flag', params: { flag: 'escalated' } },
          },
        ],
      });
    });
    const context = buildContext(reacting);
    const opened = (
      await openCase(context, {
        id: 'c',
        number: '1',
        receivedAt: '2026-03-02T10:00:00+08:00',
        intake: starterIntake(),
        actor: actor('li', 'clerk'),
      })
    ).case;
    const swept = await sweepCase(reacting, opened, '2026-03-04T10:00:01+08:00');
    expect(swept.case.categories.severity).toBe('major');
    expect(swept.case.flags).toContain('escalated');
  });

  it('never lowers a severity, even when an escalation names a lower one', async () => {
    const lowering = buildPolicy((p) => {
      p.clocks.reply!.escalations = [
        { level: 1, actions: [{ type: 'raiseSeverity', dimension: 'severity', to: 'general' }] },
      ];
    });
    const opened = (
      await openCase(buildContext(lowering), {
        id: 'c',
        number: '1',
        receivedAt: '2026-03-02T10:00:00+08:00',
        intake: starterIntake({ amountSought: 9000 }),
        actor: actor('li', 'clerk'),
      })
    ).case;
    expect(opened.categories.severity).toBe('major');
    expect(
      (await sweepCase(lowering, opened, '2026-03-04T10:00:01+08:00')).case.categories.severity,
    ).toBe('major');
  });
});
