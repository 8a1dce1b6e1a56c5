// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN } from '../../support/test-app.ts';
import { renderStudio, studioServer } from '../support/studio.tsx';

const SAVE = { timeout: 15_000 };

async function open() {
  const server = await studioServer();
  renderStudio('/c/demo/policy/calendar', ADMIN_TOKEN);
  await screen.findByRole('region', { name: '月历' }, SAVE);
  const draft = async () =>
    (await server.call('GET', '/api/companies/demo/policy/draft', { token: ADMIN_TOKEN })).body
      .document;
  return { draft };
}

describe('policy editor: whole calendars', { timeout: 120_000 }, () => {
  it('adds a calendar from the national one, renames it and gives it a company holiday and 调休 day', async () => {
    const { draft } = await open();
    const add = screen.getByRole('form', { name: '添加工作日历' });
    await userEvent.type(within(add).getByLabelText('日历名称'), '门店日历');
    await userEvent.type(within(add).getByLabelText('日历代码（英文字母开头）'), 'shop');
    expect(within(add).getByLabelText('以何为底')).toHaveDisplayValue(
      '国家法定节假日与调休（2024–2026），周一至周五 9:00–18:00',
    );
    await userEvent.click(within(add).getByRole('button', { name: '添加工作日历' }));

    await userEvent.type(await screen.findByLabelText('门店日历 英文名称'), 'Shop calendar');
    const month = screen.getByRole('region', { name: '月历' });
    fireEvent.change(within(month).getByLabelText('跳到'), { target: { value: '2026-06' } });
    expect(screen.getByTestId('policy-day-2026-06-01')).toHaveAttribute('data-kind', 'workday');
    const holiday = screen.getByRole('form', { name: '添加节假日' });
    fireEvent.change(within(holiday).getByLabelText('日期'), { target: { value: '2026-06-01' } });
    await userEvent.type(within(holiday).getByLabelText('名称（如：春节）'), '店庆');
    await userEvent.click(within(holiday).getByRole('button', { name: '添加节假日' }));
    const makeUp = screen.getByRole('form', { name: '添加调休上班日' });
    fireEvent.change(within(makeUp).getByLabelText('日期'), { target: { value: '2026-06-06' } });
    await userEvent.type(within(makeUp).getByLabelText('名称（如：春节）'), '店庆调休');
    await userEvent.click(within(makeUp).getByRole('button', { name: '添加调休上班日' }));
    expect(screen.getByTestId('policy-day-2026-06-01')).toHaveAttribute('data-kind', 'holiday');
    expect(screen.getByTestId('policy-day-2026-06-06')).toHaveAttribute(
      'data-kind',
      'makeUpWorkday',
    );

    await waitFor(async () => {
      const shop = (await draft()).calendars.shop;
      expect(shop.label).toEqual({ 'zh-CN': '门店日历', en: 'Shop calendar' });
      expect(shop.holidays).toContainEqual({ date: '2026-10-01', name: expect.anything() });
      expect(shop.holidays).toContainEqual({ date: '2026-06-01', name: { 'zh-CN': '店庆' } });
      expect(shop.makeUpWorkdays).toContainEqual({
        date: '2026-06-06',
        name: { 'zh-CN': '店庆调休' },
      });
    }, SAVE);
    const panel = screen.getByRole('complementary', { name: '检查结果' });
    await waitFor(() => expect(panel).toHaveTextContent('没有问题，可以发布。'), SAVE);
  });

  it('removes a calendar, and the problems panel names the clocks still on it', async () => {
    const { draft } = await open();
    await userEvent.click(
      screen.getByRole('button', {
        name: '删除日历 工厂工作日历（中国法定节假日与调休）',
      }),
    );
    const panel = screen.getByRole('complementary', { name: '检查结果' });
    await waitFor(() => expect(panel).toHaveTextContent('日历 "cnFactory" 不存在'), SAVE);
    expect(panel).toHaveTextContent('时限 总经理室登记（1个工作日）');
    expect((await draft()).calendars.cnFactory).toBeUndefined();
    expect(screen.getByText('政策中没有工作日历。')).toBeInTheDocument();
    expect(screen.getByRole('form', { name: '添加工作日历' })).toBeInTheDocument();
  });
});
