import { describe, expect, it } from 'vitest';
import { runDeliveries } from '../../../server/app/notifications/delivery-worker.ts';
import type { Delivery } from '../../../server/app/ports/outbox.ts';
import { postgresSkipReason } from '../../support/postgres-cluster.ts';
import { postgresForTests } from '../../support/postgres-for-tests.ts';
import { buildTestApp } from '../../support/test-app.ts';
import { auditEntry, newCase } from './store-fixtures.ts';

const skipReason = postgresSkipReason();
const AT = '2026-04-30T02:00:00.000Z';

function delivery(caseId: string, n: number): Delivery {
  return {
    id: `d${n}`,
    companyId: 'acme',
    caseId,
    caseNumber: '2602001',
    key: `${caseId}:n${n}`,
    channel: 'hook',
    channelKind: 'webhook',
    status: 'pending',
    attempts: 0,
    nextAttemptAt: AT,
    createdAt: AT,
    message: { kind: 'remind', reason: 'reply:escalation:1', recipients: [] },
  };
}

describe.skipIf(skipReason !== undefined)(
  `PostgreSQL delivery claims ${skipReason ?? ''}`.trim(),
  () => {
    const cluster = postgresForTests();

    it('two runtimes on one database never send the same delivery twice', async () => {
      const url = await cluster.newDatabase();
      const [one, two] = [await cluster.open(url), await cluster.open(url)];
      await one.cases.insertNumbered(
        'acme',
        '2026-02',
        newCase('c1'),
        () => [auditEntry('acme', 'a1', 'c1')],
        undefined,
        () => ({
          notifications: [],
          deliveries: Array.from({ length: 40 }, (_, n) => delivery('c1', n)),
        }),
      );
      await one.channels.save({
        companyId: 'acme',
        channels: [{ id: 'hook', kind: 'webhook', url: 'http://127.0.0.1:9/hook', secret: 's' }],
        updatedAt: AT,
        updatedBy: 'admin',
      });
      const t = await buildTestApp(AT, one);
      const sent: string[] = [];
      // A slow receiver, so that the two workers' claims overlap in time.
      const send = async (d: Delivery) => {
        sent.push(d.id);
        await new Promise((resolve) => setTimeout(resolve, 20));
      };
      const workers = [t.deps, { ...t.deps, store: two }];
      for (let round = 0; round < 4; round += 1) {
        await Promise.all(workers.map((deps) => runDeliveries(deps, send, { batch: 7 })));
      }
      expect(sent).toHaveLength(40);
      expect(new Set(sent).size).toBe(40);
      const stored = await two.deliveries.forCase('acme', 'c1');
      expect(stored.every((d) => d.status === 'sent' && d.attempts === 1)).toBe(true);
    }, 60_000);

    it('claims one delivery for one of two claims made at once', async () => {
      const url = await cluster.newDatabase();
      const [one, two] = [await cluster.open(url), await cluster.open(url)];
      await one.cases.insertNumbered(
        'acme',
        '2026-02',
        newCase('c1'),
        () => [],
        undefined,
        () => ({
          notifications: [],
          deliveries: Array.from({ length: 10 }, (_, n) => delivery('c1', n)),
        }),
      );
      const lease = '2026-04-30T02:02:00.000Z';
      const claims = await Promise.all(
        Array.from({ length: 6 }, (_, i) => (i % 2 ? one : two).deliveries.claim(AT, lease, 3)),
      );
      const ids = claims.flat().map((d) => d.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBe(10);
    }, 60_000);
  },
);
