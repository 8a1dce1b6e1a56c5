// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderStudio, studioServer } from '../support/studio.tsx';

const SAVE = { timeout: 15_000 };

async function retype(input: HTMLElement, text: string) {
  await userEvent.clear(input);
  await userEvent.click(input);
  await userEvent.paste(text);
}

describe('the problems panel agrees with publishing', { timeout: 120_000 }, () => {
  it('names the failing examples of a draft the check finds clean, which publishing refuses', async () => {
    const server = await studioServer();
    const admin = await server.userWith('demo', 'admin');
    renderStudio('/c/demo/policy/approvals', admin);
    await screen.findByRole('table', { name: '核决权限表' }, SAVE);
    const panel = screen.getByRole('complementary', { name: '检查结果' });
    await waitFor(() => expect(panel).toHaveTextContent('没有问题，可以发布。'), SAVE);

    // The sales manager's limit raised to 2,000 yuan: the examples still expect the deputy GM.
    await retype(screen.getByTestId('approval-row-0-max'), '2000');
    await retype(screen.getByTestId('approval-row-1-min'), '2000');
    await retype(screen.getByTestId('role-limit-salesManager'), '2000');
    await waitFor(() => expect(screen.getByText('草稿已保存')).toBeInTheDocument(), SAVE);
    const failing = await within(panel).findByTestId('problems-examples', {}, SAVE);
    expect(panel).not.toHaveTextContent('没有问题，可以发布。');

    const publish = await server.call('POST', '/api/companies/demo/policy/publish', {
      token: admin,
      body: { note: '业务部经理核决权限提高到2,000元' },
    });
    expect(publish.body.error.code).toBe('policy_has_problems');
    const refused = publish.body.error.details.failedExamples as { title: { 'zh-CN': string } }[];
    expect(failing).toHaveTextContent(`有 ${refused.length} 个样例未通过`);
    expect(
      within(failing)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(refused.map((example) => example.title['zh-CN']));
    expect(within(failing).getAllByRole('link')[0]).toHaveAttribute(
      'href',
      '#/c/demo/policy/examples',
    );
  });
});
