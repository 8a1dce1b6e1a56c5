/** The API's check refuses a calendar without working hours and a close of working day 0, in both languages. */
import { describe, expect, it } from 'vitest';
import { DRAFT, acme, draftVersion } from './policy-draft-fixtures.ts';
import type { TestApp } from '../support/test-app.ts';

type Problem = { code: string; path: string; message: string };
/** The parts of the exported draft these tests change. */
type Draft = {
  calendars: Record<string, { workingHours: { week: object }[] }>;
  clocks: Record<string, { duration: object }>;
};

/** Saves the full draft changed by `change`, then checks it in `lang`. */
async function checkChanged(
  t: TestApp,
  admin: string,
  change: (document: Draft) => void,
  lang: string,
): Promise<{ ok: boolean; problems: Problem[] }> {
  const document = (await t.call('GET', `${DRAFT}/export?form=full`, { token: admin }))
    .body as Draft;
  change(document);
  const saved = await t.call('PUT', DRAFT, {
    token: admin,
    body: { document, expectedVersion: await draftVersion(t, admin) },
  });
  expect(saved.status).toBe(200);
  const checked = await t.call('POST', `${DRAFT}/check`, {
    token: admin,
    headers: { 'accept-language': lang },
  });
  expect(checked.status).toBe(200);
  return checked.body;
}

describe('the API check of calendars and working-day closes', () => {
  it.each([
    ['en', 'calendar "office" has no working hours in its week'],
    ['zh-CN', '日历 "office" 自'],
  ])('refuses in %s a calendar with no working hours, and publish with it', async (lang, text) => {
    const { t, admin } = await acme();
    const checked = await checkChanged(
      t,
      admin,
      (document) => {
        for (const hours of document.calendars.office!.workingHours) hours.week = {};
      },
      lang,
    );
    expect(checked.ok).toBe(false);
    const problem = checked.problems.find((p) => p.code === 'calendar_no_hours');
    expect(problem?.path).toBe('/calendars/office/workingHours/0/week');
    expect(problem?.message).toContain(text);
    const published = await t.call('POST', '/api/companies/acme/policy/publish', {
      token: admin,
      body: { note: 'try' },
    });
    expect(published.status).toBe(422);
  });

  it.each([
    ['en', 'needs a whole N from 1, not 0'],
    ['zh-CN', '现为 0'],
  ])('refuses in %s a close of working day 0', async (lang, text) => {
    const { t, admin } = await acme();
    const checked = await checkChanged(
      t,
      admin,
      (document) =>
        void (document.clocks.reply!.duration = { amount: 0, unit: 'closeOfWorkingDay' }),
      lang,
    );
    const problem = checked.problems.find((p) => p.code === 'close_days_invalid');
    expect(problem?.path).toBe('/clocks/reply/duration/amount');
    expect(problem?.message).toContain(text);
  });

  it('accepts a close of the second working day', async () => {
    const { t, admin } = await acme();
    const checked = await checkChanged(
      t,
      admin,
      (document) =>
        void (document.clocks.reply!.duration = { amount: 2, unit: 'closeOfWorkingDay' }),
      'en',
    );
    expect(checked.problems).toEqual([]);
  });
});
