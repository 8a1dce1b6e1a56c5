import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicyDocument } from '../../server/adapters/files/policy-files.ts';
import { listTemplates, RULESETS_DIR } from '../../server/adapters/files/template-library.ts';
import { checkPolicy } from '../../server/domain/policy/check/check-policy.ts';
import { runExamples } from '../../server/domain/examples/run-examples.ts';
import { exampleFailureMessage } from '../../server/messages/example-messages.ts';
import { checkedPolicy, testValidator } from '../support/policies.ts';

// Every template checks clean and passes its own examples (templates test themselves).
const templates = listTemplates(RULESETS_DIR, RULESETS_DIR);
const MINIMUM_EXAMPLES: Record<string, number> = {
  'manufacturing-quality': 15,
  'education-company': 12,
  starter: 3,
};

describe.each(templates)('template $id', (template) => {
  const document = loadPolicyDocument(join(RULESETS_DIR, template.path));

  it('passes the policy check', () => {
    expect(checkPolicy(document, testValidator(), 'en').problems).toEqual([]);
  });

  it('passes all of its examples', async () => {
    const policy = checkedPolicy(document);
    const results = await runExamples({ policy, validator: testValidator(), lang: 'en' });
    expect(
      results
        .filter((r) => !r.passed)
        .map((r) => `${r.id}: ${r.failures.map(exampleFailureMessage).join('; ')}`),
    ).toEqual([]);
    expect(results.length).toBeGreaterThanOrEqual(MINIMUM_EXAMPLES[template.id] ?? 10);
  });
});

describe('the template library', () => {
  it('lists every folder with a policy.json', () => {
    const folders = readdirSync(RULESETS_DIR, { withFileTypes: true }).filter(
      (d) => d.isDirectory() && readdirSync(join(RULESETS_DIR, d.name)).includes('policy.json'),
    );
    expect(templates.map((t) => t.path).sort()).toEqual(folders.map((d) => d.name).sort());
  });

  it('ships China’s official calendar for 2024–2026', () => {
    const data = JSON.parse(
      readFileSync(join(RULESETS_DIR, 'calendars/cn-official-2024-2026.json'), 'utf8'),
    );
    expect(data.coverage).toEqual({ from: '2024-01-01', to: '2026-12-31' });
  });
});
