// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderStudio, studioServer } from '../support/studio.tsx';

const SAVE = { timeout: 10_000 };
const LOAD = { timeout: 15_000 };

async function open(section: string) {
  const server = await studioServer();
  const admin = await server.userWith('demo', 'admin');
  renderStudio(`/c/demo/policy/${section}`, admin);
  const draft = async () =>
    (await server.call('GET', '/api/companies/demo/policy/draft', { token: admin })).body.document;
  return { draft };
}

describe('categories', { timeout: 120_000 }, () => {
  it('adds a value, renames it, makes it the default, and refuses to remove a value still in use', async () => {
    const { draft } = await open('categories');
    const severity = await screen.findByRole('region', { name: '严重程度' }, LOAD);
    await userEvent.type(within(severity).getByLabelText('严重程度 新取值 中文名称'), '轻微');
    await userEvent.type(within(severity).getByLabelText('严重程度 新取值 英文名称'), 'Minor');
    await userEvent.click(within(severity).getByRole('button', { name: '添加取值' }));
    await userEvent.type(within(severity).getByLabelText('轻微 中文名称'), '（观察）');
    await userEvent.click(within(severity).getByLabelText('默认为 轻微（观察）'));
    await waitFor(() => expect(screen.getByText('草稿已保存')).toBeInTheDocument(), SAVE);
    await waitFor(async () => {
      const saved = (await draft()).categories.severity;
      expect(saved.values.minor.label).toEqual({ 'zh-CN': '轻微（观察）', en: 'Minor' });
      expect(saved.default).toBe('minor');
    }, SAVE);

    const cause = screen.getByRole('region', { name: '异常原因' });
    await userEvent.click(within(cause).getByRole('button', { name: '删除取值 质量异常' }));
    expect(within(cause).getByRole('alert')).toHaveTextContent('「质量异常」仍在使用中');
    expect(within(cause).getByLabelText('质量异常 中文名称')).toBeInTheDocument();
  });
});

