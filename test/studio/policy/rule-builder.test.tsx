// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, type TestApp } from '../../support/test-app.ts';
import { untranslatedText } from '../i18n/untranslated-text.ts';
import { renderStudio, studioServer } from '../support/studio.tsx';
import { DRAFT, editDraft, intake, MEDIA } from './media-draft.ts';

/** The demo draft with a "媒体介入" (media) dimension that rules may set. */
const withMediaDimension = (server: TestApp) =>
  editDraft(server, (document) => void (document.categories.media = MEDIA));

const simulate = async (server: TestApp, channel: string) => {
  const answer = await server.call('POST', `${DRAFT}/simulate`, {
    token: ADMIN_TOKEN,
    body: { intake: { ...intake, channel } },
  });
  expect(answer.status).toBe(200);
  return answer.body as { case: { categories: Record<string, string> }; decisions: unknown[] };
};

describe('policy editor: rule builder', () => {
  it('builds “媒体介入 = 是 when 反映方式 is 来访” without JSON, saves it, and the runtime applies it', async () => {
    const user = userEvent.setup();
    const server = await studioServer();
    await withMediaDimension(server);
    renderStudio('/c/demo/policy/rules', ADMIN_TOKEN);
    const severity = await screen.findByTestId('policy-ruleset-severity', {}, { timeout: 8000 });
    const before = within(severity).getAllByRole('region').length;
    await user.click(within(severity).getByRole('button', { name: '添加规则' }));
    const rules = within(severity).getAllByRole('region');
    expect(rules).toHaveLength(before + 1);
    const rule = rules[rules.length - 1] as HTMLElement;
    const name = within(rule).getByRole('textbox', { name: '规则名称' }) as HTMLInputElement;
    await user.clear(name);
    await user.type(name, 'mediaOnVisit');

    await user.click(await within(rule).findByRole('button', { name: '+ 条件' }));
    await user.selectOptions(within(rule).getByRole('combobox', { name: '条件字段' }), '反映方式');
    const operator = within(rule).getByRole('combobox', { name: '运算符' });
    expect(
      within(operator)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['等于', '不等于', '属于其中之一', '不属于其中任何一个']);
    const value = within(rule).getByRole('combobox', { name: '值' });
    expect(within(value).getByRole('option', { name: '客户来访/业务拜访' })).toBeInTheDocument();
    await user.selectOptions(value, '客户来访/业务拜访');
    // The open builder has no English or codes in it.
    expect(untranslatedText(rule)).toEqual([]);

    await user.selectOptions(
      within(rule).getByRole('combobox', { name: 'mediaOnVisit 动作' }),
      '设定分类',
    );
    await user.selectOptions(
      within(rule).getByRole('combobox', { name: 'mediaOnVisit 分类维度' }),
      '媒体介入',
    );
    await user.selectOptions(
      within(rule).getByRole('combobox', { name: 'mediaOnVisit 分类值' }),
      '是',
    );

    const expected = {
      name: 'mediaOnVisit',
      conditions: {
        all: [{ fact: 'intake', path: '$.channel', operator: 'equal', value: 'visit' }],
      },
      event: { type: 'setCategory', params: { dimension: 'media', value: 'yes' } },
    };
    await waitFor(
      async () => {
        const draft = await server.call('GET', DRAFT, { token: ADMIN_TOKEN });
        const saved = draft.body.document.ruleSets.find((s: { id: string }) => s.id === 'severity');
        expect(saved.rules.at(-1)).toEqual(expected);
      },
      { timeout: 8000 },
    );
    // The JSON view says the same.
    const json = JSON.parse(
      (within(severity).getByTestId('policy-ruleset-json-severity') as HTMLTextAreaElement).value,
    );
    expect(json.rules.at(-1)).toEqual(expected);

    expect((await simulate(server, 'visit')).case.categories.media).toBe('yes');
    expect((await simulate(server, 'phone')).case.categories.media).toBeUndefined();
  }, 60_000);

  it('shows a template rule in words and in the builder, in English', async () => {
    const user = userEvent.setup();
    await studioServer();
    renderStudio('/c/demo/policy/rules', ADMIN_TOKEN, 'en');
    const rule = await screen.findByRole(
      'region',
      { name: 'Rule largeClaimIsMajor' },
      { timeout: 8000 },
    );
    expect(rule).toHaveTextContent(
      'When Remedy sought · Amount claimed (CNY) is at least 10000 → Set category Severity = Major',
    );
    await user.click(within(rule).getByRole('button', { name: 'Edit rule largeClaimIsMajor' }));
    expect(
      await within(rule).findByRole('combobox', { name: 'Condition field' }),
    ).toHaveDisplayValue('Remedy sought · Amount claimed (CNY)');
    expect(within(rule).getByRole('combobox', { name: 'Operator' })).toHaveDisplayValue(
      'is at least',
    );
    expect(within(rule).getByRole('spinbutton', { name: 'Value' })).toHaveValue(10000);
    expect(
      within(rule).getByRole('combobox', { name: 'largeClaimIsMajor Category value' }),
    ).toHaveDisplayValue('Major');
  }, 60_000);
});
