// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN } from '../../support/test-app.ts';
import { renderStudio, studioServer } from '../support/studio.tsx';

describe('registering a complaint through the generated intake form', () => {
  it('shows Chinese messages on an empty submit, then registers a valid complaint and opens it', async () => {
    const server = await studioServer();
    const token = await server.userWith('demo', 'sales');
    renderStudio('/c/demo/new', token);
    const form = await screen.findByRole('region', { name: '客户意见处理表' });
    await userEvent.click(within(form).getByRole('button', { name: '提交登记' }));
    expect(await within(form).findByText("应当有必需属性 '联系电话'")).toBeInTheDocument();
    const user = userEvent.setup();
    await user.type(within(form).getByLabelText(/客户名称/), '东莞市恒达电子有限公司');
    await user.type(within(form).getByLabelText(/联系人/), '李明');
    await user.type(within(form).getByLabelText(/联系电话/), '0769-22881234');
    await user.type(within(form).getByLabelText(/订单编号/), 'SO-2602-0117');
    await user.type(within(form).getByLabelText(/料号/), 'PCB-A1203');
    await user.type(within(form).getByLabelText(/交运数量/), '5000');
    await user.type(within(form).getByLabelText(/交运日期/), '2026-01-20');
    await user.type(within(form).getByLabelText(/不良数量/), '120');
    await user.type(
      within(form).getByLabelText(/异常内容/),
      '线路板焊点虚焊，部分产品通电后功能不良。',
    );
    await user.selectOptions(within(form).getByLabelText(/要求方式/), '销货折让');
    await user.type(within(form).getByLabelText(/要求金额/), '800');
    await user.selectOptions(within(form).getByLabelText(/反映方式/), '电话');
    await user.click(within(form).getByRole('button', { name: '提交登记' }));
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/c\/demo\/cases\/id-\d+/));
    expect(await screen.findByText('投诉已登记，编号 260301。')).toBeInTheDocument();
    expect(screen.getByTestId('case-number')).toHaveTextContent('260301');
    const list = await server.call('GET', '/api/companies/demo/cases', { token: ADMIN_TOKEN });
    expect(list.body.total).toBe(1);
  }, 30_000);
});
