import { describe, expect, it } from 'vitest';
import { sweepAll } from '../../server/app/sweep/sweep.ts';
import { buildTestApp, manufacturingIntake } from '../support/test-app.ts';

describe('the clock sweep over stored cases', () => {
  it('raises each reminder level exactly once, also when sweeps overlap', async () => {
    const t = await buildTestApp('2026-03-02T02:00:00.000Z');
    const sales = await t.userWith('demo', 'sales');
    const intake = manufacturingIntake();
    const id = (
      await t.call('POST', '/api/companies/demo/cases', { token: sales, body: { intake } })
    ).body.case.id;
    t.setNow('2026-04-30T02:00:00.000Z');
    const results = await Promise.all([sweepAll(t.deps), sweepAll(t.deps), sweepAll(t.deps)]);
    expect(results.reduce((sum, r) => sum + r.changed, 0)).toBe(1);
    expect((await sweepAll(t.deps)).changed).toBe(0);
    const read = await t.call('GET', `/api/companies/demo/cases/${id}`, { token: sales });
    const escalations = read.body.audit
      .flatMap(
        (a: { events?: { type: string; data: { clock: string; level: number } }[] }) =>
          a.events ?? [],
      )
      .filter((e: { type: string }) => e.type === 'clockEscalated');
    const keys = escalations.map(
      (e: { data: { clock: string; level: number } }) => `${e.data.clock}:${e.data.level}`,
    );
    expect(keys.length).toBeGreaterThan(0);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
