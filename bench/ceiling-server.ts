/**
 * The ceiling for the intake benchmark: Hono + ajv on the same intake form as Kesu, and a few
 * decisions written by hand (severity by amount, who handles it, a due time), with numbers from an
 * in-memory counter. What Kesu does on top of this — the policy's rules, clocks on a business
 * calendar, storage that survives a crash, audit — is what the benchmark's ratio prices.
 */
import { serve } from '@hono/node-server';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { Hono } from 'hono';
import { bundledTemplates } from '../server/adapters/files/bundled-templates.ts';

const templates = ['starter', 'manufacturing-quality'];
const app = new Hono();
let serial = 0;
for (const template of templates) {
  // The template as Kesu loads it (forms may live in files of their own).
  const policy = bundledTemplates().load(template) as { forms: { intake: { schema: object } } };
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats.default(ajv);
  const validate = ajv.compile(policy.forms.intake.schema);
  app.post(`/api/ceiling/${template}`, async (c) => {
    const body = (await c.req.json()) as { intake?: Record<string, unknown> };
    const intake = body.intake ?? {};
    if (!validate(intake)) return c.json({ errors: validate.errors }, 422);
    const remedy = intake.remedySought as { amount?: number } | undefined;
    const amount = Number(intake.amountSought ?? remedy?.amount ?? 0);
    serial += 1;
    const receivedAt = new Date();
    return c.json(
      {
        case: {
          number: `C${serial}`,
          state: 'registered',
          receivedAt: receivedAt.toISOString(),
          categories: { severity: amount >= 10_000 ? 'major' : 'general' },
          assignee: { role: amount >= 10_000 ? 'manager' : 'clerk' },
          intake,
        },
        clocks: [{ id: 'reply', due: new Date(receivedAt.getTime() + 5 * 86_400_000) }],
      },
      201,
    );
  });
}
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' }, () =>
  console.log('Kesu is running (ceiling)'),
);
