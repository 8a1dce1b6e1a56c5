/** A clock stopped past its due time is late whatever the sweep saw: escalations, assessment, report. */
import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, buildTestApp, type TestApp } from '../support/test-app.ts';
import { starterIntake } from '../support/policies.ts';
import { post } from './import-fixtures.ts';

const telecomIntake = (ticketNumber: string) => ({
  ticketNumber,
  priority: 'normal',
  complaintType: 'other',
  customer: { name: '陈先生', phone: '13702851234', contactPhone: '0750-3351234' },
  location: { town: '蓬江区杜阮镇', address: '杜阮镇龙榜村委会附近住宅楼', indoor: true },
  description: '客户反映手机上网速度慢，网页经常打不开。',
});

async function company(t: TestApp, id: string, template: string) {
  const created = await t.call('POST', '/api/companies', {
    token: ADMIN_TOKEN,
    body: { id, name: id, template },
  });
  expect(created.status).toBe(201);
}

describe('a clock stopped past its due time before any sweep', () => {
  it('is a late ticket for the escalations, the assessment and the timely rate alike', async () => {
    // Monday 2026-03-16 09:00 in Jiangmen; signing is due within 2 hours, at 11:00.
    const t = await buildTestApp('2026-03-16T01:00:00.000Z');
    await company(t, 'jm', 'telecom-maintenance');
    const engineer = await t.userWith('jm', 'maintainer');
    const sign = async (ticket: string, at: string) => {
      t.setNow('2026-03-16T01:00:00.000Z');
      const opened = await t.call('POST', '/api/companies/jm/cases', {
        token: ADMIN_TOKEN,
        body: { intake: telecomIntake(ticket) },
      });
      expect(opened.status).toBe(201);
      t.setNow(at);
      const signed = await t.call(
        'POST',
        `/api/companies/jm/cases/${opened.body.case.id}/actions`,
        {
          token: engineer,
          body: { transition: 'sign', data: { responsiblePerson: '李伟' } },
        },
      );
      expect(signed.status).toBe(200);
      return opened.body.case.id as string;
    };
    // Signed at 11:30, half an hour late, and at 10:30, on time; the sweep never ran.
    const late = await sign('JM-TS-normal-0001', '2026-03-16T03:30:00.000Z');
    await sign('JM-TS-normal-0002', '2026-03-16T02:30:00.000Z');

    const read = await t.call('GET', `/api/companies/jm/cases/${late}`, { token: ADMIN_TOKEN });
    expect(read.body.case.categories.validity).toBe('valid');
    const clock = read.body.clocks.find((c: { id: string }) => c.id === 'sign');
    expect(clock).toMatchObject({
      overdue: true,
      missedEscalations: [{ level: 1, at: '2026-03-16T11:00:00+08:00' }],
    });
    const events = read.body.audit.flatMap((entry: { events?: unknown[] }) => entry.events ?? []);
    expect(events).toContainEqual(
      expect.objectContaining({
        type: 'clockEscalationMissed',
        data: expect.objectContaining({ clock: 'sign', level: 1 }),
      }),
    );

    const report = await t.call('GET', '/api/companies/jm/reports/2026-03', { token: ADMIN_TOKEN });
    expect(report.body.clocks.sign).toEqual({ counted: 2, timely: 1, rate: 0.5 });
    expect(report.body.assessment).toEqual([
      expect.objectContaining({ person: '李伟', count: 1, rule: 'late1', penaltyAmount: 2 }),
    ]);
  });

  it('is late when imported with its original times', async () => {
    const t = await buildTestApp('2026-04-01T02:00:00.000Z');
    await company(t, 'acme', 'starter');
    // Received Monday 10:00, the reply clock due Wednesday 10:00; marked invalid Thursday 11:00.
    const answer = await post(t, 'acme', {
      rows: [
        {
          row: 2,
          externalKey: 'old-1',
          receivedAt: '2026-03-02T10:00:00+08:00',
          sentAt: '2026-03-05T11:00:00+08:00',
          intake: starterIntake(),
        },
      ],
      dryRun: false,
      sentTransition: 'markInvalid',
    });
    expect(answer.body).toMatchObject({ imported: 1, rejected: [] });
    const read = await t.call('GET', `/api/companies/acme/cases/${answer.body.cases[0].id}`, {
      token: ADMIN_TOKEN,
    });
    expect(read.body.clocks.find((c: { id: string }) => c.id === 'reply')).toMatchObject({
      status: 'stopped',
      overdue: true,
      missedEscalations: [{ level: 1, at: '2026-03-04T10:00:00+08:00' }],
    });
  });
});
