/**
 * The storage contract of the questions the product asks: one page of a filtered, ordered query
 * and its total; scans in the order received; a case's audit; numbers given once for ever.
 */
import { expect, it } from 'vitest';
import type { CaseFilter, Store, StoredCase } from '../../../server/app/ports/ports.ts';
import type { ClockState } from '../../../server/domain/case/case.ts';
import {
  auditEntry,
  buildCase,
  expectStoreError,
  intake,
  newCase,
  type OpenStore,
} from './store-fixtures.ts';

const at = (iso: string) => Date.parse(iso);

/** A running clock due at `dueAt`, with a first warning at `warnAt` (not yet raised unless said). */
function clock(dueAt: string, warnAt: string, warned: number[] = []): ClockState {
  return {
    id: 'reply',
    status: 'running',
    startedAt: '2026-02-10T09:00:00+08:00',
    duration: { amount: 5, unit: 'workingDays' },
    pauses: [],
    warned,
    escalated: [],
    schedule: { dueAt, warnings: { '1': warnAt }, escalations: { '1': dueAt } },
  } as ClockState;
}

/** Saves the case with changes to its content, at its next version. */
async function change(store: Store, stored: StoredCase, edit: Partial<StoredCase['case']>) {
  return store.cases.save({ ...stored, case: { ...stored.case, ...edit } }, stored.version, []);
}

/** The ids of one page of a query, and its total. */
async function ids(
  store: Store,
  filter: CaseFilter,
  order: 'due' | 'received' = 'received',
  page = { offset: 0, limit: 50 },
) {
  const found = await store.cases.query('acme', filter, order, page);
  return { ids: found.items.map((s) => s.case.id), total: found.total };
}

/** Four cases of acme (and one of bolt) with states, categories, assignees, months and clocks. */
async function seed(store: Store): Promise<void> {
  const c1 = await intake(store, 'acme', 'c1');
  const c2 = await intake(store, 'acme', 'c2');
  const c3 = await intake(store, 'acme', 'c3', '2026-03', '2026-03-02T10:00:00+08:00');
  const c4 = await intake(store, 'acme', 'c4', '2026-03', '2026-03-03T10:00:00+08:00');
  await intake(store, 'bolt', 'b1');
  await change(store, c1, {
    state: 'investigating',
    categories: { severity: 'major' },
    assignee: { user: 'wang', department: 'quality' },
    clocks: { reply: clock('2026-02-20T09:00:00+08:00', '2026-02-15T09:00:00+08:00') },
  });
  await change(store, c2, {
    clocks: { reply: clock('2026-02-12T09:00:00+08:00', '2026-02-11T09:00:00+08:00', [1]) },
    intake: { customerName: '李先生', note: '漏水' },
  });
  await change(store, c3, {
    state: 'closed',
    terminal: 'closed',
    assignee: { role: 'manager', department: 'quality' },
  });
  await change(store, c4, { state: 'investigating' });
}

