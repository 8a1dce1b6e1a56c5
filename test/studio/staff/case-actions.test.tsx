// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderStudio, studioServer } from '../support/studio.tsx';
import { act, caseAwaitingProposal, staffOf, type Staff } from './cases.ts';
import type { TestApp } from '../../support/test-app.ts';

const actionButtons = (region: string) =>
  within(screen.getByRole('region', { name: region }))
    .queryAllByRole('button')
    .map((button) => button.textContent);

/** A 1,500-yuan remedy proposed: the sales manager, then the deputy GM, must approve it. */
async function caseAwaitingApproval(server: TestApp, staff: Staff) {
  const created = await caseAwaitingProposal(server, staff);
  await act(server, staff.sales, created.id, 'proposeRemedy', {
    type: 'creditNote',
    amount: 1500,
    description: '拟以销货折让方式处理。',
  });
  return created;
}

describe('the case page offers only what the server would accept now', () => {
  it('does not offer 核准 to an approver whose step is done, and says whose approval is awaited', async () => {
    const server = await studioServer('2026-03-02T02:00:00.000Z');
    const staff = await staffOf(server);
    const created = await caseAwaitingApproval(server, staff);
    await act(server, staff.salesManager, created.id, 'approve', { comment: '同意' });

    renderStudio(`/c/demo/cases/${created.id}`, staff.salesManager);
    await screen.findByTestId('case-number');
    expect(actionButtons('可执行的操作')).not.toContain('核准');
    expect(actionButtons('可执行的操作')).not.toContain('驳回');
    expect(screen.getByTestId('waiting-approve')).toHaveTextContent('核准 等待 副总经理 核决');
    // The deputy GM, whose step it is, is offered it.
    const approved = await server.call('GET', `/api/companies/demo/cases/${created.id}`, {
      token: staff.deputyGM,
    });
    expect(approved.body.actions).toContainEqual(
      expect.objectContaining({ id: 'approve', allowed: true }),
    );
  }, 30_000);

  it('does not offer a clerk 答复客户 while approvals are pending, in English too', async () => {
    const server = await studioServer('2026-03-02T02:00:00.000Z');
    const staff = await staffOf(server);
    const created = await caseAwaitingApproval(server, staff);

    renderStudio(`/c/demo/cases/${created.id}`, staff.sales, 'en');
    await screen.findByTestId('case-number');
    expect(actionButtons('What you can do')).not.toContain('Reply to the customer');
    expect(screen.getByTestId('waiting-reply')).toHaveTextContent(
      'Waiting for approval by Sales manager and Deputy general manager',
    );
  }, 30_000);

  it('forgets the previous case’s success notice when another case is opened', async () => {
    const server = await studioServer('2026-03-02T02:00:00.000Z');
    const staff = await staffOf(server);
    const first = await caseAwaitingApproval(server, staff);
    const second = await caseAwaitingApproval(server, staff);
    await act(server, staff.quality, second.id, 'recordCorrectiveAction', {
      measures: '修订炉温曲线。',
      owner: '制造部 王强',
      dueDate: '2026-03-31',
      status: 'planned',
    });

    renderStudio(`/c/demo/cases/${first.id}`, staff.salesManager);
    await userEvent.click(await screen.findByRole('button', { name: '核准' }));
    const form = screen.getByRole('region', { name: '核准' });
    await userEvent.type(within(form).getByLabelText(/批示意见/), '同意折让');
    await userEvent.click(within(form).getByRole('button', { name: '提交' }));
    expect(await screen.findByText('已执行：核准')).toBeInTheDocument();

    window.location.hash = `/c/demo/cases/${second.id}`;
    await waitFor(() => expect(screen.getByTestId('case-number')).toHaveTextContent(second.number));
    expect(screen.queryByText('已执行：核准')).toBeNull();
  }, 60_000);
});
