/** Stored cases for backtests: the manufacturing happy path at chosen amounts, and a raised limit. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { PolicyExample } from '../../server/domain/policy/format.ts';
import { ADMIN_TOKEN, buildTestApp, type TestApp } from './test-app.ts';

// Read from the repository root (vitest's working directory), not import.meta.url: the studio's
// tests use these too, and under jsdom that URL is jsdom's.
const happy = (
  JSON.parse(
    readFileSync(
      join(process.cwd(), 'rulesets/manufacturing-quality/examples/03-happy-paths.json'),
      'utf8',
    ),
  ) as PolicyExample[]
).find((example) => example.id === 'happyPathCreditNoteClosed')!;

const toUtc = (iso: string) => new Date(Date.parse(iso)).toISOString();

/** The happy path with its remedy at `amount`, approved by the sales manager (and the deputy GM). */
export async function walk(t: TestApp, amount: number, receivedAt: string) {
  const shift = Date.parse(receivedAt) - Date.parse(happy.receivedAt);
  const clerk = await t.userWith('demo', 'sales');
  t.setNow(toUtc(receivedAt));
  const created = await t.call('POST', '/api/companies/demo/cases', {
    token: clerk,
    body: { intake: { ...happy.intake, remedySought: { type: 'creditNote', amount } } },
  });
  expect(created.status).toBe(201);
  const id = created.body.case.id as string;
  const steps = (happy.steps ?? []).flatMap((step) =>
    step.transition === 'approve' && amount >= 1000
      ? [step, { ...step, actor: { user: 'gm2', roles: ['deputyGM'] } }]
      : [step],
  );
  let offset = 0;
  for (const step of steps) {
    const token = await t.userWith('demo', ...step.actor.roles);
    const data = step.data as Record<string, unknown> | undefined;
    const amounts = step.transition === 'proposeRemedy' ? { amount } : {};
    offset += 60_000;
    t.setNow(new Date(Date.parse(step.at) + shift + offset).toISOString());
    const answer = await t.call('POST', `/api/companies/demo/cases/${id}/actions`, {
      token,
      body: { transition: step.transition, ...(data ? { data: { ...data, ...amounts } } : {}) },
    });
    expect(answer.status, `${step.transition}: ${JSON.stringify(answer.body)}`).toBe(200);
  }
  return id;
}

/** The demo draft with the 1,000-yuan limit raised to 2,000 (the sales manager alone up to 2,000). */
export async function raiseLimit(t: TestApp) {
  const draft = await t.call('GET', '/api/companies/demo/policy/draft', { token: ADMIN_TOKEN });
  const document = structuredClone(draft.body.document);
  document.approvals.rows[0].max = 2000;
  document.approvals.rows[1].min = 2000;
  document.roles.salesManager.authorityLimit = 2000;
  const saved = await t.call('PUT', '/api/companies/demo/policy/draft', {
    token: ADMIN_TOKEN,
    body: { document, expectedVersion: draft.body.version },
  });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  return document;
}

/** Three closed cases: 800 and 1,500 yuan in March 2026, 1,500 in April; now is May. */
export async function seeded() {
  const t = await buildTestApp('2026-03-01T00:00:00.000Z');
  await walk(t, 800, '2026-03-09T10:00:00+08:00');
  const raised = await walk(t, 1500, '2026-03-10T10:00:00+08:00');
  await walk(t, 1500, '2026-04-02T10:00:00+08:00');
  t.setNow('2026-05-01T00:00:00.000Z');
  return { t, raised };
}

/**
 * `count` more cases stored like the walked case `caseId` (its audit entries written in order, one
 * save each, as the runtime writes them), numbered on in its month: many cases without walking each.
 * `withoutInput` writes the entries as older runtimes did, without the actions' input.
 */
export async function copies(
  t: TestApp,
  caseId: string,
  count: number,
  options: { withoutInput?: boolean } = {},
) {
  const { store } = t.deps;
  const original = (await store.cases.get('demo', caseId))!;
  const written = await store.audit.forCase('demo', caseId);
  // As written before actions' entries kept their input: a replay rebuilds it from the case.
  const entries = options.withoutInput
    ? written.map(({ input: _input, ...entry }) => entry)
    : written;
  for (let copy = 0; copy < count; copy += 1) {
    const id = `${caseId}-copy-${copy}`;
    const entry = (index: number) => ({ ...entries[index]!, id: `${id}-${index}`, caseId: id });
    let stored = await store.cases.insertNumbered(
      'demo',
      original.period,
      (serial) => ({
        case: { ...original.case, id, number: `${original.case.number}-${serial}` },
        policyVersion: original.policyVersion,
        month: original.month,
        updatedAt: original.updatedAt,
      }),
      () => [entry(0)],
    );
    for (let index = 1; index < entries.length; index += 1)
      stored = await store.cases.save(stored, stored.version, [entry(index)]);
  }
}
