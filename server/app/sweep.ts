/**
 * The clock sweep: raises warnings and escalations on every open case, each exactly once per clock
 * and level — the levels raised are saved on the case, and a sweep that lost a race (stale version)
 * leaves the case to the one that won.
 */
import { isSweepDue } from '../domain/clock-schedule.ts';
import { sweepCase } from '../domain/sweep-clocks.ts';
import { parseInstant } from '../domain/time.ts';
import type { AppDeps } from './deps.ts';
import { publishedPolicy } from './policy-lifecycle.ts';
import { StoreError } from './ports.ts';

export type SweepResult = { cases: number; changed: number; events: number; raced: number };

/** One sweep over every company's open cases. */
export async function sweepAll(deps: AppDeps): Promise<SweepResult> {
  const result: SweepResult = { cases: 0, changed: 0, events: 0, raced: 0 };
  const now = deps.now();
  const nowMs = parseInstant(now);
  for (const company of await deps.store.companies.list()) {
    for (const stored of await deps.store.cases.list(company.id)) {
      if (stored.case.terminal) continue;
      result.cases += 1;
      if (!isSweepDue(stored.case, nowMs)) continue;
      const version = await publishedPolicy(deps, company.id, stored.policyVersion);
      const swept = await sweepCase(version.policy, stored.case, now);
      if (swept.events.length === 0) continue;
      const entry = {
        id: deps.newId(),
        companyId: company.id,
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
        await deps.store.cases.save(
          { ...stored, case: swept.case, updatedAt: now },
          stored.version,
          [entry],
        );
        result.changed += 1;
        result.events += swept.events.length;
      } catch (error) {
        if (!(error instanceof StoreError && error.code === 'stale_version')) throw error;
        result.raced += 1;
      }
    }
  }
  return result;
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
