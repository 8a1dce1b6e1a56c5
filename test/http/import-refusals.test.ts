/** The import route's refusals: who may import, malformed bodies, batches too large. */
import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../support/test-app.ts';
import { row, GOOD, companyFromCfpb, cases, post } from './import-fixtures.ts';

describe('POST /api/companies/:company/cases/import', () => {
  it("gives another company's administrator 404 and staff without admin 403, importing nothing", async () => {
    const t = await buildTestApp();
    await companyFromCfpb(t, 'bureau');
    await companyFromCfpb(t, 'other');
    const otherAdmin = await t.userWith('other', 'admin');
    const analyst = await t.userWith('bureau', 'intakeAnalyst');
    const foreign = await post(t, 'bureau', { rows: GOOD, dryRun: true }, otherAdmin);
    expect(foreign).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    expect(JSON.stringify(foreign.body)).not.toContain('3200001');
    const staff = await post(t, 'bureau', { rows: GOOD }, analyst);
    expect(staff).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect((await cases(t, 'bureau')).total).toBe(0);
  });

  it.each([
    ['rows missing', {}, '.rows'],
    [
      'a row without its received time',
      { rows: [{ row: 2, externalKey: 'k', intake: {} }] },
      '.rows[0].receivedAt',
    ],
    ['a row with an unknown field', { rows: [{ ...row(2, 'k'), note: 'x' }] }, '.rows[0].note'],
    ['dryRun not a boolean', { rows: [], dryRun: 'yes' }, '.dryRun'],
  ])('refuses a malformed body (%s) naming the field', async (_, body, property) => {
    const t = await buildTestApp();
    await companyFromCfpb(t, 'bureau');
    const answer = await post(t, 'bureau', body);
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('invalid_body');
    expect(answer.body.error.fieldErrors.map((f: { property: string }) => f.property)).toContain(
      property,
    );
  });

  it('refuses more than 500 rows in one request', async () => {
    const t = await buildTestApp();
    await companyFromCfpb(t, 'bureau');
    const rows = Array.from({ length: 501 }, (_, i) => row(i + 2, `k${i}`));
    const answer = await post(t, 'bureau', { rows, dryRun: true });
    expect(answer).toMatchObject({ status: 400, body: { error: { code: 'invalid_request' } } });
  });
});