describe('deadlines', { timeout: 120_000 }, () => {
  it('shows the clocks readably and changes a duration and a duration table row', async () => {
    const { draft } = await open('deadlines');
    const registration = await screen.findByTestId('clock-registration', {}, LOAD);
    expect(within(registration).getByLabelText(/时长数值$/)).toHaveValue(1);
    expect(screen.getAllByText('升级 2 级：逾期 1 个工作日后 — 通知 总经理')).toHaveLength(4);
    expect(screen.getAllByText(/执行「编号登记」时/).length).toBeGreaterThan(0);

    const amount = within(registration).getByLabelText(/时长数值$/);
    await userEvent.clear(amount);
    await userEvent.type(amount, '2');
    await userEvent.selectOptions(within(registration).getByLabelText(/计时方式$/), '日历时间');
    const table = screen.getByTestId('duration-table-closingByCause');
    const quality = within(table).getByLabelText('结案期限（按异常原因） 第 1 行 时长数值');
    await userEvent.clear(quality);
    await userEvent.type(quality, '30');
    await waitFor(async () => {
      const saved = await draft();
      expect(saved.clocks.registration.duration).toEqual({ amount: 2, unit: 'days' });
      expect(saved.durationTables.closingByCause.rows[0].duration).toEqual({
        amount: 30,
        unit: 'days',
      });
    }, SAVE);
  });

  it('sets a clock due by the close of the Nth working day, in whole days', async () => {
    const { draft } = await open('deadlines');
    const registration = await screen.findByTestId('clock-registration', {}, LOAD);
    const amount = within(registration).getByLabelText(/时长数值$/);
    await userEvent.clear(amount);
    await userEvent.type(amount, '2');
    await userEvent.selectOptions(within(registration).getByLabelText(/计时方式$/), '工作日下班前');
    expect(within(registration).getByLabelText(/时长单位$/)).toBeDisabled();
    await waitFor(async () => {
      const saved = await draft();
      expect(saved.clocks.registration.duration).toEqual({
        amount: 2,
        unit: 'closeOfWorkingDay',
      });
    }, SAVE);
    await userEvent.selectOptions(within(registration).getByLabelText(/计时方式$/), '工作时间');
    await waitFor(async () => {
      const saved = await draft();
      expect(saved.clocks.registration.duration).toEqual({ amount: 2, unit: 'workingDays' });
    }, SAVE);
  });

  it.each([
    ['zh-CN', '升级 1 级：到期时 — 催办', /催办（\s*）/],
    ['en', 'Escalation 1: when due — remind', /remind \(\s*\)/],
  ] as const)(
    'in %s, names a reminder without a message without empty parentheses',
    async (lang, shown, empty) => {
      const server = await studioServer();
      const admin = await server.userWith('demo', 'admin');
      const url = '/api/companies/demo/policy/draft';
      const { document, version } = (await server.call('GET', url, { token: admin })).body;
      delete document.clocks.registration.escalations[0].actions[0].message;
      const saved = await server.call('PUT', url, {
        token: admin,
        body: { document, expectedVersion: version },
      });
      expect(saved.status).toBe(200);
      renderStudio('/c/demo/policy/deadlines', admin, lang);
      expect(await screen.findByText(shown, {}, LOAD)).toBeInTheDocument();
      expect(window.document.body.textContent).not.toMatch(empty);
    },
  );

  it('adjusts when a warning fires and how long past due an escalation waits', async () => {
    const { draft } = await open('deadlines');
    await screen.findByTestId('clock-investigation', {}, LOAD);
    const percent = screen.getByLabelText('调查报告（3个工作日） 预警 1 级 时长百分比');
    await userEvent.clear(percent);
    await userEvent.type(percent, '50');
    const after = screen.getByLabelText('调查报告（3个工作日） 升级 2 级 时长数值');
    await userEvent.clear(after);
    await userEvent.type(after, '2');
    await waitFor(async () => {
      const clock = (await draft()).clocks.investigation;
      expect(clock.warnings[0].atFraction).toBe(0.5);
      expect(clock.escalations[1].after).toEqual({ amount: 2, unit: 'workingDays' });
    }, SAVE);
    expect(screen.getByText('预警 1 级：时长过去 50% 时 — 通知 质量管理部')).toBeInTheDocument();
  });
});

describe('problems panel: deadlines and calendars', { timeout: 120_000 }, () => {
  it.each([
    [
      'zh-CN',
      '检查结果',
      '日历 "cnFactory" 自',
      '的 N 须为不小于 1 的整数, 现为 1.5',
      '工作日历 工厂工作日历（中国法定节假日与调休） 工作时间 第 1 行 每周时段',
      '时限 总经理室登记（1个工作日） 时长 数值',
    ],
    [
      'en',
      'Check',
      'calendar "cnFactory" has no working hours in its week',
      'needs a whole N from 1, not 1.5',
      "Calendar Factory calendar (China's public holidays and make-up working days) working hours row 1 weekly hours",
      'Deadlines Registration by the GM office (1 working day) duration amount',
    ],
  ] as const)(
    'names in %s a calendar without working hours and a part of a working day, and where they are in words',
    async (lang, title, calendar, close, calendarPlace, clockPlace) => {
      const server = await studioServer();
      const admin = await server.userWith('demo', 'admin');
      const url = '/api/companies/demo/policy/draft';
      const { document, version } = (await server.call('GET', url, { token: admin })).body;
      for (const hours of document.calendars.cnFactory.workingHours) hours.week = {};
      document.clocks.registration.duration = { amount: 1.5, unit: 'closeOfWorkingDay' };
      const saved = await server.call('PUT', url, {
        token: admin,
        body: { document, expectedVersion: version },
      });
      expect(saved.status).toBe(200);
      renderStudio('/c/demo/policy/deadlines', admin, lang);
      const panel = await screen.findByRole('complementary', { name: title }, LOAD);
      await waitFor(() => expect(panel).toHaveTextContent(calendar), LOAD);
      expect(panel).toHaveTextContent(calendarPlace);
      expect(panel).toHaveTextContent(close);
      expect(panel).toHaveTextContent(clockPlace);
      expect(panel).not.toHaveTextContent('/clocks/registration');
    },
  );
});
