import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, buildTestApp } from '../support/test-app.ts';

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
});
