/**
 * Signing in with a password, in headless Chromium against the real server: the administrator adds
 * a user and creates a one-time invitation link on the users page; the user opens it, sets a
 * password and is signed in (the session is an HttpOnly cookie the page cannot read); signed out,
 * five wrong passwords make the sixth attempt wait, the right password included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, missingPrerequisite, openHarness, type Harness } from './browser.ts';
import { studioApi } from './studio-api.ts';

const missing = missingPrerequisite();
if (missing) console.warn(`Skipping the password sign-in in the browser: ${missing}`);

const PASSWORD = 'correct-horse-42';

describe.skipIf(missing !== null)('password sign-in in Chromium', () => {
  let h: Harness;
  let link = '';
  const { signIn } = studioApi(
    () => h,
    () => '',
  );

  beforeAll(async () => {
    h = await openHarness();
  });

  afterAll(async () => {
    await h?.close();
  });

  /** Signs in on the sign-in page with a login and a password, as a person would. */
  async function withPassword(login: string, password: string) {
    const { page } = h;
    await page.getByLabel('登录名或邮箱').fill(login);
    await page.getByLabel('密码', { exact: true }).fill(password);
    await page.getByRole('button', { name: '登录', exact: true }).click();
  }

  it('lets the administrator add a user and create a one-time invitation link', async () => {
    const { page } = h;
    await page.goto('/');
    await signIn(ADMIN_TOKEN);
    await page.goto('/#/c/demo/users');
    await page.getByLabel('姓名').fill('刘洋');
    await page.getByRole('group', { name: '角色' }).getByLabel('业务员').check();
    await page.getByRole('button', { name: '添加用户' }).click();
    await page.getByText('已添加用户 刘洋。').waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: '刘洋' }) });
    const invite = row.getByRole('form', { name: '生成邀请链接' });
    await invite.getByLabel('登录名').fill('liuyang');
    await invite.getByRole('button', { name: '生成邀请链接' }).click();
    link =
      (await row
        .getByTestId(/^invitation-/)
        .locator('code')
        .textContent()) ?? '';
    expect(link).toMatch(/#\/invitation\/\S+$/);
    await h.shot('accounts-01-invitation');
    await page.getByRole('button', { name: '退出登录' }).click();
  });

  it('lets the user set a password from the link and be signed in by a cookie', async () => {
    const { page } = h;
    await page.goto(link.slice(link.indexOf('/#/')));
    await page.getByText('为 刘洋 设置密码，登录名：liuyang。').waitFor();
    await page.getByLabel('新密码', { exact: true }).fill(PASSWORD);
    await page.getByLabel('再次输入新密码').fill(PASSWORD);
    await h.shot('accounts-02-set-password');
    await page.getByRole('button', { name: '设置密码并登录' }).click();
    await page.getByRole('button', { name: '退出登录' }).waitFor();
    // The top bar names her once the session is read (the sign-out button can come first).
    await expect.poll(() => page.getByText('刘洋', { exact: true }).first().isVisible()).toBe(true);
    // The session is in a cookie the page's scripts cannot read.
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === 'kesu_session')).toMatchObject({
      httpOnly: true,
      sameSite: 'Lax',
    });
    expect(await page.evaluate(() => document.cookie)).not.toContain('kesu_session');
    await h.shot('accounts-03-signed-in');
    // A reload keeps the user signed in.
    await page.reload();
    await page.getByRole('button', { name: '退出登录' }).waitFor();
    await page.getByRole('button', { name: '退出登录' }).click();
  });

  it('makes the sixth attempt wait after five wrong passwords, the right one too', async () => {
    const { page } = h;
    await page.getByLabel('登录名或邮箱').waitFor();
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await withPassword('liuyang', `wrong-password-${attempt}`);
      await expect
        .poll(async () => (await page.getByRole('alert').textContent()) ?? '')
        .toContain('登录名或密码错误');
    }
    await withPassword('liuyang', PASSWORD);
    await expect
      .poll(async () => (await page.getByRole('alert').textContent()) ?? '')
      .toMatch(/请 \d+ 秒后再试/);
    await h.shot('accounts-04-delayed');
    expect(await page.getByRole('button', { name: '退出登录' }).count()).toBe(0);
  });
});
