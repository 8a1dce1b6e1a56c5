/**
 * node --import tsx bench/journal-store.ts — the embedded store's own intake write (insertNumbered: case and intake
 * audit entry, one journal line) against a plain JSON Lines append of the same record with
 * fdatasync and group commit, in process, WRITERS concurrent writers each. Rounds interleave the
 * two; prints medians with min–max and the ratio per round. BENCH_SECONDS, BENCH_ROUNDS tune it.
 * BENCH_CASES=100000 instead seeds that many cases and times the first answers after a start
 * (with the index snapshot, and replaying the whole journal) and the RSS then.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledTemplates } from '../server/adapters/files/bundled-templates.ts';
import { openLowdbStore } from '../server/adapters/storage/lowdb-store.ts';
import { hashSecret, newId, newSecret } from '../server/adapters/system/system.ts';
import { argon2Passwords } from '../server/adapters/system/argon2-passwords.ts';
import { inspectFile } from '../server/adapters/files/file-content.ts';
import { createAjvValidator } from '../server/adapters/validation/ajv-validator.ts';
import { bootstrap } from '../server/app/companies/bootstrap.ts';
import type { AppDeps } from '../server/app/ports/deps.ts';
import type { AuditEntry, Store, StoredCase } from '../server/app/ports/ports.ts';
import { createPublishedVersionCache } from '../server/app/policies/published-versions.ts';
import { openCase } from '../server/domain/case/open-case.ts';
import { intake, seedDataDir } from './seed-cases.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const WRITERS = 32;

/** A JSON Lines file appended with group commit: one write and one fdatasync per group. */
class PlainJournal {
  #queue: { bytes: Buffer; done: () => void }[] = [];
  #flushing = false;
  #end = 0;
  /** fdatasyncs so far. */
  syncs = 0;
  constructor(private readonly handle: FileHandle) {}

  append(record: unknown): Promise<void> {
    const bytes = Buffer.from(`${JSON.stringify(record)}\n`);
    return new Promise((done) => {
      this.#queue.push({ bytes, done });
      if (!this.#flushing) void this.#flush();
    });
  }

  async #flush(): Promise<void> {
    this.#flushing = true;
    while (this.#queue.length > 0) {
      const batch = this.#queue;
      this.#queue = [];
      const data = Buffer.concat(batch.map((item) => item.bytes));
      await this.handle.write(data, 0, data.length, this.#end);
      this.#end += data.length;
      await this.handle.datasync();
      this.syncs += 1;
      batch.forEach((item) => item.done());
    }
    this.#flushing = false;
  }
}

type Write = () => Promise<unknown>;

/** Intakes per second over SECONDS with WRITERS concurrent writers. */
async function rate(write: Write): Promise<number> {
  let count = 0;
  const stop = Date.now() + SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: WRITERS }, async () => {
      while (Date.now() < stop) {
        await write();
        count += 1;
      }
    }),
  );
  return count / ((performance.now() - started) / 1000);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const summary = (values: number[], digits = 0) =>
  `${median(values).toFixed(digits)} (${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)})`;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kesu-bench-journal-'));
  let store: Store | undefined;
  let handle: FileHandle | undefined;
  try {
    let storeSyncs = 0;
    const opened = await openLowdbStore(join(dir, 'data'), { onSync: () => (storeSyncs += 1) });
    store = opened;
    const deps: AppDeps = {
      store: opened,
      validator: createAjvValidator(),
      now: () => new Date().toISOString(),
      newId,
      newSecret,
      hashSecret,
      passwords: argon2Passwords({ memoryCost: 1024, timeCost: 1 }),
      inspectFile,
      templates: bundledTemplates(),
      versions: createPublishedVersionCache(),
    };
    await bootstrap(deps, 'kesu_bench_admin');
    const version = await opened.policies.latestVersion('demo');
    if (!version) throw new Error('no policy');
    const context = { policy: version.policy, validator: deps.validator, lang: 'zh-CN' as const };
    const receivedAt = new Date().toISOString();
    const sample = await openCase(context, {
      id: '',
      number: '',
      receivedAt,
      intake,
      actor: { user: 'bench', roles: ['sales'] },
    });
    const auditOf = (created: StoredCase): AuditEntry[] => [
      {
        id: newId(),
        companyId: 'demo',
        caseId: created.case.id,
        at: receivedAt,
        by: 'bench',
        action: 'intake',
        policyVersion: version.number,
        after: created.case,
        events: sample.events,
      },
    ];
    const build = (serial: number) => ({
      case: { ...sample.case, id: newId(), number: `B-${serial}` },
      policyVersion: version.number,
      month: receivedAt.slice(0, 7),
      updatedAt: receivedAt,
    });
    const viaStore: Write = () => opened.cases.insertNumbered('demo', 'bench', build, auditOf);
    handle = await open(join(dir, 'plain.jsonl'), 'w+');
    const plain = new PlainJournal(handle);
    let serial = 0;
    const viaPlain: Write = () => {
      const stored: StoredCase = {
        ...build((serial += 1)),
        companyId: 'demo',
        period: 'bench',
        serial,
        version: 1,
      };
      return plain.append({ case: stored, audit: auditOf(stored) });
    };

    const storeRates: number[] = [];
    const plainRates: number[] = [];
    const storePerSync: number[] = [];
    const plainPerSync: number[] = [];
    const measure = async (write: Write, syncs: () => number, perSync: number[]) => {
      const before = syncs();
      let count = 0;
      const perSecond = await rate(() => write().then(() => (count += 1)));
      perSync.push(count / Math.max(1, syncs() - before));
      return perSecond;
    };
    const storeRound = () => measure(viaStore, () => storeSyncs, storePerSync);
    const plainRound = () => measure(viaPlain, () => plain.syncs, plainPerSync);
    const ratios: number[] = [];
    for (let round = 1; round <= ROUNDS; round += 1) {
      const first = round % 2 === 1;
      const a = first ? await storeRound() : await plainRound();
      const b = first ? await plainRound() : await storeRound();
      const [storeRate, plainRate] = first ? [a, b] : [b, a];
      storeRates.push(storeRate);
      plainRates.push(plainRate);
      ratios.push((storeRate / plainRate) * 100);
      console.log(
        `round ${round}: store ${storeRate.toFixed(0)}/s, plain ${plainRate.toFixed(0)}/s`,
      );
    }
    const record = JSON.stringify({
      case: { ...build(1) },
      audit: auditOf({ ...build(1), companyId: 'demo', period: 'bench', serial: 1, version: 1 }),
    });
    console.log(
      `\n${ROUNDS} interleaved rounds of ${SECONDS} s, ${WRITERS} writers, record ${(Buffer.byteLength(record) / 1024).toFixed(1)} kB`,
    );
    console.log('| variant | intakes/s, median (min–max) | intakes per fdatasync |');
    console.log('| --- | --- | --- |');
    console.log(
      `| plain JSON Lines append, group commit | ${summary(plainRates)} | ${summary(plainPerSync, 1)} |`,
    );
    console.log(
      `| embedded store insertNumbered | ${summary(storeRates)} | ${summary(storePerSync, 1)} |`,
    );
    console.log(`| store / plain, per round | ${summary(ratios)} % | |`);
  } finally {
    await handle?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** In a fresh process: the first answers after a start over `dataDir`, timed, and the RSS after. */
async function probe(dataDir: string): Promise<void> {
  const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
    const started = performance.now();
    const value = await work();
    return [value, performance.now() - started];
  };
  const store = await openLowdbStore(dataDir);
  const [page, first] = await timed(() =>
    store.cases.query('demo', { open: true }, 'due', { offset: 0, limit: 20 }),
  );
  const some = page.items[10]!;
  const [, one] = await timed(() => store.cases.get('demo', some.case.id));
  const [, list] = await timed(() =>
    store.cases.query('demo', {}, 'received', { offset: 500, limit: 20 }),
  );
  const [, text] = await timed(() =>
    store.cases.query('demo', { text: some.case.number }, 'received', { offset: 0, limit: 20 }),
  );
  const rss = process.memoryUsage().rss / 2 ** 20;
  console.log(JSON.stringify({ cases: page.total, first, one, list, text, rss }));
  await store.close();
}

