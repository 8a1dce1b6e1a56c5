// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN } from '../../support/test-app.ts';
import { renderStudio, studioServer } from '../support/studio.tsx';

describe('users and tokens page', () => {
  it('refuses a user without a name or role, then adds one whose issued token signs in', async () => {
    const server = await studioServer();
    const users = async () =>
      (await server.call('GET', '/api/companies/demo/users', { token: ADMIN_TOKEN })).body.items;
    const before = (await users()).length;
    renderStudio('/c/demo/users', ADMIN_TOKEN);
    await userEvent.click(await screen.findByRole('button', { name: '添加用户' }));
    expect(screen.getByText('请填写姓名')).toBeInTheDocument();
    expect(screen.getByText('至少选择一个角色')).toBeInTheDocument();
    expect(await users()).toHaveLength(before);

    await userEvent.type(screen.getByLabelText('姓名'), '王质检');
    const roles = screen.getByRole('group', { name: '角色' });
    const quality = within(roles).getAllByRole('checkbox')[2] as HTMLInputElement;
    await userEvent.click(quality);
    await userEvent.click(screen.getByRole('button', { name: '添加用户' }));
    expect(await screen.findByText('已添加用户 王质检。')).toBeInTheDocument();
    const row = (await screen.findByRole('cell', { name: '王质检' })).closest('tr') as HTMLElement;
    await userEvent.click(within(row).getByRole('button', { name: '签发令牌' }));
    const secret = (await within(row).findByTestId(/^token-/)).querySelector('code')?.textContent;
    expect(secret).toMatch(/^kesu_/);
    const me = await server.call('GET', '/api/me', { token: secret as string });
    expect(me.body).toMatchObject({ name: '王质检', companyId: 'demo' });
    expect(me.body.roles).toHaveLength(1);

    await userEvent.click(await within(row).findByRole('button', { name: '撤销' }));
    await waitFor(async () =>
      expect((await server.call('GET', '/api/me', { token: secret as string })).status).toBe(401),
    );
    expect(await within(row).findByText('已撤销')).toBeInTheDocument();
    // The token was issued at the test clock's 02:00 UTC: 10:00 in the company's zone, named.
    expect(within(row).getByRole('listitem')).toHaveTextContent(
      '2026年3月2日 10:00（Asia/Shanghai）',
    );
  });

  it('in English, lists a user’s roles with Latin commas, not the Chinese 、', async () => {
    const server = await studioServer();
    const added = await server.call('POST', '/api/companies/demo/users', {
      token: ADMIN_TOKEN,
      body: { name: 'Wang', roles: ['sales', 'quality'] },
    });
    expect(added.status).toBe(201);
    renderStudio('/c/demo/users', ADMIN_TOKEN, 'en');
    const row = (await screen.findByRole('cell', { name: 'Wang' })).closest('tr') as HTMLElement;
    const roles = within(row).getAllByRole('cell')[1] as HTMLElement;
    expect(roles.textContent).toMatch(/^[^、]+, [^、]+$/);
  });

  it('is not offered to staff, and its route tells them they have no access', async () => {
    const server = await studioServer();
    const token = await server.userWith('demo', 'sales');
    renderStudio('/c/demo/users', token);
    expect(await screen.findByRole('heading', { name: '无权访问' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: '用户与令牌' })).toBeNull();
  });
});
