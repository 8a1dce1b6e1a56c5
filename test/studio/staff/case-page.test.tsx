// @vitest-environment jsdom
import { cleanup, configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderStudio, studioServer } from '../support/studio.tsx';
import { act, caseAwaitingProposal, registerCase, staffOf } from './cases.ts';

const actionButtons = () =>
  within(screen.getByRole('region', { name: '可执行的操作' }))
    .queryAllByRole('button')
    .map((button) => button.textContent);

// The whole studio renders against the real API in-process: allow for a loaded machine.
configure({ asyncUtilTimeout: 5000 });

describe('the case page', () => {
  it('says which working day closes a clock due by the close of the Nth working day', async () => {
    const server = await studioServer('2026-03-02T02:00:00.000Z');
    const admin = await server.userWith('demo', 'admin');
    const url = '/api/companies/demo/policy/draft';
    const { document, version } = (await server.call('GET', url, { token: admin })).body;
    document.clocks.investigation.duration = { amount: 3, unit: 'closeOfWorkingDay' };
    // The template's examples expect its three standard working days.
    document.examples = [];
    await server.call('PUT', url, { token: admin, body: { document, expectedVersion: version } });
    const published = await server.call('POST', '/api/companies/demo/policy/publish', {
      token: admin,
      body: { note: 'close of the third working day' },
    });
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    const staff = await staffOf(server);
    const created = await registerCase(server, staff.sales);
    await act(server, staff.gmOffice, created.id, 'register', {
      investigatingDepartment: 'quality',
    });
    renderStudio(`/c/demo/cases/${created.id}`, staff.quality);
    const investigation = await screen.findByTestId('clock-investigation');
    expect(within(investigation).getByTestId('clock-investigation-close')).toHaveTextContent(
      '受理次日起第 3 个工作日为 2026-03-05，于当日下班时到期。',
    );
    expect(investigation).toHaveTextContent(/到期时间: 2026年3月5日 17:30（Asia\/Shanghai）/);
  });

  it('shows the case with its decisions and why, its clocks with counted intervals, the chain preview and the history', async () => {
    const server = await studioServer('2026-03-02T02:00:00.000Z');
    const staff = await staffOf(server);
    const created = await registerCase(server, staff.sales);
    await act(server, staff.gmOffice, created.id, 'register', {
      investigatingDepartment: 'quality',
    });
    renderStudio(`/c/demo/cases/${created.id}`, staff.quality);

    expect(await screen.findByTestId('case-number')).toHaveTextContent(created.number);
    expect(screen.getByTestId('case-state')).toHaveTextContent('调查中');
    expect(screen.getByTestId('case-categories')).toHaveTextContent('严重程度: 一般');
    expect(screen.getByText('东莞市恒达电子有限公司')).toBeInTheDocument();
    const intake = screen.getByRole('region', { name: '投诉内容' });
    expect(within(intake).getByText('联系电话')).toBeInTheDocument();
    expect(intake).not.toHaveTextContent('0769-22881234');

    const decisions = screen.getAllByTestId('decision');
    expect(decisions[0]).toHaveTextContent('指派给 总经理室生产管理室');
    expect(within(decisions[0]!).getByText('依据')).toBeInTheDocument();
    expect(decisions[0]!.querySelector('pre')).toHaveTextContent(
      'state ("registering") equal "registering" → true',
    );

    const clocks = screen.getByRole('region', { name: '时限' });
    const investigation = within(clocks).getByTestId('clock-investigation');
    expect(investigation).toHaveTextContent('计时中');
    expect(investigation).toHaveTextContent(
      /到期时间: 2026年3月5日 10:00（Asia\/Shanghai） (剩余|已超时)/,
    );
    expect(investigation.querySelectorAll('details li').length).toBeGreaterThan(0);
    expect(within(clocks).getByTestId('clock-registration')).toHaveTextContent('已停止');

    const chain = within(screen.getByRole('region', { name: '核决链' })).getByTestId(
      'approval-chain',
    );
    expect(chain).toHaveTextContent('按客户要求金额 1500 元预估');
    expect(
      within(chain)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['业务部经理 待核决', '副总经理 待核决']);

    const history = screen.getAllByTestId('timeline-entry');
    expect(history[0]).toHaveTextContent('受理登记');
    expect(history[0]).toHaveTextContent('sales');
    expect(history[1]).toHaveTextContent('编号登记');
    expect(history[1]).toHaveTextContent('gmOffice');
    expect(history[1]).toHaveTextContent('待登记 → 调查中');
  }, 30_000);

  it('shows only the actions the reader’s roles may take now', async () => {
    const server = await studioServer('2026-03-02T02:00:00.000Z');
    const staff = await staffOf(server);
    const created = await registerCase(server, staff.sales);
    renderStudio(`/c/demo/cases/${created.id}`, staff.gmOffice);
    await screen.findByTestId('case-number');
    expect(actionButtons()).toEqual(['编号登记', '指派', '重新分类']);

    cleanup();
    renderStudio(`/c/demo/cases/${created.id}`, staff.sales);
    await screen.findByTestId('case-number');
    expect(actionButtons()).toEqual([]);
    expect(screen.getByRole('region', { name: '可执行的操作' })).toHaveTextContent(
      '您当前的角色在此状态下没有可执行的操作。',
    );
  }, 30_000);

  it('lets sales propose a remedy while previewing the approver chain as the amount crosses a band', async () => {
    const server = await studioServer('2026-03-02T02:00:00.000Z');
    const staff = await staffOf(server);
    const created = await caseAwaitingProposal(server, staff);
    renderStudio(`/c/demo/cases/${created.id}`, staff.sales);
    await userEvent.click(await screen.findByRole('button', { name: '拟定处理意见' }));
    const form = screen.getByRole('region', { name: '拟定处理意见' });
    const preview = screen.getByTestId('chain-preview');
    expect(preview).toHaveTextContent('输入处理金额后，这里显示需要的核决链。');

    const amount = within(form).getByLabelText(/处理金额/);
    await userEvent.type(amount, '800');
    const roles = () =>
      within(preview)
        .queryAllByTestId('preview-role')
        .map((li) => li.textContent);
    await waitFor(() => expect(roles()).toEqual(['业务部经理']));
    expect(preview).toHaveTextContent('1,000元以下：业务部经理核决');
    await userEvent.clear(amount);
    await userEvent.type(amount, '1500');
    await waitFor(() => expect(roles()).toEqual(['业务部经理', '副总经理']));
    await userEvent.type(amount, '0');
    await waitFor(() => expect(roles()).toEqual(['业务部经理', '副总经理', '总经理']));
    await userEvent.clear(amount);
    await userEvent.type(amount, '1500');

    await userEvent.selectOptions(within(form).getByLabelText(/处理方式/), '销货折让');
    await userEvent.type(
      within(form).getByLabelText(/处理意见说明/),
      '拟以销货折让方式处理，金额1500元。',
    );
    await userEvent.click(within(form).getByRole('button', { name: '提交' }));
    expect(await screen.findByText('已执行：拟定处理意见')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('case-state')).toHaveTextContent('核决中'));
    const chain = screen.getByTestId('approval-chain');
    expect(chain).toHaveTextContent('处理金额 1500 元');
    expect(
      within(chain)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['业务部经理 待核决', '副总经理 待核决']);
    expect(screen.queryByRole('button', { name: '拟定处理意见' })).toBeNull();
  }, 60_000);

  it('approves with the approver’s stage form and shows who approved; a stale case asks to reload', async () => {
    const server = await studioServer('2026-03-02T02:00:00.000Z');
    const staff = await staffOf(server);
    const created = await caseAwaitingProposal(server, staff);
    await act(server, staff.sales, created.id, 'proposeRemedy', {
      type: 'creditNote',
      amount: 1500,
      description: '拟以销货折让方式处理。',
    });
    renderStudio(`/c/demo/cases/${created.id}`, staff.salesManager);
    await userEvent.click(await screen.findByRole('button', { name: '核准' }));
    const form = screen.getByRole('region', { name: '核准' });
    await userEvent.type(within(form).getByLabelText(/批示意见/), '同意折让');
    // Someone else acts on the case meanwhile.
    await act(server, staff.quality, created.id, 'recordCorrectiveAction', {
      measures: '修订炉温曲线。',
      owner: '制造部 王强',
      dueDate: '2026-03-31',
      status: 'planned',
    });
    await userEvent.click(within(form).getByRole('button', { name: '提交' }));
    expect(await screen.findByText(/案件已被他人修改/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '重新加载' }));

    await userEvent.click(await screen.findByRole('button', { name: '核准' }));
    const again = screen.getByRole('region', { name: '核准' });
    await userEvent.type(within(again).getByLabelText(/批示意见/), '同意折让');
    await userEvent.click(within(again).getByRole('button', { name: '提交' }));
    expect(await screen.findByText('已执行：核准')).toBeInTheDocument();
    await waitFor(() =>
      expect(
        within(screen.getByTestId('approval-chain')).getAllByRole('listitem')[0],
      ).toHaveTextContent(/业务部经理 已核准 salesManager · .* · 同意折让/),
    );
    expect(
      within(screen.getByTestId('approval-chain')).getAllByRole('listitem')[1],
    ).toHaveTextContent('副总经理 待核决');
  }, 60_000);
});
