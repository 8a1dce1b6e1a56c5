// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../../support/smtp-sink.ts';
import { ADMIN_TOKEN, type TestApp } from '../../support/test-app.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../../support/webhook-receiver.ts';
import { renderStudio, studioServer } from '../support/studio.tsx';

let smtp: SmtpSink | undefined;
let hook: WebhookReceiver | undefined;
afterEach(async () => {
  await smtp?.stop();
  await hook?.stop();
  smtp = hook = undefined;
});

const MAIL = {
  id: 'mail',
  kind: 'email',
  host: 'smtp.example.com',
  port: 465,
  secure: true,
  user: 'kesu',
  password: 'pw-secret',
  from: 'kesu@example.com',
};
const HOOK = {
  id: 'erp',
  name: 'ERP 接口',
  kind: 'webhook',
  url: 'https://erp.example.com/kesu?token=tk-secret',
  secret: 'wh-secret',
};
const ROBOT = {
  id: 'wx',
  kind: 'wecom',
  url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=wx-secret',
  enabled: false,
};

async function withChannels(server: TestApp, channels: unknown[]) {
  const saved = await server.call('PUT', '/api/companies/demo/channels', {
    token: ADMIN_TOKEN,
    body: { channels },
  });
  expect(saved.status).toBe(200);
}

const stored = async (server: TestApp) => (await server.deps.store.channels.get('demo'))?.channels;

