import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAjvValidator } from '../../server/adapters/validation/ajv-validator.ts';
import { ROOT } from '../support/policies.ts';
import { policySchemaJson } from '../../scripts/policy-schema.ts';

const policySchema = policySchemaJson();

describe('the policy format schema', () => {
  it('is committed as generated (npm run schema:policy)', () => {
    const committed = JSON.parse(readFileSync(join(ROOT, 'schemas/policy.schema.json'), 'utf8'));
    expect(committed).toEqual(policySchema);
  });

  it('is itself a valid draft-07 schema', () => {
    expect(createAjvValidator().compileErrors(policySchema)).toEqual([]);
  });
});

// The form validator must follow draft-07 as the JSON Schema Test Suite states it, since forms
// are checked by the same draft in the studio (rjsf's ajv8 validator) and on the server.
const suite = join(ROOT, '../shared/data/json-schema-test-suite/tests/draft7');
const REMOTE = new Set(['refRemote.json']); // needs a web server for remote $refs
// ajv 8's documented departures from draft-07, asserted so that a change in them is noticed:
// it applies keywords beside $ref (draft-07 ignores them), and it reads properties named like
// Object.prototype members (__proto__, constructor, toString) through the prototype.
const KNOWN_DEVIATIONS: Record<string, string[]> = {
  'properties.json: properties whose names are Javascript object property names': [
    'none of the properties mentioned',
  ],
  'ref.json: ref overrides any sibling keywords': ['ref valid, maxItems ignored'],
  'ref.json: $ref prevents a sibling $id from changing the base uri': [
    '$ref resolves to /definitions/base_foo, data does not validate',
    '$ref resolves to /definitions/base_foo, data validates',
  ],
  'required.json: required properties whose names are Javascript object property names': [
    'none of the properties mentioned',
    '__proto__ present',
    'toString present',
    'constructor present',
  ],
};
const groups = existsSync(suite)
  ? readdirSync(suite)
      .filter((file) => file.endsWith('.json') && !REMOTE.has(file))
      .flatMap((file) =>
        (
          JSON.parse(readFileSync(join(suite, file), 'utf8')) as {
            description: string;
            schema: unknown;
            tests: { description: string; data: unknown; valid: boolean }[];
          }[]
        ).map((group) => ({ file, ...group })),
      )
  : [];

describe.skipIf(groups.length === 0)(
  'draft-07 forms against the JSON Schema Test Suite (skipped when ../shared/data is not in this checkout; CI has it)',
  () => {
    const validator = createAjvValidator();
    it.each(groups)('$file: $description', ({ file, description, schema, tests }) => {
      const wrong = tests.filter((test) => {
        if (typeof schema === 'boolean') return false;
        return (
          (validator.validate(schema as Record<string, unknown>, test.data, 'en').length === 0) !==
          test.valid
        );
      });
      expect(wrong.map((t) => t.description)).toEqual(
        KNOWN_DEVIATIONS[`${file}: ${description}`] ?? [],
      );
    });
  },
);
