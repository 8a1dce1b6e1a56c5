/**
 * The delivery worker: takes due deliveries from the store (a claim with a lease, so runtimes that
 * share a database never send one twice at once), sends each over its channel, and records the
 * outcome: sent, or tried again later with exponential back-off, or failed after the last attempt.
 * It runs on its own timer: an intake or an action only queues rows and never waits for a send.
 */
import { parseInstant } from '../../domain/time/time.ts';
import type { AppDeps } from '../ports/deps.ts';
import type { Channel, Delivery, SendDelivery } from '../ports/outbox.ts';

export type { SendDelivery };

/** What one run did. */
export type DeliveryRun = { claimed: number; sent: number; retried: number; failed: number };

/** How the worker paces itself. */
export type DeliveryOptions = {
  /** Deliveries claimed at a time (20). */
  batch?: number;
  /** How long a claim holds a delivery before another worker may take it (2 minutes). */
  leaseMs?: number;
  /** The first retry's delay, doubled each time up to `maxDelayMs` (30 s, 1 h). */
  firstDelayMs?: number;
  maxDelayMs?: number;
  /** Attempts before a delivery is given up as failed (8). */
  maxAttempts?: number;
};

const iso = (ms: number) => new Date(ms).toISOString();

/** The delivery after an attempt that failed with `error` at `nowMs`. */
export function afterFailure(
  delivery: Delivery,
  error: unknown,
  nowMs: number,
  options: DeliveryOptions = {},
): Delivery {
  const attempts = delivery.attempts + 1;
  const first = options.firstDelayMs ?? 30_000;
  const delay = Math.min(first * 2 ** (attempts - 1), options.maxDelayMs ?? 3_600_000);
  const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 500);
  const giveUp = attempts >= (options.maxAttempts ?? 8);
  return {
    ...delivery,
    attempts,
    lastError,
    status: giveUp ? 'failed' : 'pending',
    nextAttemptAt: giveUp ? delivery.nextAttemptAt : iso(nowMs + delay),
  };
}

/** Claims the due deliveries once and sends them; returns what it did. */
export async function runDeliveries(
  deps: AppDeps,
  send: SendDelivery,
  options: DeliveryOptions = {},
): Promise<DeliveryRun> {
  const nowMs = parseInstant(deps.now());
  const claimed = await deps.store.deliveries.claim(
    iso(nowMs),
    iso(nowMs + (options.leaseMs ?? 120_000)),
    options.batch ?? 20,
  );
  const run: DeliveryRun = { claimed: claimed.length, sent: 0, retried: 0, failed: 0 };
  const channels = new Map<string, Promise<Channel[]>>();
  const channelsOf = (companyId: string) => {
    let found = channels.get(companyId);
    if (!found) {
      found = deps.store.channels.get(companyId).then((s) => s?.channels ?? []);
      channels.set(companyId, found);
    }
    return found;
  };
  await Promise.all(
    claimed.map(async (delivery) => {
      const channel = (await channelsOf(delivery.companyId)).find(
        (c) => c.id === delivery.channel && c.kind === delivery.channelKind,
      );
      let next: Delivery;
      try {
        if (!channel) throw new Error(`channel ${delivery.channel} is no longer set up`);
        await send(delivery, channel);
        next = { ...delivery, status: 'sent', attempts: delivery.attempts + 1, sentAt: deps.now() };
        delete next.lastError;
      } catch (error) {
        next = afterFailure(delivery, error, parseInstant(deps.now()), options);
      }
      await deps.store.deliveries.finish(next);
      if (next.status === 'sent') run.sent += 1;
      else if (next.status === 'failed') run.failed += 1;
      else run.retried += 1;
    }),
  );
  return run;
}

/** Runs the worker every `intervalMs`, never two runs at once in this process; returns a stop function. */
export function startDeliveryWorker(
  deps: AppDeps,
  send: SendDelivery,
  intervalMs: number,
  onError: (error: unknown) => void,
  options: DeliveryOptions = {},
): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    running = runDeliveries(deps, send, options)
      .catch(onError)
      .finally(() => {
        busy = false;
      });
  }, intervalMs);
  return async () => {
    clearInterval(timer);
    await running;
  };
}
