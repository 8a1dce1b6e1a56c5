// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import quality from '../../../rulesets/manufacturing-quality/cases/quality-1500-spring-festival.json';
import { renderStudio, studioServer } from '../support/studio.tsx';

const SAVE = { timeout: 15_000 };
const LOAD = { timeout: 15_000 };
const DRAFT = '/api/companies/demo/policy/draft';

async function open() {
  const server = await studioServer();
  const admin = await server.userWith('demo', 'admin');
  renderStudio('/c/demo/policy/deadlines', admin);
  await screen.findByTestId('clock-registration', {}, LOAD);
  const draft = async () => (await server.call('GET', DRAFT, { token: admin })).body.document;
  const simulate = async (channel: string) =>
    (
      await server.call('POST', `${DRAFT}/simulate`, {
        token: admin,
        body: {
          intake: { ...quality.intake, channel },
          receivedAt: '2026-03-02T10:00:00+08:00',
        },
      })
    ).body;
  return { draft, simulate };
}

describe('adding and removing clocks', { timeout: 120_000 }, () => {
  it('adds a clock of 2 working hours that starts only for e-mailed complaints', async () => {
    const { draft, simulate } = await open();
    const form = screen.getByRole('form', { name: '添加计时器' });
    await userEvent.type(within(form).getByLabelText('新计时器 中文名称'), '邮件答复');
    await userEvent.type(within(form).getByLabelText('新计时器 英文名称'), 'E-mail reply');
    await userEvent.type(within(form).getByLabelText('计时器代码（英文字母开头）'), 'mailReply');
    const amount = within(form).getByLabelText('新计时器 时长数值');
    await userEvent.clear(amount);
    await userEvent.type(amount, '2');
    await userEvent.selectOptions(within(form).getByLabelText('新计时器 时长单位'), '小时');
    await userEvent.selectOptions(
      within(form).getByLabelText('新计时器 何时开始'),
      '反映方式为「电子邮件」的案件立案时',
    );
    await userEvent.click(within(form).getByRole('button', { name: '添加' }));

    const details = await screen.findByTestId('clock-mailReply-details');
    expect(details).toHaveTextContent('由规则启动：反映方式为「电子邮件」的案件立案时');
    await userEvent.selectOptions(
      within(details).getByLabelText('添加到：邮件答复 停止于'),
      '执行「答复客户」时',
    );
    await userEvent.click(within(details).getByRole('button', { name: '添加升级' }));
    const level = within(details).getByTestId('level-escalation-1');
    expect(level).toHaveTextContent('升级 1 级：到期时 — 催办');
    await userEvent.click(within(level).getByRole('button', { name: '改为逾期一段时间后' }));
    await userEvent.selectOptions(
      within(level).getByLabelText('邮件答复 升级 1 级 动作 1 类型'),
      '通知角色',
    );
    await userEvent.selectOptions(
      within(level).getByLabelText('邮件答复 升级 1 级 动作 1 角色'),
      '总经理',
    );
    expect(level).toHaveTextContent('升级 1 级：逾期 1 个工作日后 — 通知 总经理');
    await waitFor(async () => {
      const saved = await draft();
      expect(saved.clocks.mailReply.escalations).toEqual([
        {
          level: 1,
          after: { amount: 1, unit: 'workingDays' },
          actions: [{ type: 'notify', role: 'gm' }],
        },
      ]);
      expect(saved.clocks.mailReply).toMatchObject({
        label: { 'zh-CN': '邮件答复', en: 'E-mail reply' },
        duration: { amount: 2, unit: 'workingHours' },
        start: [],
        stop: [{ transition: 'reply' }],
      });
    }, SAVE);
    const panel = screen.getByRole('complementary', { name: '检查结果' });
    await waitFor(() => expect(panel).toHaveTextContent('没有问题，可以发布。'), SAVE);

    const mailed = await simulate('email');
    const clock = mailed.clocks.find((c: { id: string }) => c.id === 'mailReply');
    expect(clock?.due).toBe('2026-03-02T12:00:00+08:00');
    const phoned = await simulate('phone');
    expect(phoned.clocks.map((c: { id: string }) => c.id)).not.toContain('mailReply');
  });

  it('removes a clock, and the problems panel names what still refers to it', async () => {
    const { draft } = await open();
    await userEvent.click(
      screen.getByRole('button', { name: '删除计时器 总经理室登记（1个工作日）' }),
    );
    expect(screen.queryByTestId('clock-registration')).not.toBeInTheDocument();
    const panel = screen.getByRole('complementary', { name: '检查结果' });
    await waitFor(() => expect(panel).toHaveTextContent('时限 "registration" 不存在'), SAVE);
    expect(panel).toHaveTextContent('预期结果 到期时间 registration');
    expect((await draft()).clocks.registration).toBeUndefined();
  });

  it('adds a duration table a clock then reads, and removes one a clock still reads', async () => {
    const { draft } = await open();
    const add = screen.getByRole('form', { name: '添加时限表' });
    await userEvent.type(within(add).getByLabelText('时限表名称'), '登记时限（按严重程度）');
    await userEvent.type(within(add).getByLabelText('时限表代码（英文字母开头）'), 'bySeverity');
    await userEvent.click(within(add).getByRole('button', { name: '添加时限表' }));
    expect(await screen.findByTestId('duration-table-bySeverity')).toBeInTheDocument();
    await userEvent.selectOptions(
      within(screen.getByTestId('clock-registration')).getByLabelText(/时长来源$/),
      '按表：登记时限（按严重程度）',
    );
    await waitFor(async () => {
      const saved = await draft();
      expect(saved.durationTables.bySeverity).toEqual({
        label: { 'zh-CN': '登记时限（按严重程度）' },
        rows: [],
        default: { amount: 1, unit: 'workingDays' },
      });
      expect(saved.clocks.registration.duration).toEqual({ table: 'bySeverity' });
    }, SAVE);

    await userEvent.click(
      screen.getByRole('button', { name: '删除时限表 结案期限（按异常原因）' }),
    );
    const panel = screen.getByRole('complementary', { name: '检查结果' });
    await waitFor(() => expect(panel).toHaveTextContent('时限表 "closingByCause" 不存在'), SAVE);
  });

  it('offers the same path in English', async () => {
    const server = await studioServer();
    const admin = await server.userWith('demo', 'admin');
    renderStudio('/c/demo/policy/deadlines', admin, 'en');
    const form = await screen.findByRole('form', { name: 'Add a clock' }, LOAD);
    await userEvent.type(within(form).getByLabelText('New clock Chinese name'), '邮件答复');
    await userEvent.type(within(form).getByLabelText('Clock code (starts with a letter)'), 'mail');
    await userEvent.selectOptions(within(form).getByLabelText('New clock unit'), 'hours');
    await userEvent.selectOptions(
      within(form).getByLabelText('New clock time kind'),
      'working time',
    );
    await userEvent.selectOptions(
      within(form).getByLabelText('New clock starts'),
      'when a case with Channel “E-mail” is opened',
    );
    await userEvent.click(within(form).getByRole('button', { name: 'Add' }));
    expect(await screen.findByTestId('clock-mail-details')).toHaveTextContent(
      'started by a rule: when a case with Channel “E-mail” is opened',
    );
  });
});
