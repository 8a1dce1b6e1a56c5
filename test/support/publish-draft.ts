/** Changing a company's policy the way an administrator does: edit the draft, save it, publish. */
import { expect } from 'vitest';
import { ADMIN_TOKEN, type TestApp } from './test-app.ts';

/** A policy document as the API answers it: parsed JSON, edited in place by the tests. */
type PolicyJson = ReturnType<typeof JSON.parse>;

/** Applies `change` to the company's draft document, saves it and publishes it with `note`. */
export async function publishDraftChange(
  t: TestApp,
  company: string,
  note: string,
  change: (document: PolicyJson) => void,
): Promise<void> {
  const draft = await t.call('GET', `/api/companies/${company}/policy/draft`, {
    token: ADMIN_TOKEN,
  });
  const document = structuredClone(draft.body.document);
  change(document);
  const saved = await t.call('PUT', `/api/companies/${company}/policy/draft`, {
    token: ADMIN_TOKEN,
    body: { document, expectedVersion: draft.body.version },
  });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  const published = await t.call('POST', `/api/companies/${company}/policy/publish`, {
    token: ADMIN_TOKEN,
    body: { note },
  });
  expect(published.status, JSON.stringify(published.body)).toBe(201);
}