/** Seeds `count` cases, then probes a start with the snapshot and one replaying the whole journal. */
async function scale(count: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kesu-bench-scale-'));
  try {
    const started = performance.now();
    const { deps } = await seedDataDir(dir, count);
    await deps.store.close();
    console.log(`seeded ${count} cases in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    type Probe = Record<'cases' | 'first' | 'one' | 'list' | 'text' | 'rss', number>;
    const run = (): Probe =>
      JSON.parse(
        execFileSync(process.execPath, ['--import', 'tsx', import.meta.filename], {
          env: { ...process.env, BENCH_PROBE: dir },
          encoding: 'utf8',
        }),
      ) as Probe;
    const fromSnapshot: Probe[] = [];
    const replayed: Probe[] = [];
    for (let round = 0; round < 3; round += 1) {
      fromSnapshot.push(run());
      // Closing after a full replay writes the snapshot again for the next round.
      rmSync(join(dir, 'companies/demo/journal/snapshot.json'));
      replayed.push(run());
    }
    const rows: [string, keyof Probe, number][] = [
      ['first request after a start (query, first page), ms', 'first', 0],
      ['one case, ms', 'one', 2],
      ['list page at offset 500, ms', 'list', 1],
      ['text search over every body, ms', 'text', 0],
      ['RSS after these, MiB', 'rss', 0],
    ];
    console.log(`\n${count} cases, 3 starts each, median (min–max)`);
    console.log('| | from the snapshot | replaying the whole journal |');
    console.log('| --- | --- | --- |');
    for (const [label, key, digits] of rows) {
      const pick = (probes: Probe[]) =>
        summary(
          probes.map((probe) => probe[key]),
          digits,
        );
      console.log(`| ${label} | ${pick(fromSnapshot)} | ${pick(replayed)} |`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.env.BENCH_PROBE) await probe(process.env.BENCH_PROBE);
else if (process.env.BENCH_CASES) await scale(Number(process.env.BENCH_CASES));
else await main();
