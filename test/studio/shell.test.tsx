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

  it('speaks English when switched', async () => {
    await studioServer();
    renderStudio('/', null, 'en');
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeInTheDocument();
  });
});
