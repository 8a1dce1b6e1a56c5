import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createDeliverySender } from '../../server/adapters/delivery/send-delivery.ts';
import { runDeliveries } from '../../server/app/notifications/delivery-worker.ts';
import { sweepAll } from '../../server/app/sweep/sweep.ts';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.ts';
import {
  ADMIN_TOKEN,
  buildTestApp,
  manufacturingIntake,
  type TestApp,
} from '../support/test-app.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.ts';

let smtp: SmtpSink | undefined;
let hook: WebhookReceiver | undefined;
afterEach(async () => {
  await smtp?.stop();
  await hook?.stop();
});

/** Adds a user with an e-mail address and returns a token for them. */
async function userWithEmail(t: TestApp, role: string, email: string) {
  const user = await t.call('POST', '/api/companies/demo/users', {
    token: ADMIN_TOKEN,
    body: { name: role, roles: [role], email },
  });
  const token = await t.call('POST', `/api/users/${user.body.id}/tokens`, {
    token: ADMIN_TOKEN,
    body: {},
  });
  return token.body.token as string;
}

/** Runs the worker until nothing is due, moving the clock a minute between runs (retries wait). */
async function deliverAll(t: TestApp, start: number) {
  const send = createDeliverySender();
  for (let minute = 0; minute < 10; minute += 1) {
    t.setNow(new Date(start + minute * 60_000).toISOString());
    await runDeliveries(t.deps, send);
  }
}

describe('notifications sent by e-mail and webhook', () => {
  it('a reminder reaches the assignee in the app, by e-mail and by webhook, each once', async () => {
    smtp = await startSmtpSink();
    hook = await startWebhookReceiver();
    const t = await buildTestApp('2026-03-02T02:00:00.000Z');
    const sales = await userWithEmail(t, 'sales', 'li.na@example.com');
    const channels = await t.call('PUT', '/api/companies/demo/channels', {
      token: ADMIN_TOKEN,
      body: {
        channels: [
          {
            id: 'mail',
            kind: 'email',
            host: '127.0.0.1',
            port: smtp.port,
            from: 'kesu@example.com',
          },
          { id: 'hook', kind: 'webhook', url: hook.url, secret: 'whsec-1' },
        ],
      },
    });
    expect(channels.status).toBe(200);
    expect(JSON.stringify(channels.body)).not.toContain('whsec-1');
    const created = await t.call('POST', '/api/companies/demo/cases', {
      token: sales,
      body: { intake: manufacturingIntake() },
    });
    const caseId = created.body.case.id as string;
    t.setNow('2026-04-30T02:00:00.000Z');
    await Promise.all([sweepAll(t.deps), sweepAll(t.deps)]);
    await sweepAll(t.deps);
    hook.failNext(1);
    await deliverAll(t, Date.parse('2026-04-30T02:00:00.000Z'));
    await sweepAll(t.deps);
    await deliverAll(t, Date.parse('2026-04-30T03:00:00.000Z'));

    const reminder = `${caseId}:n0`;
    const inApp = (await t.call('GET', '/api/companies/demo/notifications', { token: sales })).body;
    const reminders = inApp.items.filter(
      (n: { reason: string; kind: string }) =>
        n.reason === 'registration:escalation:1' && n.kind === 'remind',
    );
    expect(reminders).toHaveLength(1);
    // E-mail: one message per notification of hers, the reminder among them once.
    expect(smtp.messages).toHaveLength(inApp.total);
    expect(smtp.messages.every((m) => m.to.join() === 'li.na@example.com')).toBe(true);
    const mailIds = smtp.messages.map((m) => /^X-Kesu-Delivery: (.*)$/m.exec(m.data)?.[1]);
    expect(new Set(mailIds).size).toBe(smtp.messages.length);
    // Webhook: every raised notification accepted once, after one refused attempt; signed.
    const accepted = hook.received.filter((r) => r.status === 200);
    const keys = accepted.map((r) => JSON.parse(r.body).key as string);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.filter((key) => key === reminder)).toHaveLength(1);
    expect(hook.received.filter((r) => r.status === 500)).toHaveLength(1);
    for (const r of accepted) {
      const timestamp = String(r.headers['x-kesu-timestamp']);
      const expected = createHmac('sha256', 'whsec-1')
        .update(`${timestamp}.${r.body}`)
        .digest('hex');
      expect(r.headers['x-kesu-signature']).toBe(`sha256=${expected}`);
    }
    // The case shows each delivery with its status: all sent, one after a retry.
    const read = await t.call('GET', `/api/companies/demo/cases/${caseId}`, { token: sales });
    const deliveries = read.body.deliveries as {
      id: string;
      key: string;
      status: string;
      attempts: number;
      channel: string;
    }[];
    expect(deliveries.length).toBe(smtp.messages.length + accepted.length);
    expect(deliveries.every((d) => d.status === 'sent')).toBe(true);
    expect(deliveries.filter((d) => d.attempts === 2)).toHaveLength(1);
    const reminderMail = deliveries.find((d) => d.key === reminder && d.channel === 'mail');
    expect(mailIds.filter((id) => id === reminderMail?.id)).toHaveLength(1);
  });

  it('gives a delivery up as failed after its last attempt, with the error on the case', async () => {
    hook = await startWebhookReceiver();
    const t = await buildTestApp('2026-03-02T02:00:00.000Z');
    const sales = await userWithEmail(t, 'sales', 'li.na@example.com');
    await t.call('PUT', '/api/companies/demo/channels', {
      token: ADMIN_TOKEN,
      body: { channels: [{ id: 'hook', kind: 'webhook', url: hook.url, secret: 's' }] },
    });
    const created = await t.call('POST', '/api/companies/demo/cases', {
      token: sales,
      body: { intake: manufacturingIntake() },
    });
    t.setNow('2026-04-30T02:00:00.000Z');
    await sweepAll(t.deps);
    hook.failNext(10_000);
    const send = createDeliverySender();
    for (let hour = 0; hour < 12; hour += 1) {
      t.setNow(new Date(Date.parse('2026-04-30T02:00:00.000Z') + hour * 3_600_000).toISOString());
      await runDeliveries(t.deps, send, { batch: 100 });
    }
    const read = await t.call('GET', `/api/companies/demo/cases/${created.body.case.id}`, {
      token: sales,
    });
    const deliveries = read.body.deliveries as {
      status: string;
      attempts: number;
      lastError: string;
    }[];
    expect(deliveries.length).toBeGreaterThan(0);
    expect(deliveries.every((d) => d.status === 'failed' && d.attempts === 8)).toBe(true);
    expect(deliveries[0]?.lastError).toContain('HTTP 500');
  });
});
