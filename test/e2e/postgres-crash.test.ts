/**
 * SIGKILL during an intake burst on the PostgreSQL store, 20 cycles: a child process registers
 * cases through insertNumbered (8 at once, each with an idempotency key) and says which it sent
 * and which were acknowledged; it is killed mid-burst. Afterwards every acknowledged case is there
 * with its intake audit entry, no number is repeated or skipped, and a retry of every key whose
 * answer was lost leaves exactly one case per key.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../server/adapters/storage/postgres/postgres-store.ts';
import { StoreError, type Store, type StoredCase } from '../../server/app/ports/ports.ts';
import { ROOT } from '../support/policies.ts';
import {
  postgresSkipReason,
  startPostgres,
  type PostgresCluster,
} from '../support/postgres-cluster.ts';
import { allCases } from '../support/store-reads.ts';
import { auditEntry, newCase } from '../adapters/storage/store-fixtures.ts';

const skipReason = postgresSkipReason();
const CYCLES = 20;
const PER_CYCLE = 25;

// The child: opens the store, says "ready", and on "go" registers cases until it is killed,
// printing "sent <key>" before each intake and "ack <key> <id> <number>" once it is committed.
// (Pipes are written synchronously on Linux, so a printed line is never lost with the process.)
const CHILD = `
const { openPostgresStore } = await import('./server/adapters/storage/postgres/postgres-store.ts');
const store = await openPostgresStore(process.env.URL, { maxConnections: 8 });
const say = (line) => process.stdout.write(line + '\\n');
say('ready');
process.stdin.once('data', async () => {
  let n = 0;
  const worker = async () => {
    for (;;) {
      const key = process.env.CYCLE + '-' + (n += 1);
      say('sent ' + key);
      const stored = await store.cases.insertNumbered(
        'demo', '2026-03',
        (serial) => ({
          case: { id: 'case-' + key, number: 'K' + serial, state: 'registered',
            receivedAt: '2026-03-02T09:00:00+08:00', intake: { n }, categories: {},
            categoryHistory: [], assignee: { role: 'clerk' }, flags: [], decisions: [],
            remedy: null, requiredApprovals: [], submissions: [], clocks: {}, reopened: [],
            notifications: [] },
          policyVersion: 1, month: '2026-03', updatedAt: '2026-03-02T09:00:00+08:00',
        }),
        (s) => [{ id: 'a-' + key, companyId: 'demo', caseId: s.case.id, at: s.updatedAt,
          by: 'burst', action: 'intake' }],
        { key, request: 'intake' },
      );
      say('ack ' + key + ' ' + stored.case.id + ' ' + stored.case.number);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
});
`;

type Child = { process: ChildProcess; ready: Promise<void>; lines: string[] };

/** Starts an intake process for the cycle; `ready` resolves once its store is open. */
function spawnChild(url: string, cycle: number): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CHILD], {
    cwd: ROOT,
    env: { ...process.env, URL: url, CYCLE: String(cycle) },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  const reader = createInterface({ input: child.stdout! });
  const ready = new Promise<void>((resolve, reject) => {
    reader.on('line', (line) => (line === 'ready' ? resolve() : lines.push(line)));
    child.once('exit', () => reject(new Error(`intake process of cycle ${cycle} exited early`)));
  });
  ready.catch(() => {});
  return { process: child, ready, lines };
}

/** The first answer for a key, as the intake use case gives it: the stored case or a new one. */
async function retry(store: Store, key: string): Promise<StoredCase> {
  const first = await store.idempotency.get('demo', key);
  if (first) return (await store.cases.get('demo', first.caseId))!;
  return store.cases
    .insertNumbered(
      'demo',
      '2026-03',
      newCase(`case-${key}`),
      (s) => [{ ...auditEntry('demo', `a-${key}`, s.case.id), action: 'intake' }],
      { key, request: 'intake' },
    )
    .catch((error: unknown) => {
      throw error instanceof StoreError ? new Error(`retry of ${key}: ${error.code}`) : error;
    });
}

describe.skipIf(skipReason !== undefined)(
  `SIGKILL on PostgreSQL ${skipReason ?? ''}`.trim(),
  () => {
    let cluster: PostgresCluster;
    beforeAll(async () => {
      cluster = await startPostgres();
    }, 60_000);
    afterAll(() => cluster?.stop(), 30_000);

    it('keeps every acknowledged intake over 20 kills, numbers each once, one case per key', async () => {
      const url = await cluster.newDatabase();
      await (await openPostgresStore(url)).close(); // migrated before the first child starts
      const acknowledged = new Map<string, { id: string; number: string }>();
      const sent = new Set<string>();
      // The next cycles' processes start while this one runs, so a cycle rarely waits for a start.
      const AHEAD = 2;
      const waiting = Array.from({ length: AHEAD }, (_, cycle) => spawnChild(url, cycle));
      for (let cycle = 0; cycle < CYCLES; cycle += 1) {
        const child = waiting.shift()!;
        await child.ready;
        if (cycle + AHEAD < CYCLES) waiting.push(spawnChild(url, cycle + AHEAD));
        child.process.stdin!.write('go\n');
        const exited = new Promise((resolve) => child.process.once('exit', resolve));
        const acks = () => child.lines.filter((line) => line.startsWith('ack ')).length;
        while (acks() < PER_CYCLE) await new Promise((resolve) => setTimeout(resolve, 2));
        child.process.kill('SIGKILL');
        await exited;
        for (const line of child.lines) {
          const [kind, key, id, number] = line.split(' ');
          if (kind === 'sent') sent.add(key!);
          if (kind === 'ack') acknowledged.set(key!, { id: id!, number: number! });
        }
      }

      const store = await openPostgresStore(url);
      try {
        for (const [key, { id, number }] of acknowledged) {
          expect((await store.cases.get('demo', id))?.case.number, key).toBe(number);
          expect(
            (await store.audit.forCase('demo', id)).map((e) => e.action),
            key,
          ).toEqual(['intake']);
        }
        const lost = [...sent].filter((key) => !acknowledged.has(key));
        expect(lost.length).toBeGreaterThan(0);
        for (const key of lost) await retry(store, key);
        const cases = await allCases(store, 'demo');
        expect(cases).toHaveLength(sent.size);
        expect(new Set(cases.map((stored) => stored.case.id)).size).toBe(sent.size);
        expect(new Set(cases.map((stored) => stored.case.number)).size).toBe(sent.size);
        const serials = cases.map((stored) => stored.serial).sort((a, b) => a - b);
        expect(serials).toEqual(serials.map((_, index) => index + 1));
      } finally {
        await store.close();
      }
    }, 90_000);
  },
);
