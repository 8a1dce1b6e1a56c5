/** The import route replays several steps of a record, each at its time with its form. */
import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, buildTestApp } from '../support/test-app.ts';
import { companyFromCfpb, post, row } from './import-fixtures.ts';

const RESPONSE = {
  responseType: 'closedWithExplanation',
  explanation: 'Debt sold on; we stopped.',
};

describe('POST /api/companies/:company/cases/import with steps', () => {
  it('replays sending, then the response, each at its time: the 15-day clock runs between them', async () => {
    const t = await buildTestApp();
    await companyFromCfpb(t, 'bureau');
    const answer = await post(t, 'bureau', {
      sentTransition: 'sendToCompany',
      rows: [
        row(2, '3300001', {
          steps: [{ transition: 'respond', at: '2019-06-10T09:00:00-04:00', data: RESPONSE }],
        }),
      ],
    });
    expect(answer.body).toMatchObject({ imported: 1, rejected: [] });
    const one = await t.call('GET', `/api/companies/bureau/cases/${answer.body.cases[0].id}`, {
      token: ADMIN_TOKEN,
    });
    expect(one.body.case.state).toBe('responded');
    expect(one.body.case.clocks.companyResponse).toMatchObject({
      startedAt: '2019-06-05T00:00:00-04:00',
      stoppedAt: '2019-06-10T09:00:00-04:00',
      status: 'stopped',
    });
    expect(one.body.updatedAt).toBe('2019-06-10T09:00:00-04:00');
    const events = one.body.audit[0].events
      .filter((e: { type: string }) => e.type === 'transition')
      .map((e: { at: string; data: { transition: string } }) => `${e.data.transition}@${e.at}`);
    expect(events).toEqual([
      'sendToCompany@2019-06-05T00:00:00-04:00',
      'respond@2019-06-10T09:00:00-04:00',
    ]);
  });

  it('names the step of a refusal: its form field, its time, a step the case cannot take', async () => {
    const t = await buildTestApp();
    await companyFromCfpb(t, 'bureau');
    const answer = await post(t, 'bureau', {
      dryRun: true,
      sentTransition: 'sendToCompany',
      rows: [
        row(2, '3300002', {
          steps: [
            {
              transition: 'respond',
              at: '2019-06-10T09:00:00-04:00',
              data: { ...RESPONSE, explanation: undefined },
            },
          ],
        }),
        row(3, '3300003', {
          steps: [{ transition: 'respond', at: '2019-06-04T09:00:00-04:00', data: RESPONSE }],
        }),
        row(4, '3300004', {
          steps: [{ transition: 'close', at: '2019-06-10T09:00:00-04:00', data: {} }],
        }),
      ],
    });
    expect(answer.body.rejected).toEqual([
      expect.objectContaining({
        row: 2,
        code: 'stage_form_invalid',
        field: '.steps[0].data.explanation',
      }),
      expect.objectContaining({ row: 3, code: 'import_time_invalid', field: '.steps[0].at' }),
      expect.objectContaining({ row: 4, code: 'wrong_state', field: '.steps[0].at' }),
    ]);
    expect(answer.body.rejected[1].message).toContain(
      '2019-06-04T09:00:00-04:00 is before sendToCompany at 2019-06-05T00:00:00-04:00: one of the two is wrong',
    );
  });

  it('refuses malformed steps naming each field', async () => {
    const t = await buildTestApp();
    await companyFromCfpb(t, 'bureau');
    const answer = await post(t, 'bureau', {
      rows: [row(2, '3300005', { steps: [{ transition: 'respond', at: 5, by: 'x' }] })],
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.fieldErrors).toEqual([
      { property: '.rows[0].steps[0].at', message: 'must be a string' },
      { property: '.rows[0].steps[0].by', message: 'unknown field' },
    ]);
  });
});
