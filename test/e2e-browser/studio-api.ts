/** The API calls the studio's browser story makes between the steps it takes in the browser. */
import type { Page } from 'playwright-core';
import { ADMIN_TOKEN, type Harness } from './browser.ts';

/** A JSON object as the API answers it. */
export type Json = Record<string, unknown>;

/**
 * API calls as one user or another, signing in through the page, and acting on the story's case.
 */
export function studioApi(harness: () => Harness, caseId: () => string) {
  async function api(method: string, path: string, token: string, body?: unknown): Promise<Json> {
    const response = await fetch(`${harness().server.url}/api${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return text ? (JSON.parse(text) as Json) : {};
  }

  async function signIn(token: string) {
    const { page } = harness();
    if (await page.getByRole('button', { name: '退出登录' }).count())
      await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByLabel('访问令牌').fill(token);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('button', { name: '退出登录' }).waitFor();
  }

  async function act(transition: string, data: Json, token: string) {
    const current = await api('GET', `/companies/demo/cases/${caseId()}`, token);
    await api('POST', `/companies/demo/cases/${caseId()}/actions`, token, {
      transition,
      data,
      expectedVersion: current.version,
    });
  }

  async function caseState(): Promise<string> {
    const current = await api('GET', `/companies/demo/cases/${caseId()}`, ADMIN_TOKEN);
    return (current.case as Json).state as string;
  }

  /** A user of `company` with `roles` (and an e-mail address), and a token to act as them. */
  async function userOf(company: string, name: string, roles: string[], email?: string) {
    const user = await api('POST', `/companies/${company}/users`, ADMIN_TOKEN, {
      name,
      roles,
      ...(email ? { email } : {}),
    });
    const token = await api('POST', `/users/${String(user.id)}/tokens`, ADMIN_TOKEN, {});
    return token.token as string;
  }

  return { api, signIn, act, caseState, userOf };
}

/**
 * Fills the manufacturing intake form for the stories' customer (a batch of circuit boards with
 * bad solder joints), phoned in; the description and the amount claimed as given.
 */
export async function fillComplaint(page: Page, description: string, amount: number) {
  await page.locator('#root_customer_company').fill('东莞市恒达电子有限公司');
  await page.locator('#root_customer_name').fill('李明');
  await page.locator('#root_customer_phone').fill('0769-22881234');
  await page.locator('#root_product_orderNumber').fill('SO-2611-0117');
  await page.locator('#root_product_partNumber').fill('PCB-A1203');
  await page.locator('#root_product_quantity').fill('5000');
  await page.locator('#root_product_shipDate').fill('2026-11-02');
  await page.locator('#root_product_defectiveQuantity').fill('120');
  await page.locator('#root_description').fill(description);
  await page.locator('#root_remedySought_type').selectOption({ label: '销货折让' });
  await page.locator('#root_remedySought_amount').fill(String(amount));
  await page.locator('#root_channel').selectOption({ label: '电话' });
}
