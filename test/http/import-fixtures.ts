/** The rows and helpers the import route's tests share: CFPB complaints of 2019. */
import { expect } from 'vitest';
import { ADMIN_TOKEN, type TestApp } from '../support/test-app.ts';

/** The import route of a company. */
const URL_OF = (company: string) => `/api/companies/${company}/cases/import`;

/** A CFPB complaint as the cfpb-consumer intake form takes it. */
function intake(overrides: Record<string, unknown> = {}) {
  return {
    product: 'debtCollection',
    issue: 'attemptsToCollectDebtNotOwed',
    issueText: 'Attempts to collect debt not owed',
    company: 'EXAMPLE COLLECTIONS LLC',
    state: 'TX',
    submittedVia: 'web',
    ...overrides,
  };
}

/** An import row of 2019 with its key, times, intake and categories. */
export function row(n: number, key: string, overrides: Record<string, unknown> = {}) {
  return {
    row: n,
    externalKey: key,
    receivedAt: '2019-06-03T00:00:00-04:00',
    sentAt: '2019-06-05T00:00:00-04:00',
    intake: intake(),
    categories: { companyResponse: 'closedWithExplanation', timelyResponse: 'timely' },
    ...overrides,
  };
}

/** Two rows that import. */
export const GOOD = [
  row(2, '3200001'),
  row(3, '3200002', { receivedAt: '2019-07-01T00:00:00-04:00', sentAt: undefined }),
];
/** Five rows refused, each for its own reason (form, sent time, category, repeated key, time). */
export const BAD = [
  row(4, '3200003', { intake: intake({ product: 'Debt collection' }) }),
  row(5, '3200004', { sentAt: '2019-06-01T00:00:00-04:00' }),
  row(6, '3200005', { categories: { timelyResponse: 'late' } }),
  row(7, '3200001'),
  row(8, '3200006', { receivedAt: '2019-06-03' }),
];

/** Creates a company from the cfpb-consumer template. */
export async function companyFromCfpb(t: TestApp, id: string) {
  const created = await t.call('POST', '/api/companies', {
    token: ADMIN_TOKEN,
    body: { id, name: id, template: 'cfpb-consumer' },
  });
  expect(created.status).toBe(201);
}

/** The company's cases as the list route gives them. */
export async function cases(t: TestApp, company: string) {
  return (
    await t.call('GET', `/api/companies/${company}/cases?pageSize=100`, { token: ADMIN_TOKEN })
  ).body;
}

/** Posts an import batch, asking for English messages. */
export const post = (t: TestApp, company: string, body: unknown, token = ADMIN_TOKEN) =>
  t.call('POST', URL_OF(company), { token, body, headers: { 'accept-language': 'en' } });
