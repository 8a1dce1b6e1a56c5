/**
 * Writes schemas/policy.schema.json from the format's one definition (npm run schema:policy); a
 * test checks that the committed file is what this produces.
 */
import { writeFileSync } from 'node:fs';
import { PolicySchema } from '../server/domain/policy/format.ts';

/** The policy format's JSON Schema as plain JSON (TypeBox's symbol-keyed markers left out). */
export function policySchemaJson(): Record<string, unknown> {
  return JSON.parse(JSON.stringify(PolicySchema)) as Record<string, unknown>;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  const file = new URL('../schemas/policy.schema.json', import.meta.url);
  writeFileSync(file, JSON.stringify(policySchemaJson(), null, 2) + '\n');
}
