/**
 * The demo company with three open cases on version 1 — registering, awaiting approval of a
 * 1,500-yuan remedy, pending closure — and a draft that raises the sales manager's band to 2,000,
 * shortens the reply clock to 5 days and drops the state "pendingClosure".
 */
import { expect } from 'vitest';
import type { Store } from '../../server/app/ports/ports.ts';
import type { Policy, PolicyExample } from '../../server/domain/policy/format.ts';
import { buildTestApp, type TestApp } from '../support/test-app.ts';

/** When the cases are looked at: 2026-03-20 16:00 in Shanghai. */
export const NOW = '2026-03-20T08:00:00.000Z';
export const DRAFT = '/api/companies/demo/policy/draft';
export const PUBLISH = '/api/companies/demo/policy/publish';
export const PREVIEW = '/api/companies/demo/policy/draft/migration-preview';

type Step = NonNullable<PolicyExample['steps']>[number];

/** An ISO time with offset as UTC, as the test app's clock takes it. */
const toUtc = (iso: string) => new Date(Date.parse(iso)).toISOString();

/**
 * Registers the complaint of the example "happyPathCreditNoteClosed" (read from version 1, so that
 * the studio tests need no file access) and takes its steps up to and with `last`.
 */
async function openAndWalk(t: TestApp, last: string | null, change: (step: Step) => Step) {
  const v1 = await t.deps.store.policies.getVersion('demo', 1);
  const happy = v1!.policy.examples.find((e) => e.id === 'happyPathCreditNoteClosed')!;
  const steps = happy.steps ?? [];
  const upTo = last === null ? 0 : steps.findIndex((step) => step.transition === last) + 1;
  const clerk = await t.userWith('demo', 'sales');
  t.setNow(toUtc(happy.receivedAt));
  const created = await t.call('POST', '/api/companies/demo/cases', {
    token: clerk,
    body: { intake: happy.intake },
  });
  expect(created.status).toBe(201);
  const id = created.body.case.id as string;
  for (const original of steps.slice(0, upTo)) {
    const step = change(original);
    t.setNow(toUtc(step.at));
    const response = await t.call('POST', `/api/companies/demo/cases/${id}/actions`, {
      token: await t.userWith('demo', ...step.actor.roles),
      body: { transition: step.transition, ...(step.data ? { data: step.data } : {}) },
    });
    expect(response.status, `${step.transition}: ${JSON.stringify(response.body)}`).toBe(200);
  }
  return id;
}

const asIs = (step: Step) => step;
const remedyOf1500 = (step: Step) =>
  step.transition === 'proposeRemedy' ? { ...step, data: { ...step.data, amount: 1500 } } : step;

/** Version 2's draft document, made from version 1's. */
export function draftV2(document: unknown): Policy {
  const doc = structuredClone(document) as Policy;
  const [below, middle] = doc.approvals.rows;
  below!.max = 2000;
  middle!.min = 2000;
  doc.roles.salesManager!.authorityLimit = 2000;
  doc.clocks.reply!.duration = { amount: 5, unit: 'days' };
  delete doc.workflow.states.pendingClosure;
  doc.workflow.transitions = doc.workflow.transitions
    .filter((t) => t.id !== 'close')
    .map((t) => ({
      ...t,
      from: t.from.filter((state) => state !== 'pendingClosure'),
      ...(t.to === 'pendingClosure' ? { to: 'closed' } : {}),
    }));
  // Version 1's examples walk the old bands and states; version 2 is published without them.
  doc.examples = [];
  return doc;
}

/**
 * The app with the three open cases and version 2 saved as the draft (checked clean), its clock at
 * NOW; `admin` is the demo company's administrator.
 */
export async function withOpenCases(store?: Store) {
  const t = await buildTestApp(undefined, store);
  const admin = await t.userWith('demo', 'admin');
  const registering = await openAndWalk(t, null, asIs);
  const approving = await openAndWalk(t, 'proposeRemedy', remedyOf1500);
  const pendingClosure = await openAndWalk(t, 'followUp', asIs);
  const draft = await t.call('GET', DRAFT, { token: admin });
  const saved = await t.call('PUT', DRAFT, {
    token: admin,
    body: { document: draftV2(draft.body.document), expectedVersion: draft.body.version },
  });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  const check = await t.call('POST', `${DRAFT}/check`, { token: admin });
  expect(check.body, JSON.stringify(check.body.problems)).toMatchObject({ ok: true });
  t.setNow(NOW);
  return { t, admin, ids: { registering, approving, pendingClosure } };
}
