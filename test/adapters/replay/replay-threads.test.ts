import { describe, expect, it } from 'vitest';
import { replayThreads } from '../../../server/adapters/replay/replay-threads.ts';
import { prepareBacktest } from '../../../server/app/policies/backtest.ts';
import type {
  BacktestReplayer,
  StartReplayer,
} from '../../../server/app/policies/backtest-replay.ts';
import type { AppDeps } from '../../../server/app/ports/deps.ts';
import { copies, raiseLimit, walk } from '../../support/backtest-cases.ts';
import { embeddedStores } from '../../support/embedded-stores.ts';
import { buildTestApp } from '../../support/test-app.ts';

const { tempDir, open } = embeddedStores('kesu-replay-threads-');

/** Case numbers as received: the walked case (2026-03-1) before its copies (2026-03-1-<serial>). */
const byReceipt = (a: string, b: string) =>
  a.length - b.length || a.localeCompare(b, 'en', { numeric: true });

const admin = {
  principal: { userId: 'platform', name: 'p', roles: [], platformRole: 'platformAdmin' as const },
  lang: 'en' as const,
};

/** Cases at amounts on both sides of the raised limit, over two months, in a real data directory. */
async function seededEmbedded() {
  const t = await buildTestApp('2026-03-01T00:00:00.000Z', await open(await tempDir()));
  for (const [amount, day] of [
    [800, '2026-03-09'],
    [1500, '2026-03-10'],
    [1200, '2026-03-11'],
    [1500, '2026-04-02'],
    [900, '2026-04-03'],
  ] as const)
    await walk(t, amount, `${day}T10:00:00+08:00`);
  await raiseLimit(t);
  t.setNow('2026-05-01T00:00:00.000Z');
  return t;
}

/** The replayers a backtest started, and whether each was closed. */
function watched(start: StartReplayer) {
  const started: { closed: boolean }[] = [];
  const watch: StartReplayer = (setup, cases) => {
    const replayer = start(setup, cases);
    if (!replayer) return undefined;
    const seen = { closed: false };
    started.push(seen);
    return {
      replay: (batch, versions, options) => replayer.replay(batch, versions, options),
      close: async () => {
        await replayer.close();
        seen.closed = true;
      },
    } satisfies BacktestReplayer;
  };
  return { watch, started };
}

describe('a backtest replayed in worker threads', () => {
  it('reports exactly what one thread reports, for every case and for a sample', async () => {
    const t = await seededEmbedded();
    const { watch, started } = watched(replayThreads({ threads: 2, minCases: 0 }));
    const threaded: AppDeps = { ...t.deps, startReplayer: watch };
    for (const input of [{ sample: 10 }, { sample: 2 }, { from: '2026-04-01', to: '2026-04-30' }]) {
      const one = await (await prepareBacktest(t.deps, admin, 'demo', input))({});
      const progress: number[] = [];
      const two = await (
        await prepareBacktest(threaded, admin, 'demo', input)
      )({
        onProgress: ({ done }) => progress.push(done),
      });
      expect(two).toEqual(one);
      expect(progress.at(-1)).toBe(one.totals.replayed);
      if (input.sample === 10)
        expect(two.totals).toEqual({ replayed: 5, changed: 3, unchanged: 2, errors: 0 });
    }
    expect(started.length).toBe(3);
    expect(started.every((replayer) => replayer.closed)).toBe(true);
    // Each run starts two threads that load the domain: seconds each on a busy machine.
  }, 120_000);

  it('counts many batches in the order received, listing the first 500 affected with their outcomes', async () => {
    const t = await buildTestApp('2026-03-01T00:00:00.000Z', await open(await tempDir()));
    // 521 cases the raised limit changes and 121 it does not: four batches, more affected than listed.
    await copies(t, await walk(t, 1500, '2026-03-10T10:00:00+08:00'), 520);
    await copies(t, await walk(t, 800, '2026-03-11T10:00:00+08:00'), 120);
    await raiseLimit(t);
    t.setNow('2026-05-01T00:00:00.000Z');
    const { watch, started } = watched(replayThreads({ threads: 2, minCases: 0 }));
    const period = { from: '2026-03-01', to: '2026-03-31' };
    const one = await (await prepareBacktest(t.deps, admin, 'demo', period))({});
    const two = await (
      await prepareBacktest({ ...t.deps, startReplayer: watch }, admin, 'demo', period)
    )({});
    expect(one.totals).toEqual({ replayed: 642, changed: 521, unchanged: 121, errors: 0 });
    expect(two).toEqual(one);
    expect(one.affected).toHaveLength(500);
    for (const { before, after } of one.affected)
      expect([before, after]).toEqual([
        expect.objectContaining({ state: 'closed', chains: [expect.anything()] }),
        expect.objectContaining({ state: 'closed', chains: [expect.anything()] }),
      ]);
    const listed = one.affected.map((c) => c.number);
    expect(new Set(listed).size).toBe(500);
    expect(listed).toEqual([...listed].sort(byReceipt));
    expect(one.tables.approvers).toEqual([
      expect.objectContaining({ role: 'deputyGM', change: 'removed', cases: 521 }),
    ]);
    expect(started).toEqual([{ closed: true }]);
  }, 120_000);

  it('replays cases written before actions kept their input as it replays the others', async () => {
    const t = await seededEmbedded();
    const heads = [];
    for await (const batch of t.deps.store.cases.scanHeads('demo', {}, 100)) heads.push(...batch);
    const all = { from: '2026-03-01', to: '2026-04-30' };
    const ran = async (deps: AppDeps) => (await prepareBacktest(deps, admin, 'demo', all))({});
    const exact = await ran(t.deps);
    for (const head of heads) await copies(t, head.case.id, 1, { withoutInput: true });
    const { watch } = watched(replayThreads({ threads: 2, minCases: 0 }));
    for (const report of [await ran(t.deps), await ran({ ...t.deps, startReplayer: watch })]) {
      expect(report.totals).toEqual({
        replayed: 10,
        changed: 2 * exact.totals.changed,
        unchanged: 2 * exact.totals.unchanged,
        errors: 0,
      });
      const copied = (id: string) => report.affected.find((c) => c.id === `${id}-copy-0`);
      for (const original of exact.affected)
        expect(copied(original.id)).toMatchObject({
          differences: original.differences,
          before: original.before,
          after: original.after,
        });
    }
  }, 120_000);

  it('stops its threads when cancelled while cases are read', async () => {
    const t = await seededEmbedded();
    const { watch, started } = watched(replayThreads({ threads: 2, minCases: 0 }));
    const abort = new AbortController();
    const trails = t.deps.store.audit.trailTexts.bind(t.deps.store.audit);
    const store = {
      ...t.deps.store,
      audit: {
        ...t.deps.store.audit,
        trailTexts: async (company: string, ids: readonly string[]) => {
          abort.abort();
          return trails(company, ids);
        },
      },
    };
    const run = await prepareBacktest({ ...t.deps, store, startReplayer: watch }, admin, 'demo', {
      sample: 10,
    });
    await expect(run({ signal: abort.signal })).rejects.toThrow();
    expect(started).toEqual([{ closed: true }]);
  }, 60_000);

  it('is not started for fewer cases than it is worth', () => {
    const start = replayThreads({ threads: 2, minCases: 100 });
    const setup = { draft: {} as never, lang: 'en' as const, nowMs: 0, roles: [] };
    expect(start(setup, 99)).toBeUndefined();
    expect(replayThreads({ threads: 1, minCases: 0 })(setup, 1000)).toBeUndefined();
  });
});
