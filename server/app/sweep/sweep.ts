/**
 * The clock sweep: raises warnings and escalations on every open case, each exactly once per clock
 * and level — the levels raised are saved on the case, and a sweep that lost a race (stale version)
 * leaves the case to the one that won.
 */
import { isSweepDue } from '../../domain/clocks/clock-schedule.ts';
import { sweepCase } from '../../domain/clocks/sweep-clocks.ts';
import { parseInstant } from '../../domain/time/time.ts';
import type { AppDeps } from '../ports/deps.ts';
import { publishedPolicy } from '../policies/policy-lifecycle.ts';
import { StoreError, type StoredCase } from '../ports/ports.ts';

export type SweepResult = { cases: number; changed: number; events: number; raced: number };

/** One sweep over every company's open cases. */
export async function sweepAll(deps: AppDeps): Promise<SweepResult> {
  const result: SweepResult = { cases: 0, changed: 0, events: 0, raced: 0 };
  const now = deps.now();
  const nowMs = parseInstant(now);
  for (const company of await deps.store.companies.list()) {
    const due = (await deps.store.cases.list(company.id)).filter((stored) => !stored.case.terminal);
    result.cases += due.length;
    const waiting = due.filter((stored) => isSweepDue(stored.case, nowMs));
    // Saves in batches so the store can put many of them in one durable write.
    for (let i = 0; i < waiting.length; i += SWEEP_BATCH) {
      await Promise.all(
        waiting
          .slice(i, i + SWEEP_BATCH)
          .map((stored) => sweepOne(deps, company.id, stored, now, result)),
      );
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
    before: stored.case,
    after: swept.case,
    events: swept.events,
  };
  try {
    await deps.store.cases.save({ ...stored, case: swept.case, updatedAt: now }, stored.version, [
      entry,
    ]);
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
