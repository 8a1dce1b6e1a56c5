import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDeliverySender } from '../../../server/adapters/delivery/send-delivery.ts';
import type { Channel, Delivery } from '../../../server/app/ports/outbox.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../../support/webhook-receiver.ts';

const NOW = Date.parse('2026-04-30T02:00:00.000Z');

const delivery: Delivery = {
  id: 'd1',
  companyId: 'demo',
  caseId: 'c1',
  caseNumber: '260301',
  key: 'c1:n0',
  channel: 'robot',
  channelKind: 'dingtalk',
  status: 'pending',
  attempts: 0,
  nextAttemptAt: '2026-04-30T02:00:00.000Z',
  createdAt: '2026-04-30T02:00:00.000Z',
  message: {
    kind: 'remind',
    label: { 'zh-CN': '催办单：尚未答复客户', en: 'Reminder: the customer has not been answered' },
    reason: 'reply:escalation:1',
    recipients: [{ userId: 'u1', name: '李娜' }],
  },
};

let receiver: WebhookReceiver;
beforeEach(async () => {
  receiver = await startWebhookReceiver();
});
afterEach(() => receiver.stop());

const send = createDeliverySender(() => NOW);
const only = () => {
  expect(receiver.received).toHaveLength(1);
  const [got] = receiver.received;
  return { url: new URL(got!.url, 'http://x'), body: JSON.parse(got!.body), headers: got!.headers };
};

describe('group robots and the signed webhook', () => {
  it('posts a DingTalk text message signed with timestamp and sign in the query', async () => {
    const channel: Channel = {
      id: 'robot',
      kind: 'dingtalk',
      url: `${receiver.url}?access_token=t1`,
      secret: 'SEC1',
    };
    await send(delivery, channel);
    const { url, body } = only();
    expect(url.searchParams.get('access_token')).toBe('t1');
    expect(url.searchParams.get('timestamp')).toBe(String(NOW));
    const sign = createHmac('sha256', 'SEC1').update(`${NOW}\nSEC1`).digest('base64');
    expect(url.searchParams.get('sign')).toBe(sign);
    expect(body.msgtype).toBe('text');
    expect(body.text.content).toContain('【催办】案件 260301');
    expect(body.text.content).toContain('催办单：尚未答复客户');
  });

  it('posts a WeCom text message', async () => {
    await send(
      { ...delivery, channelKind: 'wecom' },
      { id: 'robot', kind: 'wecom', url: `${receiver.url}?key=k1` },
    );
    const { url, body } = only();
    expect(url.searchParams.get('key')).toBe('k1');
    expect(body).toMatchObject({
      msgtype: 'text',
      text: { content: expect.stringContaining('Reminder') },
    });
  });

  it('posts a Feishu text message with timestamp and sign in the body', async () => {
    receiver.answer({ code: 0, msg: 'success' });
    await send(
      { ...delivery, channelKind: 'feishu' },
      { id: 'robot', kind: 'feishu', url: receiver.url, secret: 'fs' },
    );
    const { body } = only();
    const seconds = Math.floor(NOW / 1000);
    const sign = createHmac('sha256', `${seconds}\nfs`).update('').digest('base64');
    expect(body).toMatchObject({ timestamp: String(seconds), sign, msg_type: 'text' });
    expect(body.content.text).toContain('260301');
  });

  it('fails when a robot answers an error code, so the worker tries again', async () => {
    receiver.answer({ errcode: 310000, errmsg: 'sign not match' });
    const channel: Channel = { id: 'robot', kind: 'dingtalk', url: receiver.url };
    await expect(send(delivery, channel)).rejects.toThrow('310000');
  });

  it('signs the generic webhook with HMAC-SHA256 of timestamp and body', async () => {
    await send(
      { ...delivery, channelKind: 'webhook' },
      { id: 'robot', kind: 'webhook', url: receiver.url, secret: 'w' },
    );
    const [got] = receiver.received;
    const timestamp = String(Math.floor(NOW / 1000));
    expect(got!.headers['x-kesu-timestamp']).toBe(timestamp);
    const mac = createHmac('sha256', 'w').update(`${timestamp}.${got!.body}`).digest('hex');
    expect(got!.headers['x-kesu-signature']).toBe(`sha256=${mac}`);
    expect(JSON.parse(got!.body)).toMatchObject({
      key: 'c1:n0',
      case: { number: '260301' },
      kind: 'remind',
    });
  });
});
