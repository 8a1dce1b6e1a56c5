/** The manufacturing template's happy path (intake to closed), walked over the HTTP app. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { PolicyExample } from '../../server/domain/policy/format.ts';
import { ROOT } from './policies.ts';
import type { TestApp } from './test-app.ts';

/** The example "happyPathCreditNoteClosed": its intake, then every step to closed. */
export const happy = (
  JSON.parse(
    readFileSync(join(ROOT, 'rulesets/manufacturing-quality/examples/03-happy-paths.json'), 'utf8'),
  ) as PolicyExample[]
).find((example) => example.id === 'happyPathCreditNoteClosed')!;

/** An ISO time with offset as UTC, as the test app's clock takes it. */
export const toUtc = (iso: string) => new Date(Date.parse(iso)).toISOString();

/**
 * Registers the happy path's complaint and works it through every step, each as a user with the
 * step's roles; expects each answer to succeed. Returns the intake's answer body.
 */
export async function walkHappyPath(t: TestApp) {
  const tokens = new Map<string, string>();
  for (const step of happy.steps ?? []) {
    const key = step.actor.roles.join('+');
    if (!tokens.has(key)) tokens.set(key, await t.userWith('demo', ...step.actor.roles));
  }
  const clerk = await t.userWith('demo', 'sales');
  t.setNow(toUtc(happy.receivedAt));
  const created = await t.call('POST', '/api/companies/demo/cases', {
    token: clerk,
    body: { intake: happy.intake },
  });
  expect(created.status).toBe(201);
  const id = created.body.case.id as string;
  for (const step of happy.steps ?? []) {
    t.setNow(toUtc(step.at));
    const response = await t.call('POST', `/api/companies/demo/cases/${id}/actions`, {
      token: tokens.get(step.actor.roles.join('+'))!,
      body: { transition: step.transition, ...(step.data ? { data: step.data } : {}) },
    });
    expect(response.status, `${step.transition}: ${JSON.stringify(response.body)}`).toBe(200);
  }
  return { id, created: created.body };
}
