/**
 * Sends a delivery over its channel: e-mail over SMTP (nodemailer), Kesu's signed JSON webhook, or
 * the text message of a DingTalk, WeCom or Feishu group robot. A send that the receiver did not
 * take (no answer in time, a status outside 2xx, a robot's error code) throws, and the worker
 * tries again later.
 */
import { createTransport } from 'nodemailer';
import type { SendDelivery } from '../../app/notifications/delivery-worker.ts';
import type { Channel, Delivery } from '../../app/ports/outbox.ts';
import { deliveryWords } from '../../messages/delivery-messages.ts';
import { dingtalkSign, feishuSign, webhookSignature } from './signatures.ts';

/** The delivery's title and text, in Chinese and English. */
function wordsOf(delivery: Delivery) {
  const { kind, label, reason, link } = delivery.message;
  return deliveryWords({
    kind,
    caseNumber: delivery.caseNumber,
    ...(label ? { message: label } : {}),
    reason,
    ...(link ? { link } : {}),
  });
}

/** How long a receiver has to answer. */
const TIMEOUT_MS = 10_000;

/** The generic webhook's JSON body. */
export function webhookBody(delivery: Delivery): string {
  const { title, text } = wordsOf(delivery);
  return JSON.stringify({
    id: delivery.id,
    key: delivery.key,
    company: delivery.companyId,
    case: { id: delivery.caseId, number: delivery.caseNumber },
    kind: delivery.message.kind,
    reason: delivery.message.reason,
    ...(delivery.message.label ? { message: delivery.message.label } : {}),
    title,
    text,
    ...(delivery.message.link ? { link: delivery.message.link } : {}),
    recipients: delivery.message.recipients.map(({ userId, name }) => ({ userId, name })),
    raisedAt: delivery.createdAt,
  });
}

async function post(url: string, body: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${text.slice(0, 200)}`);
  return text;
}

/** A robot's answer: `errcode` (DingTalk, WeCom) or `code`/`StatusCode` (Feishu) must be 0. */
function assertRobotOk(text: string): void {
  let answer: Record<string, unknown>;
  try {
    answer = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return;
  }
  const code = answer.errcode ?? answer.code ?? answer.StatusCode;
  if (code !== undefined && code !== 0)
    throw new Error(`robot refused: ${String(code)} ${String(answer.errmsg ?? answer.msg ?? '')}`);
}

async function sendEmail(delivery: Delivery, channel: Extract<Channel, { kind: 'email' }>) {
  const to = delivery.message.recipients.flatMap((r) => (r.email ? [r.email] : []));
  if (to.length === 0) return;
  const transport = createTransport({
    host: channel.host,
    port: channel.port,
    secure: channel.secure ?? false,
    ...(channel.user ? { auth: { user: channel.user, pass: channel.password ?? '' } } : {}),
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  });
  const { title, text } = wordsOf(delivery);
  try {
    await transport.sendMail({
      from: channel.from,
      to,
      subject: title,
      text,
      headers: { 'X-Kesu-Delivery': delivery.id },
    });
  } finally {
    transport.close();
  }
}

/** The sender the runtime uses; `nowMs` gives the signatures' time (the system clock by default). */
export function createDeliverySender(nowMs: () => number = Date.now): SendDelivery {
  return async (delivery, channel) => {
    const { text } = wordsOf(delivery);
    switch (channel.kind) {
      case 'email':
        return sendEmail(delivery, channel);
      case 'webhook': {
        const body = webhookBody(delivery);
        const timestamp = Math.floor(nowMs() / 1000);
        await post(channel.url, body, {
          'x-kesu-delivery': delivery.id,
          'x-kesu-timestamp': String(timestamp),
          'x-kesu-signature': webhookSignature(channel.secret, timestamp, body),
        });
        return;
      }
      case 'dingtalk': {
        const url = new URL(channel.url);
        if (channel.secret) {
          const timestamp = nowMs();
          url.searchParams.set('timestamp', String(timestamp));
          url.searchParams.set('sign', dingtalkSign(channel.secret, timestamp));
        }
        const body = JSON.stringify({ msgtype: 'text', text: { content: text } });
        assertRobotOk(await post(url.href, body));
        return;
      }
      case 'wecom': {
        const body = JSON.stringify({ msgtype: 'text', text: { content: text } });
        assertRobotOk(await post(channel.url, body));
        return;
      }
      case 'feishu': {
        const timestamp = Math.floor(nowMs() / 1000);
        const signed = channel.secret
          ? { timestamp: String(timestamp), sign: feishuSign(channel.secret, timestamp) }
          : {};
        const body = JSON.stringify({ ...signed, msg_type: 'text', content: { text } });
        assertRobotOk(await post(channel.url, body));
        return;
      }
    }
  };
}
