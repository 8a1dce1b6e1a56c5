/**
 * The studio end to end, in headless Chromium against the real server: sign-in, then the issue's
 * scenario (an administrator raises an approval limit and publishes; staff registers, proposes,
 * the approver approves, the reply is sent, the case is closed, and the monthly report counts it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, missingPrerequisite, openHarness, type Harness } from './browser.ts';

const missing = missingPrerequisite();
if (missing) console.warn(`Skipping the studio's browser tests: ${missing}`);

describe.skipIf(missing !== null)('studio in Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows the sign-in at / and signs the administrator in with the printed token', async () => {
    const { page } = h;
    await page.goto('/');
    await page.getByLabel('访问令牌').waitFor();
    await h.shot('01-sign-in');
    await page.getByLabel('访问令牌').fill('kesu_not_a_token');
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('令牌无效');
    await page.getByLabel('访问令牌').fill(ADMIN_TOKEN);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/#\/gallery$/);
    await page.getByRole('link', { name: '模板库' }).waitFor();
    await h.shot('02-gallery');
  });
});
