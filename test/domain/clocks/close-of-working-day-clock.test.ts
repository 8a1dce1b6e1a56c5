/**
 * A clock due by the close of the Nth working day, chosen by a duration table: its schedule, its
 * reading and the sweep's escalation past due agree, on the scheduled path and on the fallback.
 */
import { describe, expect, it } from 'vitest';
import type { Case } from '../../../server/domain/case/case.ts';
import { openCase } from '../../../server/domain/case/open-case.ts';
import { scheduleClock } from '../../../server/domain/clocks/clock-schedule.ts';
import { readClock, startClock } from '../../../server/domain/clocks/clocks.ts';
import { sweepCase } from '../../../server/domain/clocks/sweep-clocks.ts';
import { actor, buildContext, buildPolicy, starterIntake } from '../../support/policies.ts';

// Starter office hours 09:00–12:00 and 13:00–18:00; received Monday 2026-03-02 10:00.
const policy = buildPolicy((p) => {
  p.durationTables = {
    replyBySeverity: {
      rows: [
        {
          id: 'major',
          when: { severity: ['major'] },
          duration: { amount: 1, unit: 'closeOfWorkingDay' },
        },
      ],
      default: { amount: 3, unit: 'closeOfWorkingDay' },
    },
  };
  p.clocks.reply!.duration = { table: 'replyBySeverity' };
  p.clocks.reply!.escalations = [
    { level: 1, actions: [{ type: 'remind' }] },
    { level: 2, after: { amount: 1, unit: 'closeOfWorkingDay' }, actions: [{ type: 'remind' }] },
  ];
});
const RECEIVED = '2026-03-02T10:00:00+08:00';

describe('a clock due by the close of the Nth working day', () => {
  it('takes its row from the table and schedules the close, the warning and the escalations', () => {
    const clock = scheduleClock(
      policy,
      startClock(policy, 'reply', { severity: 'major' }, RECEIVED),
    );
    expect(clock.duration).toEqual({ amount: 1, unit: 'closeOfWorkingDay' });
    expect(clock.schedule).toEqual({
      dueAt: '2026-03-03T18:00:00+08:00',
      // 75% of the 15 working hours from Monday 10:00 to Tuesday's close.
      warnings: { 1: '2026-03-03T14:15:00+08:00' },
      escalations: { 1: '2026-03-03T18:00:00+08:00', 2: '2026-03-04T18:00:00+08:00' },
    });
    const reading = readClock(policy, clock, Date.parse('2026-03-03T14:15:00+08:00'));
    expect(reading.fraction).toBe(0.75);
    expect(reading.explanation.closeOf).toBe('2026-03-03');
  });

  it.each([
    ['on the scheduled path', true],
    ['on the fallback, without a schedule', false],
  ])('escalates at the close of the working day after due %s', async (_, scheduled) => {
    const opened: Case = (
      await openCase(buildContext(policy), {
        id: 'c',
        number: '1',
        receivedAt: RECEIVED,
        intake: starterIntake(),
        actor: actor('li', 'clerk'),
      })
    ).case;
    // The default row: three working days, due at Thursday's close.
    const due = opened.clocks.reply!.schedule!.dueAt;
    expect(due).toBe('2026-03-05T18:00:00+08:00');
    const { schedule: _schedule, ...bare } = opened.clocks.reply!;
    const current = scheduled ? opened : { ...opened, clocks: { reply: bare } };
    const escalated = async (now: string) =>
      (await sweepCase(policy, current, now)).events.filter((e) => e.type === 'clockEscalated')
        .length;
    // Level 2: the close of the first working day after due, Friday 18:00.
    expect(await escalated('2026-03-06T17:59:00+08:00')).toBe(1);
    expect(await escalated('2026-03-06T18:00:00+08:00')).toBe(2);
  });
});
