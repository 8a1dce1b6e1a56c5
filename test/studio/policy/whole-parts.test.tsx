// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderStudio, studioServer } from '../support/studio.tsx';

const SAVE = { timeout: 15_000 };
const LOAD = { timeout: 15_000 };

async function open(section: string, lang: 'zh-CN' | 'en' = 'zh-CN') {
  const server = await studioServer();
  const admin = await server.userWith('demo', 'admin');
  renderStudio(`/c/demo/policy/${section}`, admin, lang);
  const draft = async () =>
    (await server.call('GET', '/api/companies/demo/policy/draft', { token: admin })).body.document;
  return { draft, server };
}

const panel = () => screen.getByRole('complementary', { name: '检查结果' });
// Codes the administrator never typed: JSON pointers and quoted ids of the check's messages.
const CODES = /\/[a-z]+\/|"[A-Za-z]+"/;

describe('whole parts of a policy in the studio', { timeout: 120_000 }, () => {
  it('adds the category 媒体介入 with two values, set by rules and staff', async () => {
    const { draft } = await open('categories');
    await userEvent.type(await screen.findByTestId('add-dimension-zh', {}, LOAD), '媒体介入');
    await userEvent.type(screen.getByTestId('add-dimension-en'), 'Media involvement');
    expect(screen.getByTestId('add-dimension-id')).toHaveAttribute(
      'placeholder',
      '代码（留空则为 mediaInvolvement）',
    );
    await userEvent.click(screen.getByTestId('add-dimension-submit'));
    const card = screen.getByRole('region', { name: '媒体介入' });
    for (const [zh, en] of [
      ['地方媒体', 'Local media'],
      ['全国媒体', 'National media'],
    ] as const) {
      await userEvent.type(within(card).getByTestId('category-mediaInvolvement-new-zh'), zh);
      await userEvent.type(within(card).getByTestId('category-mediaInvolvement-new-en'), en);
      await userEvent.click(within(card).getByTestId('category-mediaInvolvement-add-value'));
    }
    expect(within(card).getByLabelText('媒体介入 由规则设定')).toBeChecked();
    expect(within(card).getByLabelText('媒体介入 由表单设定')).not.toBeChecked();
    await waitFor(async () => {
      expect((await draft()).categories.mediaInvolvement).toEqual({
        label: { 'zh-CN': '媒体介入', en: 'Media involvement' },
        setBy: ['rule', 'staff'],
        values: {
          localMedia: { label: { 'zh-CN': '地方媒体', en: 'Local media' } },
          nationalMedia: { label: { 'zh-CN': '全国媒体', en: 'National media' } },
        },
      });
    }, SAVE);
    await waitFor(() => expect(panel()).toHaveTextContent('没有问题，可以发布。'), SAVE);
  });

  it('removes the category 严重程度 and names at once, in words, every place that still uses it', async () => {
    await open('categories');
    const severity = await screen.findByRole('region', { name: '严重程度' }, LOAD);
    await userEvent.click(within(severity).getByRole('button', { name: '删除类别 严重程度' }));
    expect(screen.queryByRole('region', { name: '严重程度' })).not.toBeInTheDocument();
    const note = screen.getByTestId('removal-note');
    expect(note).toHaveTextContent('已删除分类「严重程度」。');
    const places = within(note)
      .getAllByRole('listitem')
      .map((li) => li.textContent ?? '');
    expect(places.some((p) => p.startsWith('规则 '))).toBe(true);
    expect(places.some((p) => /^时限 .+ 升级 第 \d 行 动作$/.test(p))).toBe(true);
    expect(places.some((p) => p.startsWith('样例 ') && p.endsWith('预期结果'))).toBe(true);
    for (const place of places) expect(place).not.toMatch(/severity|\//);

    await waitFor(
      () => expect(panel()).toHaveTextContent('已删除的分类「严重程度」仍在这里使用'),
      SAVE,
    );
    const messages = within(panel())
      .getAllByRole('listitem')
      .map((li) => li.lastElementChild?.textContent ?? '');
    expect(messages.filter((m) => m.includes('severity'))).toEqual([]);
  });

  it('refuses to remove a value still used, naming the places in words', async () => {
    await open('categories');
    const cause = await screen.findByRole('region', { name: '异常原因' }, LOAD);
    await userEvent.click(within(cause).getByRole('button', { name: '删除取值 质量异常' }));
    const alert = within(cause).getByRole('alert');
    expect(alert).toHaveTextContent('「质量异常」仍在使用中');
    expect(alert).toHaveTextContent('时限 结案期限（按异常原因） 第 1 行 条件');
    expect(alert.textContent).not.toMatch(/closingByCause|approvals:|\//);
  });

  it('adds a role with its names and limit, renames one, and names where a removed role is used', async () => {
    const { draft, server } = await open('approvals');
    await server.userWith('demo', 'deputyGM');
    await userEvent.type(await screen.findByTestId('add-role-zh', {}, LOAD), '媒体专员');
    await userEvent.type(screen.getByTestId('add-role-en'), 'Media officer');
    await userEvent.click(screen.getByTestId('add-role-submit'));
    await userEvent.type(await screen.findByTestId('role-limit-mediaOfficer'), '3000');
    const en = screen.getByTestId('role-sales-label-en');
    await userEvent.clear(en);
    await userEvent.type(en, 'Sales rep');
    await waitFor(async () => {
      const roles = (await draft()).roles;
      expect(roles.mediaOfficer).toEqual({
        label: { 'zh-CN': '媒体专员', en: 'Media officer' },
        authorityLimit: 3000,
      });
      expect(roles.sales.label).toEqual({ 'zh-CN': '业务员', en: 'Sales rep' });
    }, SAVE);

    await userEvent.click(screen.getByRole('button', { name: '删除角色 副总经理' }));
    expect(screen.queryByTestId('role-limit-deputyGM')).not.toBeInTheDocument();
    const note = screen.getByTestId('removal-note');
    expect(note).toHaveTextContent('已删除角色「副总经理」。');
    const places = within(note)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(places).toEqual(
      expect.arrayContaining(['核决权限 第 2 行 核决链', '核决权限 第 3 行 核决链']),
    );
    expect(places.join(' ')).not.toMatch(/deputyGM|\//);
    expect(await screen.findByTestId('removal-holders')).toHaveTextContent(
      '仍有 1 位用户持有此角色（deputyGM）',
    );
    await waitFor(
      () => expect(panel()).toHaveTextContent('已删除的角色「副总经理」仍在这里使用'),
      SAVE,
    );
    expect(panel().textContent).not.toMatch(CODES);
    expect(screen.getByTestId('approval-row-1-problems')).toHaveTextContent(
      '已删除的角色「副总经理」仍在这里使用',
    );
    expect(screen.getByTestId('approval-row-1-problems').textContent).not.toMatch(/deputyGM/);
  });

  it('adds a state and an action whole (from, to, role), and names what a removed state leaves behind', async () => {
    const { draft } = await open('workflow');
    await userEvent.type(await screen.findByTestId('add-state-zh', {}, LOAD), '媒体应对');
    await userEvent.type(screen.getByTestId('add-state-en'), 'Media response');
    await userEvent.click(screen.getByTestId('add-state-submit'));
    await waitFor(
      () =>
        expect(panel()).toHaveTextContent(
          '状态「媒体应对」从起始状态无法到达：请添加一个通向它的操作',
        ),
      SAVE,
    );
    await userEvent.type(screen.getByTestId('add-transition-zh'), '转媒体应对');
    await userEvent.type(screen.getByTestId('add-transition-en'), 'To media response');
    await userEvent.selectOptions(screen.getByTestId('add-transition-from'), '调查中');
    await userEvent.selectOptions(screen.getByTestId('add-transition-to'), '媒体应对');
    await userEvent.selectOptions(screen.getByTestId('add-transition-role'), '质量管理部');
    await userEvent.click(screen.getByTestId('add-transition-submit'));
    await userEvent.selectOptions(screen.getByLabelText('转媒体应对 的作用'), '重新分类');
    await waitFor(async () => {
      const { workflow } = await draft();
      expect(workflow.states.mediaResponse).toEqual({
        label: { 'zh-CN': '媒体应对', en: 'Media response' },
      });
      expect(workflow.transitions.at(-1)).toEqual({
        id: 'toMediaResponse',
        label: { 'zh-CN': '转媒体应对', en: 'To media response' },
        from: ['investigating'],
        to: 'mediaResponse',
        roles: ['quality'],
        effect: 'reclassify',
      });
    }, SAVE);
    await waitFor(
      () => expect(panel()).toHaveTextContent('状态「媒体应对」无法到达任何结案状态'),
      SAVE,
    );
    expect(panel().textContent).not.toMatch(/mediaResponse/);

    await userEvent.click(screen.getByRole('button', { name: '删除状态 待结案' }));
    const note = screen.getByTestId('removal-note');
    expect(note).toHaveTextContent('已删除状态「待结案」。');
    expect(
      within(note)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(expect.arrayContaining([expect.stringMatching(/^流程 .+ 目标状态$/)]));
    await waitFor(
      () => expect(panel()).toHaveTextContent('已删除的状态「待结案」仍在这里使用'),
      SAVE,
    );
    const section = screen.getByRole('region', { name: '流程' });
    expect(
      within(section).getAllByText('已删除的状态「待结案」仍在这里使用').length,
    ).toBeGreaterThan(0);
    expect(section.textContent).not.toMatch(/"pendingClosure"/);
  });

  it('in English, adds a role and names a removed one in English', async () => {
    await open('approvals', 'en');
    const form = await screen.findByRole('form', { name: 'Add role' }, LOAD);
    await userEvent.type(within(form).getByLabelText('New role Chinese name'), '媒体专员');
    await userEvent.type(within(form).getByLabelText('New role English name'), 'Media officer');
    await userEvent.click(within(form).getByRole('button', { name: 'Add role' }));
    expect(await screen.findByTestId('role-limit-mediaOfficer')).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Remove the role Deputy general manager' }),
    );
    const note = screen.getByTestId('removal-note');
    expect(note).toHaveTextContent('Removed the role “Deputy general manager”.');
    expect(note).toHaveTextContent('Approval limits row 2 approval chain');
    expect(note.textContent).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
