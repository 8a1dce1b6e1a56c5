import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { sweepAll } from '../../server/app/sweep/sweep.ts';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.ts';
import { ADMIN_TOKEN, buildTestApp, manufacturingIntake } from '../support/test-app.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.ts';

let smtp: SmtpSink | undefined;
let hook: WebhookReceiver | undefined;
afterEach(async () => {
  await smtp?.stop();
  await hook?.stop();
  smtp = hook = undefined;
});

const CHANNELS = [
  {
    id: 'mail',
    kind: 'email',
    host: 'smtp.example.com',
    port: 465,
    secure: true,
    user: 'kesu',
    password: 'pw-secret',
    from: 'kesu@example.com',
  },
  {
    id: 'hook',
    kind: 'webhook',
    url: 'https://hooks.example.com/kesu?token=tk-secret',
    secret: 'wh-secret',
  },
  {
    id: 'ding',
    kind: 'dingtalk',
    url: 'https://oapi.dingtalk.com/robot/send?access_token=dt-secret',
    secret: 'SEC-secret',
  },
  {
    id: 'wx',
    kind: 'wecom',
    url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=wx-secret',
  },
  { id: 'fs', kind: 'feishu', url: 'https://open.feishu.cn/open-apis/bot/v2/hook/fs-secret' },
];

