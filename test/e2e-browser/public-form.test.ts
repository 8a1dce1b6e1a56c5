/**
 * The public complaint form in headless Chromium against the real server: a customer, not signed
 * in, files a complaint about a phone whose battery swelled on the company's web form with a photo,
 * gets the case number and a follow link, and follows it; the after-sales agent finds the case in
 * the inbox, marked as from the web form, with the photo. The form is also seen in English, and a
 * bot that fills the hidden field is refused with nothing registered.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crackedCasingPng } from '../support/photo.ts';
import {
  ADMIN_TOKEN,
  SCREENSHOTS,
  missingPrerequisite,
  openHarness,
  type Harness,
} from './browser.ts';
import { studioApi, type Json } from './studio-api.ts';

const missing = missingPrerequisite();
if (missing) console.warn(`Skipping the public complaint form in the browser: ${missing}`);

const PHOTO = '电池鼓包.png';

describe.skipIf(missing !== null)('the public complaint form in Chromium', () => {
  let h: Harness;
  let visitor: BrowserContext;
  let customer: Page;
  let agent = '';
  let caseNumber = '';
  let followLink = '';
  const { api, signIn, userOf } = studioApi(
    () => h,
    () => '',
  );

  beforeAll(async () => {
    h = await openHarness();
    await api('POST', '/companies', ADMIN_TOKEN, {
      id: 'shop',
      name: '华信电子售后',
      template: 'electronics-after-sales',
    });
    agent = await userOf('shop', '陈静', ['agent']);
    // The customer's browser: its own context, never signed in.
    visitor = await h.browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      baseURL: h.server.url,
    });
    customer = await visitor.newPage();
  });

  afterAll(async () => {
    await visitor?.close();
    await h?.close();
  });

  async function fillComplaint(page: Page) {
    await page.locator('#root_customer_name').fill('赵敏');
    await page.locator('#root_customer_phone').fill('13800138000');
    await page.locator('#root_product_model').fill('HX-P30');
    await page.locator('#root_product_serialNumber').fill('860012345678901');
    await page.locator('#root_description').fill('手机使用三个月后电池鼓包，后壳被顶开。');
    await page.locator('#root_safetyHazard').check();
    await page.locator('#root_remedySought_type').selectOption({ label: '换货' });
  }

  it('lets a customer file a complaint with a photo and gives the number and a follow link', async () => {
    await customer.goto('/#/public/shop');
    await customer.getByRole('heading', { name: '售后投诉（网上）' }).waitFor();
    await fillComplaint(customer);
    await customer.getByLabel('照片或文件（可选）').setInputFiles({
      name: PHOTO,
      mimeType: 'image/png',
      buffer: crackedCasingPng(),
    });
    await customer.screenshot({ path: `${SCREENSHOTS}/public-01-form.png`, fullPage: true });
    await customer.getByRole('button', { name: '提交投诉' }).click();
    await customer.getByTestId('public-case-number').waitFor();
    caseNumber = ((await customer.getByTestId('public-case-number').textContent()) ?? '').trim();
    expect(caseNumber).toMatch(/\S/);
    const upload = customer.getByTestId('public-upload').filter({ hasText: PHOTO });
    await expect.poll(() => upload.getAttribute('data-state'), { timeout: 30_000 }).toBe('done');
    followLink = (await customer.getByTestId('public-follow-link').getAttribute('href')) ?? '';
    expect(followLink).toMatch(/#\/public\/shop\/follow\/\S+/);
    await customer.screenshot({ path: `${SCREENSHOTS}/public-02-filed.png`, fullPage: true });
  });

  it('shows the complainant the state on the follow link, without internal details', async () => {
    await customer.goto(followLink.slice(followLink.indexOf('/#/')));
    await customer.getByTestId('follow-number').waitFor();
    expect(await customer.getByTestId('follow-number').textContent()).toContain(caseNumber);
    expect(await customer.getByTestId('follow-state').textContent()).toMatch(/\S/);
    expect(await customer.getByTestId('follow-files').textContent()).toContain('1');
    const text = (await customer.getByTestId('public-follow').textContent()) ?? '';
    expect(text).not.toContain('陈静');
    expect(text).not.toContain('13800138000');
    await customer.screenshot({ path: `${SCREENSHOTS}/public-03-follow.png`, fullPage: true });
  });

  it('puts the case in the agent’s inbox, from the web form, with the photo', async () => {
    const { page } = h;
    await page.goto('/');
    await signIn(agent);
    await page.goto('/#/c/shop/inbox');
    const row = page.getByTestId('case-row').filter({ hasText: caseNumber });
    await row.waitFor();
    await h.shot('public-04-inbox');
    await row.getByRole('link').first().click();
    await page.getByTestId('case-number').waitFor();
    expect(await page.getByTestId('case-origin').textContent()).toContain('网上投诉');
    const files = page.getByTestId('attachment-list');
    await files.getByRole('button', { name: PHOTO }).waitFor();
    expect(await files.textContent()).toContain('image/png');
    await h.shot('public-05-case');
    const found = (await api('GET', '/companies/shop/cases?pageSize=50', agent)).items as Json[];
    const filed = found.find((c) => c.number === caseNumber) as Json;
    const read = await api('GET', `/companies/shop/cases/${String(filed.id)}`, agent);
    const stored = read.case as { intake: Json; categories: Json };
    expect(stored.intake.channel).toBe('web');
    expect(stored.categories.channel).toBe('web');
  });

  it('shows the form in English, and refuses a bot that fills the hidden field', async () => {
    await customer.goto('/#/public/shop');
    await customer.getByRole('heading', { name: '售后投诉（网上）' }).waitFor();
    await customer.getByRole('combobox', { name: '语言' }).selectOption('en');
    await customer.getByRole('heading', { name: 'After-sales complaint (online)' }).waitFor();
    await customer.screenshot({ path: `${SCREENSHOTS}/public-06-form-en.png`, fullPage: true });
    const before = (await api('GET', '/companies/shop/cases?pageSize=50', agent)).total;
    await customer.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
    await customer.getByRole('heading', { name: '售后投诉（网上）' }).waitFor();
    await fillComplaint(customer);
    // A bot fills every field it finds, the hidden one included; a person never reaches it.
    await customer.getByLabel('网站（请留空）').fill('http://spam.example', { force: true });
    await customer.getByRole('button', { name: '提交投诉' }).click();
    await customer.getByTestId('public-error').waitFor();
    await customer.screenshot({ path: `${SCREENSHOTS}/public-07-refused.png`, fullPage: true });
    expect((await api('GET', '/companies/shop/cases?pageSize=50', agent)).total).toBe(before);
  });
});
