// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN } from '../../support/test-app.ts';
import { renderStudio, studioServer } from '../support/studio.tsx';

const fill = async (label: string, value: string) => {
  const field = screen.getByLabelText(new RegExp(`^${label}`));
  fireEvent.change(field, { target: { value } });
};

describe('policy editor: simulator', () => {
  it('shows the decisions, the approver chain and the due times for the demo policy', async () => {
    await studioServer();
    renderStudio('/c/demo/policy/simulator', ADMIN_TOKEN);
    const complaint = await screen.findByRole('region', { name: '投诉内容' });
    fireEvent.change(within(complaint).getByLabelText('受理时间'), {
      target: { value: '2026-02-13T17:30' },
    });
    await fill('客户名称', '东莞市恒达电子有限公司');
    await fill('联系人', '李明');
    await fill('联系电话', '0769-22881234');
    await fill('订单编号', 'SO-2602-0117');
    await fill('料号', 'PCB-A1203');
    await fill('交运数量', '5000');
    await fill('交运日期', '2026-01-20');
    await fill('不良数量', '120');
    await fill('异常内容', '线路板焊点虚焊，部分产品通电后功能不良。');
    await userEvent.selectOptions(screen.getByLabelText(/^要求方式/), '销货折让');
    await fill('要求金额', '1500');
    await userEvent.selectOptions(screen.getByLabelText(/^反映方式/), '电话');
    await userEvent.selectOptions(screen.getByLabelText(/^业务初判异常原因/), '质量异常');
    await userEvent.click(within(complaint).getByRole('button', { name: '模拟' }));

    const result = await screen.findByTestId('policy-sim-decisions', {}, { timeout: 8000 });
    expect(within(result).getAllByText(/^规则 /).length).toBeGreaterThan(0);
    expect(within(result).getAllByText('指派').length).toBeGreaterThan(0);
    expect(result).toHaveTextContent('规则 routing / routeToGmOffice');
    expect(result).toHaveTextContent('state ("registering") equal "registering" → true');
    expect(screen.getByTestId('policy-sim-chain')).toHaveTextContent('1500');
    const clocks = screen.getAllByTestId(/^policy-sim-clock-/);
    expect(clocks.length).toBeGreaterThan(0);
    for (const clock of clocks) expect(clock).toHaveTextContent(/到期.*2026/);
    expect(screen.getByTestId('policy-simulation')).toHaveTextContent('春节');
  });

  it('shows the form’s errors when the complaint is incomplete', async () => {
    await studioServer();
    renderStudio('/c/demo/policy/simulator', ADMIN_TOKEN);
    const complaint = await screen.findByRole('region', { name: '投诉内容' });
    await userEvent.click(within(complaint).getByRole('button', { name: '模拟' }));
    expect(screen.queryByTestId('policy-sim-decisions')).toBeNull();
    expect((await screen.findAllByText(/^请填写/)).length).toBeGreaterThan(0);
  });
});