describe('delivery channels of a company', () => {
  it('are saved and read back without a password, secret or token', async () => {
    const t = await buildTestApp();
    const saved = await t.call('PUT', '/api/companies/demo/channels', {
      token: ADMIN_TOKEN,
      body: { channels: CHANNELS },
    });
    expect(saved.status).toBe(200);
    const read = await t.call('GET', '/api/companies/demo/channels', { token: ADMIN_TOKEN });
    const text = JSON.stringify([saved.body, read.body]);
    expect(text).not.toMatch(/secret/);
    expect(read.body.items[0]).toMatchObject({
      id: 'mail',
      host: 'smtp.example.com',
      hasPassword: true,
    });
    expect(read.body.items[3]).toEqual({
      id: 'wx',
      kind: 'wecom',
      enabled: true,
      url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?…',
    });
    expect(read.body.items[4].url).toBe('https://open.feishu.cn/open-apis/bot/v2/hook/…');
  });

  it('keeps a stored secret and URL when a channel is given again without them', async () => {
    const t = await buildTestApp();
    await t.call('PUT', '/api/companies/demo/channels', {
      token: ADMIN_TOKEN,
      body: { channels: CHANNELS },
    });
    const again = await t.call('PUT', '/api/companies/demo/channels', {
      token: ADMIN_TOKEN,
      body: { channels: [{ id: 'hook', kind: 'webhook' }] },
    });
    expect(again.status).toBe(200);
    const stored = await t.deps.store.channels.get('demo');
    expect(stored?.channels).toEqual([CHANNELS[1]]);
  });

  it('are the administrator’s only', async () => {
    const t = await buildTestApp();
    const sales = await t.userWith('demo', 'sales');
    expect((await t.call('GET', '/api/companies/demo/channels', { token: sales })).status).toBe(
      403,
    );
    const put = await t.call('PUT', '/api/companies/demo/channels', {
      token: sales,
      body: { channels: [] },
    });
    expect(put.status).toBe(403);
  });

  it.each([
    ['a kind not known', [{ id: 'x', kind: 'sms' }], '.channels[0].kind'],
    ['a URL that is not http(s)', [{ id: 'x', kind: 'wecom', url: 'ftp://a' }], '.channels[0].url'],
    [
      'a webhook without a secret',
      [{ id: 'x', kind: 'webhook', url: 'https://a' }],
      '.channels[0].secret',
    ],
    [
      'a port out of range',
      [{ id: 'm', kind: 'email', host: 'h', port: 0, from: 'a@b' }],
      '.channels[0].port',
    ],
    [
      'an id used twice',
      [
        { id: 'x', kind: 'wecom', url: 'https://a' },
        { id: 'x', kind: 'wecom', url: 'https://b' },
      ],
      '.channels[1].id',
    ],
    ['not a list', 'all', '.channels'],
  ])('refuses %s, naming the field, and changes nothing', async (_what, channels, property) => {
    const t = await buildTestApp();
    const answer = await t.call('PUT', '/api/companies/demo/channels', {
      token: ADMIN_TOKEN,
      body: { channels },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.fieldErrors.map((f: { property: string }) => f.property)).toContain(
      property,
    );
    expect(await t.deps.store.channels.get('demo')).toBeUndefined();
  });

  it('keep a name and a channel turned off, and queue nothing for one turned off', async () => {
    const t = await buildTestApp('2026-03-02T02:00:00.000Z');
    const saved = await t.call('PUT', '/api/companies/demo/channels', {
      token: ADMIN_TOKEN,
      body: {
        channels: [
          { id: 'on', name: '客服群', kind: 'wecom', url: 'https://wx.example.com/send?key=a' },
          { id: 'off', kind: 'wecom', url: 'https://wx.example.com/send?key=b', enabled: false },
        ],
      },
    });
    expect(saved.body.items).toEqual([
      {
        id: 'on',
        name: '客服群',
        kind: 'wecom',
        enabled: true,
        url: 'https://wx.example.com/send?…',
      },
      { id: 'off', kind: 'wecom', enabled: false, url: 'https://wx.example.com/send?…' },
    ]);
    const sales = await t.userWith('demo', 'sales');
    const created = await t.call('POST', '/api/companies/demo/cases', {
      token: sales,
      body: { intake: manufacturingIntake() },
    });
    t.setNow('2026-04-30T02:00:00.000Z');
    await sweepAll(t.deps);
    const deliveries = await t.deps.store.deliveries.forCase('demo', created.body.case.id);
    expect(deliveries.length).toBeGreaterThan(0);
    expect(new Set(deliveries.map((d) => d.channel))).toEqual(new Set(['on']));
  });

  it.each([
    ['a name that is not text', { name: 3 }, '.channels[0].name'],
    ['enabled that is not true or false', { enabled: 'no' }, '.channels[0].enabled'],
  ])('refuses %s', async (_what, extra, property) => {
    const t = await buildTestApp();
    const answer = await t.call('PUT', '/api/companies/demo/channels', {
      token: ADMIN_TOKEN,
      body: { channels: [{ id: 'x', kind: 'wecom', url: 'https://a', ...extra }] },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.fieldErrors.map((f: { property: string }) => f.property)).toEqual([
      property,
    ]);
  });
});

describe('a test message over a channel', () => {
  async function withChannels(channels: unknown[]) {
    const t = await buildTestApp();
    const saved = await t.call('PUT', '/api/companies/demo/channels', {
      token: ADMIN_TOKEN,
      body: { channels },
    });
    expect(saved.status).toBe(200);
    return t;
  }

  it('reaches the SMTP sink at the address given, turned off or not', async () => {
    smtp = await startSmtpSink();
    const t = await withChannels([
      {
        id: 'mail',
        kind: 'email',
        host: '127.0.0.1',
        port: smtp.port,
        from: 'kesu@example.com',
        enabled: false,
      },
    ]);
    const answer = await t.call('POST', '/api/companies/demo/channels/mail/test', {
      token: ADMIN_TOKEN,
      body: { to: 'admin@example.com' },
    });
    expect(answer).toEqual({ status: 200, body: { sent: true, at: '2026-03-02T02:00:00.000Z' } });
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]).toMatchObject({ from: 'kesu@example.com', to: ['admin@example.com'] });
  });

  it('goes to the caller’s own address when none is given, and needs one', async () => {
    smtp = await startSmtpSink();
    const t = await withChannels([
      { id: 'mail', kind: 'email', host: '127.0.0.1', port: smtp.port, from: 'kesu@example.com' },
    ]);
    const user = await t.call('POST', '/api/companies/demo/users', {
      token: ADMIN_TOKEN,
      body: { name: '王芳', roles: ['admin'], email: 'wang.fang@example.com' },
    });
    const token = await t.call('POST', `/api/users/${user.body.id}/tokens`, {
      token: ADMIN_TOKEN,
      body: {},
    });
    const own = await t.call('POST', '/api/companies/demo/channels/mail/test', {
      token: token.body.token,
      body: {},
    });
    expect(own.body.sent).toBe(true);
    expect(smtp.messages.map((m) => m.to)).toEqual([['wang.fang@example.com']]);
    const none = await t.call('POST', '/api/companies/demo/channels/mail/test', {
      token: ADMIN_TOKEN,
      body: {},
    });
    expect(none.status).toBe(400);
    expect(none.body.error.fieldErrors).toEqual([
      { property: '.to', message: '须填写收件地址（您本人没有设置邮箱）' },
    ]);
  });

  it('reaches the webhook receiver signed, and answers a refusal in words', async () => {
    hook = await startWebhookReceiver();
    const t = await withChannels([
      { id: 'hook', kind: 'webhook', url: hook.url, secret: 'whsec-t' },
    ]);
    const sent = await t.call('POST', '/api/companies/demo/channels/hook/test', {
      token: ADMIN_TOKEN,
      body: {},
    });
    expect(sent.body).toEqual({ sent: true, at: '2026-03-02T02:00:00.000Z' });
    const [received] = hook.received;
    const timestamp = String(received?.headers['x-kesu-timestamp']);
    const signature = createHmac('sha256', 'whsec-t').update(`${timestamp}.${received?.body}`);
    expect(received?.headers['x-kesu-signature']).toBe(`sha256=${signature.digest('hex')}`);
    expect(JSON.parse(received?.body ?? '{}').text).toContain('测试消息');
    hook.failNext(1);
    const refused = await t.call('POST', '/api/companies/demo/channels/hook/test', {
      token: ADMIN_TOKEN,
      body: {},
    });
    expect(refused).toEqual({
      status: 200,
      body: { sent: false, error: 'HTTP 500: {"error":"try later"}' },
    });
  });

  it.each([
    ['a channel not set up', 'ADMIN', 'nope', {}, 404],
    ['someone not the administrator', 'sales', 'hook', {}, 403],
    ['an address that is not one', 'ADMIN', 'mail', { to: 'nobody' }, 400],
    ['a field not known', 'ADMIN', 'hook', { cc: 'a@b' }, 400],
  ])('refuses %s', async (_what, who, id, body, status) => {
    const t = await withChannels([
      { id: 'hook', kind: 'webhook', url: 'http://127.0.0.1:9/hook', secret: 's' },
      { id: 'mail', kind: 'email', host: '127.0.0.1', port: 9, from: 'k@example.com' },
    ]);
    const token = who === 'ADMIN' ? ADMIN_TOKEN : await t.userWith('demo', who);
    const answer = await t.call('POST', `/api/companies/demo/channels/${id}/test`, { token, body });
    expect(answer.status).toBe(status);
  });
});