describe('notification channels page', () => {
  it('lists each channel with its kind, address, state and whether a secret is set, never the secret', async () => {
    const server = await studioServer();
    await withChannels(server, [MAIL, HOOK, ROBOT]);
    renderStudio('/c/demo/channels', ADMIN_TOKEN);
    const mail = await screen.findByTestId('channel-row-mail');
    expect(
      within(mail)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual([
      'mail',
      '邮件（SMTP）',
      'smtp.example.com:465',
      '启用中',
      '已设置',
      expect.stringContaining('编辑'),
    ]);
    const hookRow = screen.getByTestId('channel-row-erp');
    expect(within(hookRow).getAllByRole('cell')[0]).toHaveTextContent('ERP 接口 erp');
    expect(hookRow).toHaveTextContent('https://erp.example.com/kesu?…');
    expect(screen.getByTestId('channel-row-wx')).toHaveTextContent('已停用');
    expect(document.body.textContent).not.toMatch(/secret/);
    expect(screen.getByRole('link', { name: '通知渠道' })).toHaveAttribute(
      'href',
      '#/c/demo/channels',
    );
  });

  it('adds an SMTP channel and a webhook from their forms', async () => {
    const server = await studioServer();
    renderStudio('/c/demo/channels', ADMIN_TOKEN);
    expect(await screen.findByText('还没有设置通知渠道。')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '添加渠道' }));
    await userEvent.type(screen.getByLabelText('标识'), 'mail');
    await userEvent.type(screen.getByLabelText('SMTP 服务器'), 'smtp.example.com');
    await userEvent.clear(screen.getByLabelText('端口'));
    await userEvent.type(screen.getByLabelText('端口'), '587');
    await userEvent.selectOptions(screen.getByLabelText('加密方式'), 'starttls');
    await userEvent.type(screen.getByLabelText('用户名（可选）'), 'kesu');
    await userEvent.type(screen.getByLabelText('密码'), 'pw-1');
    await userEvent.type(screen.getByLabelText('发件地址'), 'kesu@example.com');
    await userEvent.click(screen.getByRole('button', { name: '保存渠道' }));
    expect(await screen.findByText('已保存渠道 mail。')).toBeInTheDocument();
    expect(await screen.findByTestId('channel-row-mail')).toHaveTextContent('smtp.example.com:587');

    await userEvent.click(screen.getByRole('button', { name: '添加渠道' }));
    await userEvent.selectOptions(screen.getByLabelText('类型'), 'webhook');
    await userEvent.type(screen.getByLabelText('标识'), 'erp');
    await userEvent.type(screen.getByTestId('channel-url'), 'https://erp.example.com/kesu');
    await userEvent.type(screen.getByTestId('channel-secret'), 'wh-1');
    await userEvent.click(screen.getByRole('button', { name: '保存渠道' }));
    expect(await screen.findByTestId('channel-row-erp')).toHaveTextContent('通用 Webhook');
    expect(await stored(server)).toEqual([
      {
        id: 'mail',
        kind: 'email',
        host: 'smtp.example.com',
        port: 587,
        secure: false,
        user: 'kesu',
        password: 'pw-1',
        from: 'kesu@example.com',
      },
      { id: 'erp', kind: 'webhook', url: 'https://erp.example.com/kesu', secret: 'wh-1' },
    ]);
  });

  it('edits a channel with its secret and URL left as they are, keeping the stored ones', async () => {
    const server = await studioServer();
    await withChannels(server, [MAIL, HOOK]);
    renderStudio('/c/demo/channels', ADMIN_TOKEN);
    await userEvent.click(await screen.findByTestId('channel-edit-erp'));
    const secret = screen.getByTestId('channel-secret');
    expect(secret).toHaveValue('');
    expect(secret).toHaveAttribute('placeholder', '已设置；留空则保持不变');
    expect(screen.getByTestId('channel-url')).toHaveValue('https://erp.example.com/kesu?…');
    await userEvent.clear(screen.getByLabelText('显示名称（可选）'));
    await userEvent.type(screen.getByLabelText('显示名称（可选）'), '订单系统');
    await userEvent.click(screen.getByRole('button', { name: '保存渠道' }));
    expect(await screen.findByText('已保存渠道 erp。')).toBeInTheDocument();
    await userEvent.click(
      within(screen.getByTestId('channel-row-mail')).getByRole('button', { name: '停用' }),
    );
    await waitFor(() => expect(screen.getByTestId('channel-row-mail')).toHaveTextContent('已停用'));
    expect(await stored(server)).toEqual([
      { ...MAIL, enabled: false },
      { ...HOOK, name: '订单系统' },
    ]);
  });

  it('shows the server’s refusal under the field it names, in the user’s language', async () => {
    const server = await studioServer();
    await withChannels(server, [HOOK]);
    renderStudio('/c/demo/channels', ADMIN_TOKEN);
    await userEvent.click(await screen.findByRole('button', { name: '添加渠道' }));
    await userEvent.selectOptions(screen.getByLabelText('类型'), 'webhook');
    await userEvent.type(screen.getByLabelText('标识'), 'orders');
    await userEvent.type(screen.getByTestId('channel-url'), 'ftp://erp.example.com');
    await userEvent.click(screen.getByRole('button', { name: '保存渠道' }));
    expect(await screen.findByTestId('channel-error-url')).toHaveTextContent(
      '请填写以 http:// 或 https:// 开头的地址',
    );
    expect(screen.getByTestId('channel-error-secret')).toHaveTextContent('Webhook 需要签名密钥');
    expect(screen.getByTestId('channel-url')).toHaveAttribute('aria-invalid', 'true');
    await userEvent.clear(screen.getByLabelText('标识'));
    await userEvent.type(screen.getByLabelText('标识'), 'erp');
    await userEvent.clear(screen.getByTestId('channel-url'));
    await userEvent.type(screen.getByTestId('channel-url'), 'https://erp.example.com/v2');
    await userEvent.click(screen.getByRole('button', { name: '保存渠道' }));
    expect(await screen.findByTestId('channel-error-id')).toHaveTextContent(
      '这个标识已被另一个渠道使用',
    );
    expect(screen.queryByTestId('channel-error-url')).toBeNull();
    expect(await stored(server)).toEqual([HOOK]);
  });

  it('in English, names a bad port under the port field', async () => {
    await studioServer();
    renderStudio('/c/demo/channels', ADMIN_TOKEN, 'en');
    await userEvent.click(await screen.findByRole('button', { name: 'Add channel' }));
    await userEvent.type(screen.getByLabelText('Id'), 'mail');
    await userEvent.type(screen.getByLabelText('SMTP server'), 'smtp.example.com');
    await userEvent.clear(screen.getByLabelText('Port'));
    await userEvent.type(screen.getByLabelText('Port'), '70000');
    await userEvent.type(screen.getByLabelText('From address'), 'kesu@example.com');
    await userEvent.click(screen.getByRole('button', { name: 'Save channel' }));
    expect(await screen.findByTestId('channel-error-port')).toHaveTextContent(
      'Enter a port from 1 to 65535',
    );
  });

  it('sends a test message to the webhook receiver and says when it was refused', async () => {
    hook = await startWebhookReceiver();
    const server = await studioServer();
    await withChannels(server, [{ id: 'hook', kind: 'webhook', url: hook.url, secret: 's' }]);
    renderStudio('/c/demo/channels', ADMIN_TOKEN);
    await userEvent.click(await screen.findByRole('button', { name: '发送测试消息' }));
    expect(await screen.findByTestId('channel-test-result-hook')).toHaveTextContent(
      '测试消息已发出',
    );
    expect(hook.received).toHaveLength(1);
    hook.failNext(1);
    await userEvent.click(screen.getByRole('button', { name: '发送测试消息' }));
    await waitFor(() =>
      expect(screen.getByTestId('channel-test-result-hook')).toHaveTextContent(
        '发送失败：HTTP 500',
      ),
    );
  });

  it('sends a test e-mail to the address given, and asks for one when the account has none', async () => {
    smtp = await startSmtpSink();
    const server = await studioServer();
    await withChannels(server, [
      { id: 'mail', kind: 'email', host: '127.0.0.1', port: smtp.port, from: 'kesu@example.com' },
    ]);
    renderStudio('/c/demo/channels', ADMIN_TOKEN);
    await userEvent.click(await screen.findByRole('button', { name: '发送测试消息' }));
    await userEvent.click(screen.getByRole('button', { name: '发送' }));
    expect(await screen.findByText('您的账号没有登记邮箱，请填写收件地址')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('测试收件地址'), 'admin@example.com');
    await userEvent.click(screen.getByRole('button', { name: '发送' }));
    expect(await screen.findByTestId('channel-test-result-mail')).toHaveTextContent(
      '测试消息已发出',
    );
    expect(smtp.messages.map((m) => m.to)).toEqual([['admin@example.com']]);
  });

  it('removes a channel after a second click', async () => {
    const server = await studioServer();
    await withChannels(server, [MAIL, HOOK]);
    renderStudio('/c/demo/channels', ADMIN_TOKEN);
    const row = await screen.findByTestId('channel-row-mail');
    await userEvent.click(within(row).getByRole('button', { name: '删除' }));
    expect(await stored(server)).toHaveLength(2);
    await userEvent.click(within(row).getByRole('button', { name: '确认删除' }));
    expect(await screen.findByText('已删除渠道 mail。')).toBeInTheDocument();
    expect(await stored(server)).toEqual([HOOK]);
  });

  it('is not offered to staff, and its route tells them they have no access', async () => {
    const server = await studioServer();
    const token = await server.userWith('demo', 'sales');
    renderStudio('/c/demo/channels', token);
    expect(await screen.findByRole('heading', { name: '无权访问' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: '通知渠道' })).toBeNull();
  });
});
