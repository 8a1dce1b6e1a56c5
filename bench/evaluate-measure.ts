/**
 * One process's share of `npm run bench:evaluate`: how many cases a second the domain opens on a
 * template (validation, categories, rule sets, approvals, clocks), beside the same form through ajv
 * plus a few decisions written by hand. It imports only what every Kesu version since the domain
 * split exports, so the benchmark can run it in an older checkout as the baseline. Prints one JSON
 * line: `{ template: { domain, handWritten } }` in cases per second.
 */
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { bundledTemplates } from '../server/adapters/files/bundled-templates.ts';
import { createAjvValidator } from '../server/adapters/validation/ajv-validator.ts';
import { openCase, type Policy } from '../server/domain/index.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);
const TEMPLATES = (process.env.BENCH_TEMPLATES ?? 'starter,manufacturing-quality').split(',');

type Example = { intake?: Record<string, unknown>; receivedAt?: string };

/** The template's example intakes, with their amounts spread so the bands and rows all get used. */
export function sampleIntakes(policy: Policy, count: number): Record<string, unknown>[] {
  const examples = ((policy as { examples?: Example[] }).examples ?? []).filter((e) => e.intake);
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i += 1) {
    const intake = structuredClone(examples[i % examples.length]?.intake ?? {});
    spreadAmounts(intake, i);
    out.push(intake);
  }
  return out;
}

/** Every number called "amount…" somewhere in the intake, set to a value spread over 0–60,000. */
function spreadAmounts(value: unknown, seed: number): void {
  if (typeof value !== 'object' || value === null) return;
  const record = value as Record<string, unknown>;
  for (const [key, child] of Object.entries(record)) {
    if (typeof child === 'number' && /amount/i.test(key)) record[key] = (seed * 7919) % 60_000;
    else spreadAmounts(child, seed);
  }
}

/** Runs `step` over the inputs in loops for SECONDS; answers the rate per second. */
async function rate<T>(inputs: T[], step: (input: T, i: number) => unknown): Promise<number> {
  for (let i = 0; i < Math.min(200, inputs.length); i += 1) await step(inputs[i] as T, i);
  let done = 0;
  const started = performance.now();
  const end = started + SECONDS * 1000;
  while (performance.now() < end) {
    for (let i = 0; i < 100; i += 1, done += 1) await step(inputs[done % inputs.length] as T, done);
  }
  return (done / (performance.now() - started)) * 1000;
}

/** What the intake benchmark's ceiling server decides by hand: a severity, a handler, a due time. */
function handWritten(intake: Record<string, unknown>, receivedMs: number) {
  const remedy = intake.remedySought as { amount?: number } | undefined;
  const amount = Number(intake.amountSought ?? remedy?.amount ?? 0);
  const major = amount >= 10_000;
  return {
    categories: { severity: major ? 'major' : 'general' },
    assignee: { role: major ? 'manager' : 'clerk' },
    clocks: [{ id: 'reply', due: new Date(receivedMs + 5 * 86_400_000).toISOString() }],
  };
}

async function measure(template: string) {
  const policy = bundledTemplates().load(template) as Policy;
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats.default(ajv);
  const validate = ajv.compile(policy.forms.intake.schema);
  // Examples of refusals carry forms that do not validate: only valid intakes are timed.
  const intakes = sampleIntakes(policy, 1000).filter((intake) => validate(intake));
  const context = { policy, validator: createAjvValidator() };
  const receivedAt = '2026-03-02T09:00:00+08:00';
  const actor = { user: 'bench', roles: [] };
  const receivedMs = Date.parse(receivedAt);
  // Interleaved halves, so drift on a shared machine touches both sides alike.
  const domain: number[] = [];
  const hand: number[] = [];
  for (let half = 0; half < 2; half += 1) {
    domain.push(
      await rate(intakes, (intake, i) =>
        openCase(context, { id: `c${i}`, number: `N${i}`, receivedAt, intake, actor }),
      ),
    );
    hand.push(
      await rate(intakes, (intake) => (validate(intake) ? handWritten(intake, receivedMs) : null)),
    );
  }
  return { domain: Math.max(...domain), handWritten: Math.max(...hand) };
}

const results: Record<string, { domain: number; handWritten: number }> = {};
for (const template of TEMPLATES) results[template] = await measure(template);
console.log(JSON.stringify(results));
