// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sweepAll } from '../../../server/app/sweep/sweep.ts';
import { ADMIN_TOKEN } from '../../support/test-app.ts';
import { registerCase } from '../staff/cases.ts';
import { renderStudio, studioServer } from '../support/studio.tsx';

describe('the case page’s outgoing notifications', () => {
  it.each<['zh-CN' | 'en', string, string, string, string]>([
    ['zh-CN', '外发通知', '钉钉群机器人 (ding)', '已发送', '待发送'],
    ['en', 'Sent notifications', 'DingTalk robot (ding)', 'Sent', 'Waiting'],
  ])('lists each delivery with its status (%s)', async (lang, title, channel, sent, waiting) => {
    const server = await studioServer('2026-03-02T02:00:00.000Z');
    await server.call('PUT', '/api/companies/demo/channels', {
      token: ADMIN_TOKEN,
      body: { channels: [{ id: 'ding', kind: 'dingtalk', url: 'https://robot.example/send' }] },
    });
    const sales = await server.userWith('demo', 'sales');
    const { id } = await registerCase(server, sales);
    server.setNow('2026-04-30T02:00:00.000Z');
    await sweepAll(server.deps);
    const [first] = await server.deps.store.deliveries.forCase('demo', id);
    await server.deps.store.deliveries.finish({
      ...first!,
      status: 'sent',
      attempts: 1,
      sentAt: '2026-04-30T02:00:05.000Z',
    });
    renderStudio(`/c/demo/cases/${id}`, sales, lang);
    const region = await screen.findByRole('region', { name: title });
    const rows = within(region).getAllByRole('row').slice(1);
    expect(rows.length).toBeGreaterThan(1);
    expect(rows[0]).toHaveTextContent(channel);
    expect(within(region).getAllByText(sent)).toHaveLength(1);
    expect(within(region).getAllByText(waiting)).toHaveLength(rows.length - 1);
  });
});
