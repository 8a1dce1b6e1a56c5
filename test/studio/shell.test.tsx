// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN } from '../support/test-app.ts';
import { renderStudio, studioServer } from './support/studio.tsx';

describe('studio shell', () => {
  it('refuses an unknown token in Chinese and keeps the sign-in form', async () => {
    await studioServer();
    renderStudio('/', null);
    await userEvent.type(screen.getByLabelText('访问令牌'), 'kesu_wrong');
    await userEvent.click(screen.getByRole('button', { name: '登录' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('令牌无效或已撤销');
    expect(localStorage.getItem('kesu.token')).toBeNull();
  });

  it('signs the platform administrator in and lands in the template gallery', async () => {
    await studioServer();
    renderStudio('/', null);
    await userEvent.type(screen.getByLabelText('访问令牌'), ADMIN_TOKEN);
    await userEvent.click(screen.getByRole('button', { name: '登录' }));
    await waitFor(() => expect(window.location.hash).toBe('#/gallery'));
    expect(screen.getByRole('link', { name: '模板库' })).toBeInTheDocument();
  });

  it('shows company staff their inbox link but not the policy editor', async () => {
    const server = await studioServer();
    const token = await server.userWith('demo', 'quality');
    renderStudio('/', token);
    await waitFor(() => expect(window.location.hash).toBe('#/c/demo/inbox'));
    expect(screen.getByRole('link', { name: '待办案件' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: '政策设置' })).toBeNull();
  });

  it.each<[string, string, 'zh-CN' | 'en', string]>([
    ['another company’s inbox', '/c/other/inbox', 'zh-CN', '无权访问'],
    ['a company that does not exist', '/c/nowhere/cases/x', 'zh-CN', '无权访问'],
    ['the policy editor of their own company', '/c/demo/policy', 'zh-CN', '无权访问'],
    ['the users page, in English', '/c/demo/users', 'en', 'No access'],
  ])('shows company staff one “no access” page for %s', async (_, path, lang, title) => {
    const server = await studioServer();
    await server.call('POST', '/api/companies', {
      token: ADMIN_TOKEN,
      body: { id: 'other', name: 'Other', template: 'starter' },
    });
    const token = await server.userWith('demo', 'quality');
    renderStudio(path, token, lang);
    expect(await screen.findByRole('heading', { name: title })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'main' });
    expect(nav).not.toHaveTextContent(lang === 'en' ? 'Policy' : '政策设置');
    expect(nav).not.toHaveTextContent(lang === 'en' ? 'Users' : '用户与令牌');
    expect(
      screen.getByRole('link', { name: lang === 'en' ? 'Inbox' : '待办案件' }),
    ).toHaveAttribute('href', '#/c/demo/inbox');
    // Nothing of the page behind it loads: no error panels, no "not found".
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(screen.queryAllByRole('alert')).toEqual([]);
    expect(screen.queryByText(/未找到|页面不存在|Not found|No such page/)).toBeNull();
  });

  it('speaks English when switched', async () => {
    await studioServer();
    renderStudio('/', null, 'en');
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeInTheDocument();
  });
});