/** Registers the query, scan and number tests against the stores `open` opens. */
export function queriesContract(open: OpenStore): void {
  it('filters by state, open, category, assignee, department, month and text', async () => {
    const { store } = await open();
    await seed(store);
    expect(await ids(store, {})).toEqual({ ids: ['c1', 'c2', 'c3', 'c4'], total: 4 });
    expect((await ids(store, { states: ['investigating'] })).ids).toEqual(['c1', 'c4']);
    expect((await ids(store, { open: true })).ids).toEqual(['c1', 'c2', 'c4']);
    expect((await ids(store, { open: false })).ids).toEqual(['c3']);
    expect((await ids(store, { categories: { severity: 'major' } })).ids).toEqual(['c1']);
    expect((await ids(store, { assignees: ['wang', 'manager'] })).ids).toEqual(['c1', 'c3']);
    expect((await ids(store, { department: 'quality' })).ids).toEqual(['c1', 'c3']);
    expect((await ids(store, { month: '2026-03' })).ids).toEqual(['c3', 'c4']);
    expect((await ids(store, { month: '2026' })).total).toBe(4);
    expect((await ids(store, { text: '漏水' })).ids).toEqual(['c2']);
    expect((await ids(store, { text: '2603' })).ids).toEqual(['c3', 'c4']);
    expect((await ids(store, { text: '李先生' })).ids).toEqual(['c2']);
    expect((await ids(store, { text: '李先生', textExcept: ['customerName'] })).ids).toEqual([]);
    expect((await ids(store, { text: '漏水', textExcept: ['customerName'] })).ids).toEqual(['c2']);
    expect((await ids(store, { states: ['investigating'], month: '2026-02' })).ids).toEqual(['c1']);
    expect((await store.cases.query('bolt', {}, 'due', { offset: 0, limit: 9 })).total).toBe(1);
    expect((await store.cases.query('nobody', {}, 'due', { offset: 0, limit: 9 })).total).toBe(0);
  });

  it('searches the values of the intake, never its keys or the JSON around them', async () => {
    const { store } = await open();
    await seed(store);
    const c1 = (await store.cases.get('acme', 'c1'))!;
    await change(store, c1, {
      intake: { customer: { phone: '13900000000' }, note: '说 "坏了"\\n', amount: 1500 },
    });
    for (const text of ['customerName', 'phone', 'customer', '":"', '{', 'null'])
      expect((await ids(store, { text })).ids, text).toEqual([]);
    expect((await ids(store, { text: '"坏了"' })).ids).toEqual(['c1']);
    expect((await ids(store, { text: '\\n' })).ids).toEqual(['c1']);
    expect((await ids(store, { text: '1390' })).ids).toEqual(['c1']);
    expect((await ids(store, { text: '1500' })).ids).toEqual(['c1']);
    expect((await ids(store, { text: '1390', textExcept: ['customer.phone'] })).ids).toEqual([]);
  });

  it('finds cases by their clocks: due, warned, and due for the sweep', async () => {
    const { store } = await open();
    await seed(store);
    const feb13 = at('2026-02-13T00:00:00+08:00');
    expect((await ids(store, { dueBy: feb13 })).ids).toEqual(['c2']);
    expect((await ids(store, { warnedBy: at('2026-02-11T12:00:00+08:00') })).ids).toEqual(['c2']);
    expect((await ids(store, { warnedBy: at('2026-02-16T00:00:00+08:00') })).ids).toEqual([
      'c1',
      'c2',
    ]);
    // c2's warning is raised already: the sweep has nothing for it until its escalation.
    expect((await ids(store, { sweepBy: at('2026-02-11T12:00:00+08:00') })).ids).toEqual([]);
    expect((await ids(store, { sweepBy: feb13 })).ids).toEqual(['c2']);
    expect((await ids(store, { sweepBy: at('2026-03-01T00:00:00+08:00') })).ids).toEqual([
      'c1',
      'c2',
    ]);
  });

  it('orders soonest due first, cases without a running clock last, and pages with a total', async () => {
    const { store } = await open();
    await seed(store);
    expect((await ids(store, {}, 'due')).ids).toEqual(['c2', 'c1', 'c3', 'c4']);
    expect(await ids(store, {}, 'due', { offset: 1, limit: 2 })).toEqual({
      ids: ['c1', 'c3'],
      total: 4,
    });
    expect(await ids(store, {}, 'due', { offset: 8, limit: 2 })).toEqual({ ids: [], total: 4 });
  });

  it('scans in the order received, in batches, each case once even when saved meanwhile', async () => {
    const { store } = await open();
    for (let i = 1; i <= 7; i += 1) await intake(store, 'acme', `c${i}`);
    const batches: string[][] = [];
    for await (const batch of store.cases.scan('acme', {}, 3)) {
      batches.push(batch.map((s) => s.case.id));
      for (const stored of batch) await change(store, stored, { flags: ['seen'] });
    }
    expect(batches).toEqual([['c1', 'c2', 'c3'], ['c4', 'c5', 'c6'], ['c7']]);
    const numbered: string[] = [];
    for await (const batch of store.cases.scan('acme', { text: '2602' }, 2))
      numbered.push(...batch.map((s) => s.case.id));
    expect(numbered).toHaveLength(7);
    const audit: string[] = [];
    for await (const batch of store.audit.scan('acme', 4)) audit.push(...batch.map((e) => e.id));
    expect(audit).toEqual(['a-c1', 'a-c2', 'a-c3', 'a-c4', 'a-c5', 'a-c6', 'a-c7']);
  });

  it("reads one case's audit entries in the order written", async () => {
    const { store } = await open();
    const c1 = await intake(store, 'acme', 'c1');
    await intake(store, 'acme', 'c2');
    await store.cases.save(c1, 1, [auditEntry('acme', 'e2', 'c1')]);
    expect((await store.audit.forCase('acme', 'c1')).map((e) => e.id)).toEqual(['a-c1', 'e2']);
    expect(await store.audit.forCase('bolt', 'c1')).toEqual([]);
  });

  it("reads several cases' audit entries together, each case's in the order written", async () => {
    const { store } = await open();
    const c1 = await intake(store, 'acme', 'c1');
    const c2 = await intake(store, 'acme', 'c2');
    await intake(store, 'acme', 'c3');
    await intake(store, 'bolt', 'c4');
    const c1b = await store.cases.save(c1, 1, [auditEntry('acme', 'e2', 'c1')]);
    await store.cases.save(c2, 1, [auditEntry('acme', 'e3', 'c2')]);
    await store.cases.save(c1b, 2, [auditEntry('acme', 'e4', 'c1')]);
    const found = await store.audit.forCases('acme', ['c2', 'c1', 'c4', 'nowhere']);
    expect([...found.keys()]).toEqual(['c2', 'c1', 'c4', 'nowhere']);
    expect(found.get('c1')!.map((e) => e.id)).toEqual(['a-c1', 'e2', 'e4']);
    expect(found.get('c2')!.map((e) => e.id)).toEqual(['a-c2', 'e3']);
    expect(found.get('c4')).toEqual([]);
    expect(found.get('nowhere')).toEqual([]);
    expect(await store.audit.forCases('acme', [])).toEqual(new Map());
  });

  it('orders by numbering period and serial, not by the number’s text (2602100 after 260299)', async () => {
    const { store } = await open();
    // YYMMCC: two serial digits, written in full from the 100th case of a month on.
    const yymmcc = (id: string, receivedAt: string) => (serial: number) => ({
      ...newCase(id, receivedAt)(serial),
      case: {
        ...buildCase(id, receivedAt),
        number: `${receivedAt.slice(2, 4)}${receivedAt.slice(5, 7)}${String(serial).padStart(2, '0')}`,
      },
    });
    await store.cases.insertNumbered(
      'acme',
      '2026-03',
      yymmcc('m1', '2026-03-01T09:00:00+08:00'),
      () => [],
    );
    for (let i = 1; i <= 101; i += 1)
      await store.cases.insertNumbered(
        'acme',
        '2026-02',
        yymmcc(`f${i}`, '2026-02-10T09:00:00+08:00'),
        () => [],
      );
    const numbers = async (page: { offset: number; limit: number }) =>
      (await store.cases.query('acme', {}, 'number', page)).items.map((s) => s.case.number);
    expect(await numbers({ offset: 0, limit: 3 })).toEqual(['260201', '260202', '260203']);
    expect(await numbers({ offset: 97, limit: 10 })).toEqual([
      '260298',
      '260299',
      '2602100',
      '2602101',
      '260301',
    ]);
    const filtered = await store.cases.query('acme', { text: '26021' }, 'number', {
      offset: 0,
      limit: 20,
    });
    expect(filtered.items.map((s) => s.case.number).slice(-3)).toEqual([
      '260219',
      '2602100',
      '2602101',
    ]);
  });

  it('refuses a case whose number is taken whatever its serial (a copied case keeps its number)', async () => {
    const { store } = await open();
    const copied = (id: string) => (serial: number) => ({
      ...newCase(id)(serial),
      case: { ...buildCase(id), number: '2602001' },
    });
    await store.cases.insertNumbered('acme', '2026-02', copied('a'), () => []);
    const started = Date.now();
    await expectStoreError(
      store.cases.insertNumbered('acme', '2026-02', copied('b'), () => []),
      'conflict',
    );
    // Refused at the second serial, not after trying ten thousand.
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await store.cases.get('acme', 'b')).toBeUndefined();
    expect((await intake(store, 'acme', 'c')).case.number).toBe('2602002');
  });

  it('refuses a save that changes a case’s number', async () => {
    const { store } = await open();
    const c1 = await intake(store, 'acme', 'c1');
    const c2 = await intake(store, 'acme', 'c2');
    const renumbered = { ...c2, case: { ...c2.case, number: c1.case.number } };
    await expectStoreError(store.cases.save(renumbered, 1, []), 'conflict');
    expect((await store.cases.getByNumber('acme', c1.case.number))?.case.id).toBe('c1');
    expect((await store.cases.get('acme', 'c2'))?.case.number).toBe(c2.case.number);
  });

  it('never gives a case number twice, also after the numbering format changes', async () => {
    const { store, reopen } = await open();
    const fixed = (id: string) => (serial: number) => ({
      ...newCase(id)(serial),
      case: { ...buildCase(id), number: `K-${serial}` },
    });
    const first = await store.cases.insertNumbered('acme', '2026-02', fixed('a'), () => []);
    // A new period restarts its serials at 1, and "K-1" is taken: the next free serial is used.
    const second = await store.cases.insertNumbered('acme', '2026-03', fixed('b'), () => []);
    expect([first.case.number, second.case.number]).toEqual(['K-1', 'K-2']);
    expect(second.serial).toBe(2);
    expect((await store.cases.getByNumber('acme', 'K-2'))?.case.id).toBe('b');
    expect(await store.cases.getByNumber('bolt', 'K-2')).toBeUndefined();
    if (!reopen) return;
    await store.close();
    const again = await reopen();
    const third = await again.cases.insertNumbered('acme', '2026-04', fixed('c'), () => []);
    expect(third.case.number).toBe('K-3');
  });
}
