/**
 * The clock sweep: raises warnings and escalations on every open case, each exactly once per clock
 * and level — the levels raised are saved on the case, and a sweep that lost a race (stale version)
 * leaves the case to the one that won.
 */
import { sweepCase } from '../../domain/clocks/sweep-clocks.ts';
import { diffJson } from '../../domain/case/case-patch.ts';
import { parseInstant } from '../../domain/time/time.ts';
import type { AppDeps } from '../ports/deps.ts';
import { publishedPolicy } from '../policies/policy-lifecycle.ts';
import { StoreError, type StoredCase } from '../ports/ports.ts';
import { raisedNotifications } from '../../domain/case/raised-notifications.ts';
import { prepareOutbox } from '../notifications/notification-outbox.ts';

/** What a sweep did: cases it looked at (those with a moment come), changed, events raised, races lost. */
export type SweepResult = { cases: number; changed: number; events: number; raced: number };

/**
 * One sweep over every company's open cases whose next moment has come: the store finds them by
 * their index of moments, so a sweep costs what is due, not what is stored.
 */
export async function sweepAll(deps: AppDeps): Promise<SweepResult> {
  const result: SweepResult = { cases: 0, changed: 0, events: 0, raced: 0 };
  const now = deps.now();
  const filter = { open: true, sweepBy: parseInstant(now) };
  for (const company of await deps.store.companies.list()) {
    // Saves a batch at once so the store can put many of them in one durable write.
    for await (const waiting of deps.store.cases.scan(company.id, filter, SWEEP_BATCH)) {
      result.cases += waiting.length;
      await Promise.all(waiting.map((stored) => sweepOne(deps, company.id, stored, now, result)));
    }
  }
  return result;
}

const SWEEP_BATCH = 64;

async function sweepOne(
  deps: AppDeps,
  companyId: string,
  stored: StoredCase,
  now: string,
  result: SweepResult,
): Promise<void> {
  const version = await publishedPolicy(deps, companyId, stored.policyVersion);
  const swept = await sweepCase(version.policy, stored.case, now);
  if (swept.events.length === 0) return;
  const entry = {
    id: deps.newId(),
    companyId,
    caseId: stored.case.id,
    at: now,
    by: 'system:sweep',
    action: 'sweep',
    policyVersion: version.number,
    changes: diffJson(stored.case, swept.case),
    events: swept.events,
  };
  const next = { ...stored, case: swept.case, updatedAt: now };
  const raised = raisedNotifications(stored.case, swept.case, swept.events);
  const outbox = (await prepareOutbox(deps, companyId, raised))?.(next);
  try {
    // The reminders and warnings it raised are kept with the case, in one write.
    await deps.store.cases.save(next, stored.version, [entry], undefined, outbox);
    result.changed += 1;
    result.events += swept.events.length;
  } catch (error) {
    if (!(error instanceof StoreError && error.code === 'stale_version')) throw error;
    result.raced += 1;
  }
}

/** Runs the sweep every `intervalMs`, never two at once in this process; returns a stop function. */
export function startSweeper(
  deps: AppDeps,
  intervalMs: number,
  onError: (error: unknown) => void,
): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    running = sweepAll(deps)
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
