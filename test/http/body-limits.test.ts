/** Bodies a JSON parser accepts but Kesu cannot keep: too deeply nested, or numbers beyond a double. */
import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, buildTestApp, manufacturingIntake } from '../support/test-app.ts';
import { allCases } from '../support/store-reads.ts';

/** `{"a":{"a":…{}}}`, `depth` objects deep. */
const nested = (depth: number) => '{"a":'.repeat(depth - 1) + '{}' + '}'.repeat(depth - 1);

const withExtra = (raw: string) =>
  JSON.stringify({ intake: { ...manufacturingIntake(), extra: '@' } }).replace('"@"', raw);

describe('request bodies beyond what Kesu keeps', () => {
  it.each([
    [
      'a field nested 5,000 deep',
      withExtra(nested(5000)),
      'body_too_deep',
      /^\.intake\.extra\.a\.a/,
    ],
    [
      'a number too large for a double',
      withExtra('1e309'),
      'number_not_finite',
      /^\.intake\.extra$/,
    ],
    [
      'a number too small for a double',
      withExtra('[1, -1e400]'),
      'number_not_finite',
      /^\.intake\.extra\.1$/,
    ],
  ])(
    'refuses %s with a coded 400 naming the field, and stores nothing',
    async (_, body, code, property) => {
      const t = await buildTestApp();
      const response = await t.call('POST', '/api/companies/demo/cases', {
        token: ADMIN_TOKEN,
        body,
        headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      });
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe(code);
      expect(response.body.error.fieldErrors).toHaveLength(1);
      expect(response.body.error.fieldErrors[0].property).toMatch(property);
      expect((await allCases(t.deps.store, 'demo')).length).toBe(0);
    },
  );

  it('accepts a field nested as deep as the limit allows', async () => {
    const t = await buildTestApp();
    const response = await t.call('POST', '/api/companies/demo/cases', {
      token: ADMIN_TOKEN,
      body: withExtra(nested(30)),
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(201);
  });
});
