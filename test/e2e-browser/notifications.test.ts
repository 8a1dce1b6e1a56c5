/**
 * Notifications and attachments in headless Chromium against the real server, with a local SMTP
 * sink and a local webhook receiver started here: the administrator adds an e-mail channel and a
 * signed webhook on the channels page; a registration deadline's reminder (催办) reaches the clerk who holds the
 * case in the app (the unread count, the notifications page, a link to the case), by e-mail and by
 * webhook, each once, and the case page shows both deliveries as sent. The clerk attaches a photo
 * of the cracked casing on the case page; a user of another company gets 404 for it.
 *
 * The server's sweep runs every second and its delivery worker every half second here; the deadline
 * is ten minutes with a reminder at 1%, so the reminder is due six seconds after the case opens.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crackedCasingPng } from '../support/photo.ts';
import { manufacturingIntake } from '../support/test-app.ts';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.ts';
import {
  ADMIN_TOKEN,
  SCREENSHOTS,
  missingPrerequisite,
  openHarness,
  type Harness,
} from './browser.ts';
import { studioApi, type Json } from './studio-api.ts';

const missing = missingPrerequisite();
if (missing) console.warn(`Skipping notifications and attachments in the browser: ${missing}`);

const REMINDER = '催办：请尽快登记客户意见处理表';
const CLERK_EMAIL = 'zhang.wei@example.com';

describe.skipIf(missing !== null)('notifications and attachments in Chromium', () => {
  let h: Harness;
  let smtp: SmtpSink;
  let hook: WebhookReceiver;
  let clerk = '';
  let caseId = '';
  let caseNumber = '';
  const { api, signIn, userOf } = studioApi(
    () => h,
    () => caseId,
  );

  beforeAll(async () => {
    smtp = await startSmtpSink();
    hook = await startWebhookReceiver();
    h = await openHarness({ KESU_SWEEP_INTERVAL_MS: '1000', KESU_DELIVERY_INTERVAL_MS: '500' });
  });

  afterAll(async () => {
    await h?.close();
    await smtp?.stop();
    await hook?.stop();
  });

  it('sets a short registration deadline with a reminder', async () => {
    const draft = await api('GET', '/companies/demo/policy/draft', ADMIN_TOKEN);
    const document = structuredClone(draft.document) as Json;
    const clocks = document.clocks as Record<string, Json>;
    clocks.registration = {
      ...clocks.registration,
      duration: { amount: 10, unit: 'minutes' },
      warnings: [
        {
          level: 1,
          atFraction: 0.01,
          actions: [
            { type: 'remind', message: { 'zh-CN': REMINDER, en: 'Reminder: register it' } },
          ],
        },
      ],
    };
    const saved = await api('PUT', '/companies/demo/policy/draft', ADMIN_TOKEN, {
      document,
      expectedVersion: draft.version,
    });
    // The examples expect the old deadline's due times; after this deliberate change they follow it.
    await api('POST', '/companies/demo/policy/draft/examples/accept', ADMIN_TOKEN, {
      expectedVersion: saved.version,
    });
    await api('POST', '/companies/demo/policy/publish', ADMIN_TOKEN, {
      note: '登记时限缩短为10分钟（提醒测试）',
    });
    clerk = await userOf('demo', '张伟', ['sales'], CLERK_EMAIL);
  });

  it('lets the administrator add an e-mail channel and a signed webhook on the channels page', async () => {
    const { page } = h;
    await page.goto('/');
    await signIn(ADMIN_TOKEN);
    await page.getByRole('link', { name: '通知渠道' }).click();
    await page.getByTestId('channel-add').click();
    await page.getByTestId('channel-id').fill('mail');
    await page.getByTestId('channel-host').fill('127.0.0.1');
    await page.getByTestId('channel-port').fill(String(smtp.port));
    await page.getByTestId('channel-secure').selectOption('starttls');
    await page.getByTestId('channel-from').fill('kesu@example.com');
    await h.shot('notify-00-channel-email');
    await page.getByTestId('channel-save').click();
    await page.getByText('已保存渠道 mail。').waitFor();
    await page.getByTestId('channel-add').click();
    await page.getByTestId('channel-kind').selectOption('webhook');
    await page.getByTestId('channel-id').fill('hook');
    await page.getByTestId('channel-url').fill(hook.url);
    await page.getByTestId('channel-secret').fill('whsec-e2e');
    await page.getByTestId('channel-save').click();
    await page.getByText('已保存渠道 hook。').waitFor();
    await page.getByTestId('channel-row-hook').waitFor();
    expect(await page.content()).not.toContain('whsec-e2e');
    await h.shot('notify-00-channels');
    await page.getByRole('combobox', { name: '语言' }).selectOption('en');
    await page.getByTestId('channel-row-hook').waitFor();
    await h.shot('notify-00-channels-en');
    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
    await page.getByRole('button', { name: '退出登录' }).waitFor();
  });

  it('brings the reminder to the clerk in the app: the unread count, the list, the case', async () => {
    const { page } = h;
    const created = await api('POST', '/companies/demo/cases', clerk, {
      intake: manufacturingIntake(),
    });
    caseId = (created.case as Json).id as string;
    caseNumber = (created.case as Json).number as string;
    await signIn(clerk);
    await page.goto(`/#/c/demo/cases/${caseId}`);
    // The reminder is due six seconds after the case opened; the count is read as the page loads.
    await expect
      .poll(
        async () => {
          await page.reload();
          await page.getByTestId('case-number').waitFor();
          return page
            .getByRole('link', { name: /^通知（\d+ 条未读）$/ })
            .getAttribute('aria-label');
        },
        { timeout: 60_000, interval: 2_000 },
      )
      .not.toBe('通知（0 条未读）');
    await h.shot('notify-01-unread-count');
    await page.getByRole('link', { name: /^通知（\d+ 条未读）$/ }).click();
    const item = page.getByRole('listitem').filter({ hasText: REMINDER });
    await item.waitFor();
    expect(await item.textContent()).toContain('催办');
    expect(await item.textContent()).toContain('时限预警（第 1 级）');
    await h.shot('notify-02-notifications');
    await item.getByRole('link', { name: `案件 ${caseNumber}` }).click();
    await page.getByTestId('case-number').waitFor();
    expect(await page.getByTestId('case-number').textContent()).toContain(caseNumber);
  });

  it('sends the reminder by e-mail and by webhook, each once, and shows both as sent', async () => {
    const { page } = h;
    const reminderDeliveries = async () =>
      (((await api('GET', `/companies/demo/cases/${caseId}`, clerk)).deliveries as Json[]) ?? [])
        .filter((d) => d.kind === 'remind')
        .map((d) => `${String(d.channel)}:${String(d.status)}`)
        .sort();
    await expect
      .poll(reminderDeliveries, { timeout: 30_000, interval: 500 })
      .toEqual(['hook:sent', 'mail:sent']);
    // Several sweeps and delivery rounds later, still one delivery per channel, each sent once.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(await reminderDeliveries()).toEqual(['hook:sent', 'mail:sent']);
    const deliveries = (await api('GET', `/companies/demo/cases/${caseId}`, clerk))
      .deliveries as Json[];
    const mail = deliveries.find((d) => d.kind === 'remind' && d.channel === 'mail') as Json;
    const mailed = smtp.messages.filter((m) =>
      m.data.includes(`X-Kesu-Delivery: ${String(mail.id)}`),
    );
    expect(mailed).toHaveLength(1);
    expect(mailed[0]?.to).toEqual([CLERK_EMAIL]);
    const hooked = hook.received.filter(
      (r) => r.status === 200 && (JSON.parse(r.body) as Json).key === mail.key,
    );
    expect(hooked).toHaveLength(1);
    expect(hooked[0]?.headers['x-kesu-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    await page.reload();
    await page.getByTestId('case-number').waitFor();
    const sent = page.locator('table.case-deliveries').getByText('已发送', { exact: true });
    await sent.first().waitFor();
    expect(await sent.count()).toBeGreaterThanOrEqual(2);
    await h.shot('notify-03-deliveries-on-case');
  });

  it('shows the notifications and the deliveries in English', async () => {
    const { page } = h;
    await page.getByRole('combobox', { name: '语言' }).selectOption('en');
    await page.getByTestId('case-number').waitFor();
    const sent = page.locator('table.case-deliveries').getByText('Sent', { exact: true });
    await sent.first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/notify-03-deliveries-on-case-en.png` });
    await page.goto('/#/c/demo/notifications');
    await page.getByRole('listitem').filter({ hasText: 'Reminder: register it' }).waitFor();
    await h.shot('notify-02-notifications-en');
    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
    await page.getByRole('button', { name: '退出登录' }).waitFor();
  });

  it('attaches a photo on the case page; a user of another company gets 404 for it', async () => {
    const { page } = h;
    await page.goto(`/#/c/demo/cases/${caseId}`);
    await page.getByTestId('case-number').waitFor();
    await page.getByLabel('上传附件').setInputFiles({
      name: '外壳裂纹.png',
      mimeType: 'image/png',
      buffer: crackedCasingPng(),
    });
    await page.getByText('已上传 外壳裂纹.png。').waitFor();
    const list = page.getByTestId('attachment-list');
    await list.getByRole('button', { name: '外壳裂纹.png' }).waitFor();
    expect(await list.textContent()).toContain('image/png');
    await h.shot('notify-04-attachment');
    const listed = await api('GET', `/companies/demo/cases/${caseId}/attachments`, clerk);
    const photo = (listed.items as Json[])[0] as Json;
    const url = `/api/companies/demo/cases/${caseId}/attachments/${String(photo.id)}`;
    // The clerk's download brings the photo back, byte for byte.
    const own = await page.request.get(url, { headers: { authorization: `Bearer ${clerk}` } });
    expect(own.status()).toBe(200);
    expect(Buffer.from(await own.body()).equals(crackedCasingPng())).toBe(true);
    // Another company's administrator, signed in to the studio, sees neither the case nor the file.
    await api('POST', '/companies', ADMIN_TOKEN, {
      id: 'other',
      name: '另一家公司',
      template: 'starter',
    });
    const outsider = await userOf('other', '王芳', ['admin']);
    const theirs = await page.request.get(url, {
      headers: { authorization: `Bearer ${outsider}` },
    });
    expect(theirs.status()).toBe(404);
    expect(await theirs.text()).not.toContain(String(photo.id));
    await signIn(outsider);
    await page.goto(`/#/c/demo/cases/${caseId}`);
    await page.getByRole('heading', { name: '无权访问' }).waitFor();
    expect(await page.getByTestId('attachment-list').count()).toBe(0);
    await h.shot('notify-05-outsider');
  });
});
