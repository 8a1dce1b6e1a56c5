// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderStudio, studioServer } from '../support/studio.tsx';

const SAVE = { timeout: 10_000 };

async function openApprovals() {
  const server = await studioServer();
  const admin = await server.userWith('demo', 'admin');
  renderStudio('/c/demo/policy/approvals', admin);
  await screen.findByRole('table', { name: '核决权限表' }, { timeout: 15_000 });
  const draft = async () =>
    (await server.call('GET', '/api/companies/demo/policy/draft', { token: admin })).body;
  return { server, admin, draft };
}

async function retype(input: HTMLElement, text: string) {
  await userEvent.clear(input);
  await userEvent.click(input);
  await userEvent.paste(text);
}

describe('approval matrix (核决权限)', { timeout: 120_000 }, () => {
  it('shows the bands with yuan formatting and the roles’ limits', async () => {
    await openApprovals();
    expect(screen.getByLabelText('第 2 行 金额下限（元）')).toHaveValue('1,000');
    expect(screen.getByLabelText('第 2 行 金额上限（元）')).toHaveValue('10,000');
    expect(screen.getByLabelText('第 3 行 金额上限（元）')).toHaveValue('');
    expect(screen.getByLabelText('副总经理 核决上限（元）')).toHaveValue('10,000');
    const chain = screen.getByRole('list', { name: '第 3 行 审批链' });
    expect(
      within(chain)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      expect.stringContaining('业务部经理'),
      expect.stringContaining('副总经理'),
      expect.stringContaining('总经理'),
    ]);
  });

  it('turns four eyes off and on again: the draft keeps fourEyes false, then leaves it out', async () => {
    const { draft } = await openApprovals();
    const box = screen.getByRole('checkbox', { name: /四眼原则/ });
    expect(box).toBeChecked();
    await userEvent.click(box);
    await waitFor(
      async () => expect((await draft()).document.approvals.fourEyes).toBe(false),
      SAVE,
    );
    await userEvent.click(box);
    await waitFor(
      async () => expect((await draft()).document.approvals).not.toHaveProperty('fourEyes'),
      SAVE,
    );
  });

  it('raises a band’s limit and the deputy GM’s authority: the draft saves and checks clean, its examples flagged', async () => {
    const { draft } = await openApprovals();
    await retype(screen.getByLabelText('第 2 行 金额上限（元）'), '20000');
    await retype(screen.getByLabelText('第 3 行 金额下限（元）'), '20,000');
    await retype(screen.getByLabelText('副总经理 核决上限（元）'), '20000');
    await waitFor(() => expect(screen.getByText('草稿已保存')).toBeInTheDocument(), SAVE);
    // The check is clean; the template's examples still expect the general manager above 10,000.
    await waitFor(
      () => expect(screen.getByTestId('problems-examples')).toHaveTextContent('检查没有问题'),
      SAVE,
    );
    const saved = (await draft()).document;
    expect(saved.approvals.rows[1].max).toBe(20000);
    expect(saved.approvals.rows[2].min).toBe(20000);
    expect(saved.roles.deputyGM.authorityLimit).toBe(20000);
    // The preview follows the draft.
    await retype(screen.getByTestId('approval-preview-amount'), '15000');
    expect(screen.getByTestId('approval-preview-result')).toHaveTextContent(
      '业务部经理 → 副总经理（第 2 行）',
    );
  });

  it('refuses a limit that is not an amount, in place, and keeps the draft unchanged', async () => {
    const { draft } = await openApprovals();
    const input = screen.getByLabelText('副总经理 核决上限（元）');
    await retype(input, '两万');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent('请输入金额');
    expect((await draft()).document.roles.deputyGM.authorityLimit).toBe(10000);
  });

  it('flags an overlap created in the table on the row itself', async () => {
    await openApprovals();
    await retype(screen.getByLabelText('第 1 行 金额上限（元）'), '1500');
    const second = screen.getByTestId('approval-row-1');
    await waitFor(() => expect(second).toHaveClass('has-problem'), SAVE);
    expect(screen.getByTestId('approval-row-1-problems')).toHaveTextContent(
      '金额区间与第 1 行重叠（1,000 至 1,500 元）',
    );
    // The first row's last approver cannot decide up to 1,500.
    expect(screen.getByTestId('approval-row-0-problems')).toHaveTextContent(
      '最后一级核决人「业务部经理」的核决上限为 1,000 元，低于本行金额上限 1,500 元',
    );
    expect(screen.getByTestId('approval-row-2')).not.toHaveClass('has-problem');
  });

  it('reports a gap above the table and adds a row to close it', async () => {
    await openApprovals();
    await userEvent.click(screen.getByRole('button', { name: '删除第 3 行' }));
    await waitFor(
      () =>
        expect(screen.getByTestId('approval-gaps')).toHaveTextContent(
          '10,000 元及以上没有任何一行覆盖',
        ),
      SAVE,
    );
    await userEvent.click(screen.getByRole('button', { name: '添加一行' }));
    expect(screen.getByLabelText('第 3 行 金额下限（元）')).toHaveValue('10,000');
    await userEvent.selectOptions(screen.getByLabelText('第 3 行 添加审批人'), '总经理');
    await waitFor(() => expect(screen.queryByTestId('approval-gaps')).toBeNull(), SAVE);
    await waitFor(() => expect(screen.getByText('没有问题，可以发布。')).toBeInTheDocument(), SAVE);
  });

  it('raises one band’s limit and repairs the next band and the approver’s authority with one click each', async () => {
    const { draft } = await openApprovals();
    await retype(screen.getByTestId('approval-row-1-max'), '20000');
    const fixMin = await screen.findByRole('button', { name: '将第 3 行下限改为 20,000 元' }, SAVE);
    const fixLimit = screen.getByRole('button', {
      name: '将「副总经理」的核决上限提高到 20,000 元',
    });
    expect(screen.getByTestId('approval-row-2')).toHaveClass('has-problem');
    await userEvent.click(fixLimit);
    await userEvent.click(fixMin);
    expect(screen.getByTestId('approval-row-2-min')).toHaveValue('20,000');
    expect(screen.getByTestId('role-limit-deputyGM')).toHaveValue('20,000');
    await waitFor(
      () => expect(screen.getByTestId('problems-examples')).toHaveTextContent('检查没有问题'),
      SAVE,
    );
    const saved = (await draft()).document;
    expect(saved.approvals.rows[2].min).toBe(20000);
    expect(saved.roles.deputyGM.authorityLimit).toBe(20000);
    expect(saved.approvals.rows[2].note['zh-CN']).toMatch(/^20,000元及以上：/);
  });

  it('keeps a row’s note (“1,000元至10,000元以下”) in step with its amounts', async () => {
    const { draft } = await openApprovals();
    await retype(screen.getByTestId('approval-row-1-max'), '20000');
    await retype(screen.getByTestId('approval-row-1-min'), '1500');
    expect(screen.getByLabelText('第 2 行 中文名称')).toHaveValue(
      '1,500元至20,000元以下：业务部经理审核，副总经理核决',
    );
    expect(screen.getByLabelText('第 2 行 英文名称')).toHaveValue(
      '1,500 to under 20,000 yuan: the sales manager, then the deputy GM',
    );
    await waitFor(async () => {
      const row = (await draft()).document.approvals.rows[1];
      expect(row.note).toEqual({
        'zh-CN': '1,500元至20,000元以下：业务部经理审核，副总经理核决',
        en: '1,500 to under 20,000 yuan: the sales manager, then the deputy GM',
      });
    }, SAVE);
    await userEvent.clear(screen.getByTestId('approval-row-1-max'));
    expect(screen.getByLabelText('第 2 行 中文名称')).toHaveValue(
      '1,500元及以上：业务部经理审核，副总经理核决',
    );
  });
});
