import { describe, expect, it } from 'vitest';
import { isSweepDue, scheduleClock } from '../../../server/domain/clocks/clock-schedule.ts';
import {
  pauseClock,
  readClock,
  resumeClock,
  startClock,
  stopClock,
} from '../../../server/domain/clocks/clocks.ts';
import { buildPolicy } from '../../support/policies.ts';

// Starter: reply clock, 2 working days (09:00–12:00, 13:00–18:00), warning at 75%, escalation at due.
const policy = buildPolicy();
const started = () =>
  scheduleClock(policy, startClock(policy, 'reply', {}, '2026-03-02T10:00:00+08:00'));

describe('clock schedules', () => {
  it('hold the due time readClock computes, and each level’s moment', () => {
    const clock = started();
    expect(clock.schedule).toEqual({
      dueAt: readClock(policy, clock, Date.parse('2026-03-02T10:00:00+08:00')).due,
      warnings: { 1: '2026-03-03T15:00:00+08:00' },
      escalations: { 1: '2026-03-04T10:00:00+08:00' },
    });
  });

  it('are dropped while paused, recomputed on resume with the pause counted out, kept on stop', () => {
    const paused = scheduleClock(policy, pauseClock(started(), '2026-03-02T11:00:00+08:00'));
    expect(paused.schedule).toBeUndefined();
    const resumed = scheduleClock(policy, resumeClock(paused, '2026-03-03T11:00:00+08:00'));
    expect(resumed.schedule?.dueAt).toBe('2026-03-05T10:00:00+08:00');
    const stopped = scheduleClock(policy, stopClock(resumed, '2026-03-04T09:00:00+08:00'));
    expect(stopped.schedule?.dueAt).toBe('2026-03-05T10:00:00+08:00');
  });

  it.each<[string, string, number[], boolean]>([
    ['before any level', '2026-03-03T14:59:00+08:00', [], false],
    ['at the warning', '2026-03-03T15:00:00+08:00', [], true],
    ['after the warning was raised', '2026-03-03T16:00:00+08:00', [1], false],
  ])('tell the sweep when a case needs it: %s', (_description, now, warned, due) => {
    const clock = { ...started(), warned };
    expect(isSweepDue({ clocks: { reply: clock } } as never, Date.parse(now))).toBe(due);
  });
});
