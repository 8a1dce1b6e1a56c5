/** The demo draft the rule builder and decision-table tests start from: a media dimension. */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { ADMIN_TOKEN, type TestApp } from '../../support/test-app.ts';

export const DRAFT = '/api/companies/demo/policy/draft';

/** The media dimension 媒体介入 (是/否), set by rules and staff. */
export const MEDIA = {
  label: { 'zh-CN': '媒体介入', en: 'Media involved' },
  values: {
    yes: { label: { 'zh-CN': '是', en: 'Yes' } },
    no: { label: { 'zh-CN': '否', en: 'No' } },
  },
  setBy: ['rule', 'staff'],
};

/** Changes the demo draft as `change` says and saves it. */
export async function editDraft(
  server: TestApp,
  change: (document: Awaited<ReturnType<TestApp['call']>>['body']) => void,
) {
  const draft = await server.call('GET', DRAFT, { token: ADMIN_TOKEN });
  const document = draft.body.document;
  change(document);
  const put = await server.call('PUT', DRAFT, {
    token: ADMIN_TOKEN,
    body: { document, expectedVersion: draft.body.version },
  });
  expect(put.status).toBe(200);
}

// (test-app's manufacturingIntake resolves its file with jsdom's URL, which readFileSync refuses.)
export const intake = JSON.parse(
  readFileSync(
    `${process.cwd()}/rulesets/manufacturing-quality/cases/quality-1500-spring-festival.json`,
    'utf8',
  ),
).intake;
