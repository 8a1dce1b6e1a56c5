import { describe, expect, it } from 'vitest';
import {
  clockDue,
  pauseClock,
  readClock,
  resumeClock,
  startClock,
  stopClock,
} from '../../../server/domain/clocks/clocks.ts';
import type { ClockState } from '../../../server/domain/case/case.ts';
import { buildPolicy } from '../../support/policies.ts';

// Starter: reply clock, 2 working days (09:00–12:00, 13:00–18:00).
const policy = buildPolicy();
const start = '2026-03-02T10:00:00+08:00';
const running = startClock(policy, 'reply', {}, start);
const paused = pauseClock(running, '2026-03-02T11:00:00+08:00');
const resumed = resumeClock(paused, '2026-03-03T11:00:00+08:00');
const stoppedOnTime = stopClock(resumed, '2026-03-04T09:00:00+08:00');
const stoppedLate = stopClock(running, '2026-03-06T09:00:00+08:00');

describe('a clock’s due time without its explanation', () => {
  it.each<[string, ClockState, string]>([
    ['running, read before due', running, '2026-03-03T09:00:00+08:00'],
    ['running, read after due', running, '2026-03-09T09:00:00+08:00'],
    ['paused, read days later', paused, '2026-03-10T09:00:00+08:00'],
    ['resumed after a pause', resumed, '2026-03-04T12:00:00+08:00'],
    ['stopped on time, read much later', stoppedOnTime, '2026-04-01T09:00:00+08:00'],
    ['stopped late', stoppedLate, '2026-04-01T09:00:00+08:00'],
  ])('is what reading it says: %s', (_name, clock, at) => {
    const atMs = Date.parse(at);
    const reading = readClock(policy, clock, atMs);
    expect(clockDue(policy, clock, atMs)).toEqual({
      due: reading.due,
      dueMs: reading.dueMs,
      overdue: reading.overdue,
    });
  });

  it('counts a pause out of the due time and tells late from on time', () => {
    const at = Date.parse('2026-04-01T09:00:00+08:00');
    expect(clockDue(policy, running, at)).toMatchObject({
      due: '2026-03-04T10:00:00+08:00',
      overdue: true,
    });
    expect(clockDue(policy, stoppedOnTime, at)).toMatchObject({
      due: '2026-03-05T10:00:00+08:00',
      overdue: false,
    });
    expect(clockDue(policy, stoppedLate, at).overdue).toBe(true);
  });
});
