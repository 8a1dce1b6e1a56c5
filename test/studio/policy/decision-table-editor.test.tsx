// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, type TestApp } from '../../support/test-app.ts';
import { untranslatedText } from '../i18n/untranslated-text.ts';
import { renderStudio, studioServer } from '../support/studio.tsx';
import { DRAFT, editDraft, intake, MEDIA } from './media-draft.ts';

/** The demo draft with a media dimension set by a rule on visits, and a media desk role. */
const withMediaCases = (server: TestApp) =>
  editDraft(server, (document) => {
    document.categories.media = MEDIA;
    document.roles.mediaDesk = { label: { 'zh-CN': '媒体专员', en: 'Media desk' } };
    document.ruleSets
      .find((s: { id: string }) => s.id === 'severity')
      .rules.push({
        name: 'mediaOnVisit',
        conditions: {
          all: [{ fact: 'intake', path: '$.channel', operator: 'equal', value: 'visit' }],
        },
        event: { type: 'setCategory', params: { dimension: 'media', value: 'yes' } },
      });
  });

const assignedRoles = async (server: TestApp, channel: string) => {
  const answer = await server.call('POST', `${DRAFT}/simulate`, {
    token: ADMIN_TOKEN,
    body: { intake: { ...intake, channel } },
  });
  expect(answer.status).toBe(200);
  return (answer.body.decisions as { action: { type: string; params: { role?: string } } }[])
    .filter((d) => d.action.type === 'assign')
    .map((d) => d.action.params.role);
};

describe('policy editor: decision tables', () => {
  it('routes media cases to a new role from a table row, flags the gap, and reloads as a table', async () => {
    const user = userEvent.setup();
    const server = await studioServer();
    await withMediaCases(server);
    renderStudio('/c/demo/policy/rules', ADMIN_TOKEN);
    const add = await screen.findByRole('form', { name: '添加决策表' }, { timeout: 8000 });
    await user.type(within(add).getByRole('textbox', { name: '决策表代码' }), 'mediaRouting');
    await user.click(within(add).getByRole('button', { name: '添加决策表' }));

    const set = await screen.findByTestId('policy-ruleset-mediaRouting');
    await user.click(within(set).getByRole('button', { name: '添加条件列' }));
    await user.selectOptions(
      within(set).getByRole('combobox', { name: '条件列 1' }),
      '分类 · 媒体介入',
    );
    await user.click(within(set).getByRole('button', { name: '添加行' }));
    const operator = within(set).getByRole('combobox', {
      name: '第 1 行 条件列 1 媒体介入 运算符',
    });
    await user.selectOptions(operator, '等于');
    await user.selectOptions(
      within(set).getByRole('combobox', { name: '第 1 行 条件列 1 媒体介入' }),
      '是',
    );
    await user.selectOptions(within(set).getByRole('combobox', { name: '第 1 行 动作' }), '指派');
    await user.selectOptions(
      within(set).getByRole('combobox', { name: '第 1 行 角色' }),
      '媒体专员',
    );

    const problems = within(set).getByRole('region', { name: '决策表的问题' });
    expect(problems).toHaveTextContent('没有任何行适用：媒体介入 = 否');
    expect(untranslatedText(set)).toEqual([]);

    const expected = {
      id: 'mediaRouting',
      on: 'intake',
      table: { hitPolicy: 'first' },
      rules: [
        {
          name: 'rule1',
          priority: 1,
          conditions: {
            all: [{ fact: 'categories', path: '$.media', operator: 'equal', value: 'yes' }],
          },
          event: { type: 'assign', params: { role: 'mediaDesk' } },
        },
      ],
    };
    await waitFor(
      async () => {
        const draft = await server.call('GET', DRAFT, { token: ADMIN_TOKEN });
        expect(draft.body.document.ruleSets.at(-1)).toEqual(expected);
      },
      { timeout: 8000 },
    );
    expect(await assignedRoles(server, 'visit')).toContain('mediaDesk');
    expect(await assignedRoles(server, 'phone')).not.toContain('mediaDesk');

    // Opened again, the rule set is the same table.
    cleanup();
    renderStudio('/c/demo/policy/rules', ADMIN_TOKEN);
    const again = await screen.findByTestId('policy-ruleset-mediaRouting', {}, { timeout: 8000 });
    const table = within(again).getByRole('table', { name: '决策表 mediaRouting' });
    expect(within(table).getByRole('combobox', { name: '条件列 1' })).toHaveDisplayValue(
      '分类 · 媒体介入',
    );
    expect(within(table).getByRole('combobox', { name: '第 1 行 角色' })).toHaveDisplayValue(
      '媒体专员',
    );
  }, 60_000);
});
