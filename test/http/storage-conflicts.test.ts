import { describe, expect, it } from 'vitest';
import {
  ADMIN_TOKEN,
  buildTestApp,
  manufacturingIntake,
  type TestApp,
} from '../support/test-app.ts';

type Answer = Awaited<ReturnType<TestApp['call']>>;

const english = { 'accept-language': 'en' };

/** The same company created by two requests at once: both find no company, the store refuses one. */
async function createTwice(t: TestApp): Promise<Answer[]> {
  const body = { id: 'acme', name: 'Acme' };
  return Promise.all([
    t.call('POST', '/api/companies', { token: ADMIN_TOKEN, body, headers: english }),
    t.call('POST', '/api/companies', { token: ADMIN_TOKEN, body, headers: english }),
  ]);
}

/** One case registered by two requests at once: both read version 1, the store refuses one save. */
async function actTwice(t: TestApp): Promise<Answer[]> {
  const gmOffice = await t.userWith('demo', 'gmOffice');
  const sales = await t.userWith('demo', 'sales');
  const created = await t.call('POST', '/api/companies/demo/cases', {
    token: sales,
    body: { intake: manufacturingIntake() },
  });
  const path = `/api/companies/demo/cases/${created.body.case.id}/actions`;
  const body = {
    transition: 'register',
    data: { investigatingDepartment: 'quality', onSiteInspection: false },
  };
  return Promise.all([
    t.call('POST', path, { token: gmOffice, body, headers: english }),
    t.call('POST', path, { token: gmOffice, body, headers: english }),
  ]);
}

describe('a storage conflict', () => {
  it.each<[string, (t: TestApp) => Promise<Answer[]>, number, string, string]>([
    [
      'the same company created twice at once',
      createTwice,
      201,
      'already_exists',
      'Already exists',
    ],
    [
      'one case acted on twice at once',
      actTwice,
      200,
      'stale_version',
      'Changed by someone else; reload and try again',
    ],
  ])(
    'answers %s with 409 and the coded envelope, not 404',
    async (_description, race, won, code, message) => {
      const t = await buildTestApp();
      const answers = await race(t);
      expect(answers.map((a) => a.status).sort()).toEqual([won, 409]);
      expect(answers.find((a) => a.status === 409)?.body.error).toMatchObject({
        code,
        message,
        fieldErrors: [],
        requestId: expect.any(String),
      });
    },
  );

  it('keeps the first of two companies created at once, and only it', async () => {
    const t = await buildTestApp();
    await createTwice(t);
    const companies = await t.deps.store.companies.list();
    expect(companies.filter((c) => c.id === 'acme')).toEqual([
      expect.objectContaining({ name: 'Acme' }),
    ]);
  });
});
