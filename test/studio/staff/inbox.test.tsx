// @vitest-environment jsdom
import { cleanup, configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN } from '../../support/test-app.ts';
import { renderStudio, studioServer } from '../support/studio.tsx';
import { act, registerCase, staffOf } from './cases.ts';

const rows = () => screen.queryAllByTestId('case-row');
const numbers = () => rows().map((row) => within(row).getByRole('link').textContent);

// The whole studio renders against the real API in-process: allow for a loaded machine.
configure({ asyncUtilTimeout: 5000 });

describe('the inbox', () => {
  it('lists the team’s cases soonest due first, filters them by state, category, month and text, and links each to its page', async () => {
    const server = await studioServer('2026-03-02T02:00:00.000Z');
    const staff = await staffOf(server);
    const a = await registerCase(server, staff.sales);
    server.setNow('2026-04-01T02:00:00.000Z');
    const b = await registerCase(server, staff.sales, (intake) => {
      intake.description = '包装破损, 牛皮纸箱受潮';
      intake.channel = 'email';
    });
    await act(server, staff.gmOffice, b.id, 'register', { investigatingDepartment: 'quality' });
    const c = await registerCase(server, staff.sales);

    renderStudio('/c/demo/inbox', staff.quality);
    await userEvent.click(await screen.findByRole('tab', { name: '团队案件' }));
    await waitFor(() => expect(numbers()).toEqual([a.number, c.number, b.number]));
    expect(screen.getByTestId('inbox-total')).toHaveTextContent('共 3 件');
    expect(within(rows()[0]!).getByText(/已超时/)).toBeInTheDocument();
    expect(within(rows()[0]!).getByText('超时')).toBeInTheDocument();

    await userEvent.selectOptions(screen.getByLabelText('状态'), '调查中');
    await waitFor(() => expect(numbers()).toEqual([b.number]));
    await userEvent.selectOptions(screen.getByLabelText('状态'), '全部');
    await userEvent.selectOptions(screen.getAllByLabelText('反映方式')[0]!, '电子邮件');
    await waitFor(() => expect(numbers()).toEqual([b.number]));
    await userEvent.click(screen.getByRole('button', { name: '清除筛选' }));
    await waitFor(() => expect(numbers()).toHaveLength(3));

    await userEvent.selectOptions(screen.getByLabelText('排序'), '案件编号');
    await waitFor(() => expect(numbers()).toEqual([a.number, b.number, c.number]));
    await userEvent.selectOptions(screen.getByLabelText('排序'), '最先到期');
    await waitFor(() => expect(numbers()).toEqual([a.number, c.number, b.number]));

    const month = screen.getByLabelText('受理月份');
    await userEvent.type(month, '2026-03');
    await waitFor(() => expect(numbers()).toEqual([a.number]));
    await userEvent.clear(month);
    await waitFor(() => expect(numbers()).toHaveLength(3));

    await userEvent.type(screen.getByLabelText('搜索'), '牛皮纸');
    await waitFor(() => expect(numbers()).toEqual([b.number]));
    await userEvent.click(within(rows()[0]!).getByRole('link', { name: b.number }));
    await waitFor(() => expect(window.location.hash).toBe(`#/c/demo/cases/${b.id}`));
    expect(await screen.findByTestId('case-number')).toHaveTextContent(b.number);
  }, 60_000);

  it('shows my cases (assigned to me or my roles) apart from the team’s', async () => {
    const server = await studioServer('2026-03-02T02:00:00.000Z');
    const staff = await staffOf(server);
    const a = await registerCase(server, staff.sales);
    await registerCase(server, staff.sales);
    await act(server, staff.gmOffice, a.id, 'register', { investigatingDepartment: 'quality' });

    renderStudio('/c/demo/inbox', staff.gmOffice);
    expect(
      await screen.findByRole('tab', { name: '我的案件', selected: true }),
    ).toBeInTheDocument();
    await waitFor(() => expect(numbers()).toHaveLength(2));
    await userEvent.click(screen.getByRole('tab', { name: '团队案件' }));
    await waitFor(() => expect(numbers()).toHaveLength(2));

    cleanup();
    const rnd = await server.userWith('demo', 'rnd');
    renderStudio('/c/demo/inbox', rnd);
    expect(await screen.findByText('没有符合条件的案件。')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('tab', { name: '团队案件' }));
    await waitFor(() => expect(screen.getByTestId('inbox-total')).toHaveTextContent('共 2 件'));
  }, 60_000);

  it('names the users cases are assigned to, never another company’s', async () => {
    const server = await studioServer('2026-03-02T02:00:00.000Z');
    const staff = await staffOf(server);
    await server.call('POST', '/api/companies', {
      token: ADMIN_TOKEN,
      body: { id: 'other', name: 'Other', template: 'starter' },
    });
    const idOf = async (token: string) =>
      (await server.call('GET', '/api/me', { token })).body.userId as string;
    const outsider = await idOf(await server.userWith('other', 'clerk'));
    const quality = await idOf(staff.quality);
    const a = await registerCase(server, staff.sales);
    const b = await registerCase(server, staff.sales);
    await act(server, staff.gmOffice, a.id, 'assign', { department: 'quality', user: quality });
    await act(server, staff.gmOffice, b.id, 'assign', { department: 'quality', user: outsider });

    renderStudio('/c/demo/inbox', staff.salesManager);
    await userEvent.click(await screen.findByRole('tab', { name: '团队案件' }));
    await waitFor(() => expect(numbers()).toHaveLength(2));
    const assigneeOf = (number: string) =>
      rows()
        .find((row) => within(row).getByRole('link').textContent === number)
        ?.querySelectorAll('td')[3]?.textContent;
    expect(assigneeOf(a.number)).toBe('总经理室生产管理室 · 质量管理部 · quality');
    expect(assigneeOf(b.number)).toBe('总经理室生产管理室 · 质量管理部');
  }, 60_000);

  it('pages through many cases fifty at a time with the total', async () => {
    const server = await studioServer('2026-03-02T02:00:00.000Z');
    const staff = await staffOf(server);
    for (let i = 0; i < 53; i++) await registerCase(server, staff.sales);
    renderStudio('/c/demo/inbox', staff.gmOffice);
    await waitFor(() => expect(rows()).toHaveLength(50));
    expect(screen.getByTestId('inbox-total')).toHaveTextContent('共 53 件');
    expect(screen.getByText('第 1 / 2 页')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '上一页' })).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: '下一页' }));
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(screen.getByText('第 2 / 2 页')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '下一页' })).toBeDisabled();
  }, 60_000);
});
