/**
 * The storage contract of what a backtest reads: cases' heads in the order received, and their
 * replay trails (the entries a replay reads, without the case copies and changes).
 */
import { expect, it } from 'vitest';
import type { AuditEntry, Store, StoredCase } from '../../../server/app/ports/ports.ts';
import type { TrailEntry } from '../../../server/app/ports/audit-trail.ts';
import { auditEntry, buildCase, newCase, type OpenStore } from './store-fixtures.ts';

const transition = (name: string, at: string) => ({
  type: 'transition' as const,
  at,
  data: { transition: name },
});

/** Several cases' replay trails as the store gives them (JSON text), decoded. */
export async function readTrails(
  store: Store,
  companyId: string,
  caseIds: readonly string[],
): Promise<Map<string, TrailEntry[]>> {
  const texts = await store.audit.trailTexts(companyId, caseIds);
  return new Map([...texts].map(([id, text]) => [id, JSON.parse(text) as TrailEntry[]]));
}

/** An action's entry: with its input, or (older) without, telling its transition by its event. */
function action(caseId: string, id: string, at: string, kept: boolean): AuditEntry {
  return {
    ...auditEntry('acme', id, caseId, at),
    action: 'assign',
    changes: [{ op: 'set', path: ['state'], value: 'assigned' }],
    events: [transition('assign', at), { type: 'assigned', at, data: { user: 'wang' } }],
    ...(kept ? { input: { data: { user: 'wang', note: '引号 " ]} ' }, roles: ['clerk'] } } : {}),
  };
}

/** Case `id` received in `month`, opened with an intake entry holding the case, then acted on. */
export async function walk(store: Store, id: string, month: string): Promise<TrailEntry[]> {
  const at = `${month}-10T09:00:00+08:00`;
  const opened = await store.cases.insertNumbered('acme', month, newCase(id, at), (stored) => [
    { ...auditEntry('acme', `${id}-0`, id, at), action: 'intake', after: stored.case },
  ]);
  let stored: StoredCase = opened;
  const entries = [
    [action(id, `${id}-1`, `${month}-10T10:00:00+08:00`, true)],
    // The sweep's entry, and an older action's, written with the case.
    [
      { ...auditEntry('acme', `${id}-2`, id, `${month}-11T00:00:00+08:00`), action: 'sweep' },
      action(id, `${id}-3`, `${month}-11T10:00:00+08:00`, false),
    ],
  ];
  for (const audit of entries) {
    const next = { ...stored, case: { ...stored.case, state: 'assigned' } };
    stored = await store.cases.save(next, stored.version, audit);
  }
  // An attachment's entry, appended alone: it acts on nothing.
  await store.audit.append([{ ...auditEntry('acme', `${id}-4`, id), action: 'attachmentAdded' }]);
  const [kept, older] = [entries[0]![0]!, entries[1]![1]!];
  return [
    { at, by: 'li', action: 'intake', intake: buildCase(id).intake },
    { at: kept.at, by: 'li', action: 'assign', input: kept.input! },
    { at: older.at, by: 'li', action: 'assign', events: older.events! },
  ];
}

/** Registers the head and trail tests against the stores `open` opens. */
export function trailsContract(open: OpenStore): void {
  it("reads cases' heads in the order received and their replay trails, after a restart too", async () => {
    const { store, reopen } = await open();
    const expected = new Map<string, TrailEntry[]>();
    for (const [id, month] of [
      ['c1', '2026-02'],
      ['c2', '2026-03'],
      ['c3', '2026-02'],
    ] as const)
      expected.set(id, await walk(store, id, month));
    const check = async (current: Store) => {
      const heads = [];
      for await (const batch of current.cases.scanHeads('acme', { month: '2026-02' }, 1))
        heads.push(...batch);
      expect(heads.map((head) => [head.case.id, head.month, head.policyVersion])).toEqual([
        ['c1', '2026-02', 1],
        ['c3', '2026-02', 1],
      ]);
      const whole = [];
      for await (const batch of current.cases.scan('acme', { month: '2026-02' }))
        whole.push(...batch);
      expect(heads.map((head) => head.case)).toEqual(
        whole.map(({ case: { id, number, receivedAt } }) => ({ id, number, receivedAt })),
      );
      const trails = await readTrails(current, 'acme', ['c3', 'c1', 'c2', 'nope']);
      expect([...trails.keys()]).toEqual(['c3', 'c1', 'c2', 'nope']);
      for (const [id, trail] of expected) expect(trails.get(id)).toEqual(trail);
      expect(trails.get('nope')).toEqual([]);
      expect(await readTrails(current, 'bolt', ['c1'])).toEqual(new Map([['c1', []]]));
      expect(await current.audit.trailTexts('bolt', ['c1'])).toEqual(new Map([['c1', '[]']]));
    };
    await check(store);
    if (!reopen) return;
    await store.close();
    await check(await reopen());
  });
}
