// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { sweepAll } from '../../../server/app/sweep/sweep.ts';
import { registerCase } from '../staff/cases.ts';
import { renderStudio, studioServer } from '../support/studio.tsx';

/** The demo company with a case sales registered, swept when its clocks are long overdue. */
async function overdueCase() {
  const server = await studioServer('2026-03-02T02:00:00.000Z');
  const sales = await server.userWith('demo', 'sales');
  const created = await registerCase(server, sales);
  server.setNow('2026-04-30T02:00:00.000Z');
  await sweepAll(server.deps);
  return { sales, ...created };
}

describe('notifications in the studio', () => {
  it('counts unread in the top bar and lists them with a link to the case (zh-CN)', async () => {
    const { sales, id, number } = await overdueCase();
    renderStudio('/c/demo/inbox', sales);
    const link = await screen.findByRole('link', { name: '通知（6 条未读）' });
    expect(link).toHaveAttribute('href', '#/c/demo/notifications');
    await userEvent.click(link);
    expect(await screen.findByRole('heading', { name: '我的通知' })).toBeInTheDocument();
    const items = await screen.findAllByRole('listitem');
    expect(items).toHaveLength(6);
    expect(screen.getAllByText('催办')).toHaveLength(4);
    expect(screen.getByText(/答复客户（接到客诉起一周） 时限预警（第 1 级）/)).toBeInTheDocument();
    const caseLinks = screen.getAllByRole('link', { name: `案件 ${number}` });
    expect(caseLinks[0]).toHaveAttribute('href', `#/c/demo/cases/${id}`);
    await userEvent.click(within(items[0]!).getByRole('button', { name: '标为已读' }));
    expect(await screen.findByRole('link', { name: '通知（5 条未读）' })).toBeInTheDocument();
    expect(screen.getByText('共 6 条，5 条未读')).toBeInTheDocument();
  });

  it('marks all read in English, and the count follows', async () => {
    const { sales } = await overdueCase();
    renderStudio('/c/demo/notifications', sales, 'en');
    expect(await screen.findByRole('heading', { name: 'My notifications' })).toBeInTheDocument();
    expect(await screen.findAllByText('Reminder')).toHaveLength(4);
    await screen.findByRole('link', { name: 'Notifications (6 unread)' });
    await userEvent.click(screen.getByRole('button', { name: 'Mark all read' }));
    await waitFor(() =>
      expect(screen.getByRole('link', { name: 'Notifications (0 unread)' })).toBeInTheDocument(),
    );
    expect(screen.queryByRole('button', { name: 'Mark read' })).toBeNull();
  });

  it('says so when there is nothing', async () => {
    const server = await studioServer();
    const quality = await server.userWith('demo', 'quality');
    renderStudio('/c/demo/notifications', quality);
    expect(await screen.findByText('暂无通知。')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '通知（0 条未读）' })).toBeInTheDocument();
  });
});
