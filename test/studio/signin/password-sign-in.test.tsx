// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, type TestApp } from '../../support/test-app.ts';
import { userWithPassword } from '../../support/accounts.ts';
import { renderStudio, studioServer } from '../support/studio.tsx';

const PASSWORD = 'correct horse battery';

/**
 * The browser's part the in-process fetch lacks: the cookie the server sets is sent back, with the
 * studio's Origin. Returns the cookie as it stands.
 */
function browserCookies(): () => string {
  const inner = globalThis.fetch;
  let cookie = '';
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    if (cookie) headers.set('cookie', cookie);
    headers.set('origin', 'http://localhost');
    const response = await inner(input, { ...init, headers });
    const set = response.headers.get('set-cookie');
    if (set) cookie = /kesu_session=([^;]+)/.exec(set) ? /(kesu_session=[^;]+)/.exec(set)![1]! : '';
    return response;
  };
  return () => cookie;
}

async function addUser(server: TestApp, name: string) {
  const added = await server.call('POST', '/api/companies/demo/users', {
    token: ADMIN_TOKEN,
    body: { name, roles: ['quality'] },
  });
  return added.body.id as string;
}

describe('password sign-in in the studio', () => {
  it('lets the administrator invite a user, who sets a password from the link and is signed in', async () => {
    const server = await studioServer();
    browserCookies();
    const id = await addUser(server, '李娜');
    renderStudio('/c/demo/users', ADMIN_TOKEN);
    const row = (await screen.findByRole('cell', { name: '李娜' })).closest('tr') as HTMLElement;
    expect(within(row).getByText('未邀请')).toBeInTheDocument();
    await userEvent.type(within(row).getByLabelText('登录名'), 'li.na');
    await userEvent.click(within(row).getByRole('button', { name: '生成邀请链接' }));
    const shown = await within(row).findByTestId(`invitation-${id}`);
    const link = shown.querySelector('code')?.textContent ?? '';
    expect(link).toMatch(/^http:\/\/localhost(:\d+)?\/#\/invitation\/kesu_/);
    expect(await within(row).findByText('等待设置密码')).toBeInTheDocument();

    // The user opens the link (signed out, in the same browser).
    await userEvent.click(screen.getByRole('button', { name: '退出登录' }));
    window.location.hash = link.slice(link.indexOf('#'));
    expect(await screen.findByText('为 李娜 设置密码，登录名：li.na。')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('新密码'), 'short');
    await userEvent.type(screen.getByLabelText('再次输入新密码'), 'short');
    await userEvent.click(screen.getByRole('button', { name: '设置密码并登录' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('密码至少需要 10 个字符');
    await userEvent.clear(screen.getByLabelText('新密码'));
    await userEvent.type(screen.getByLabelText('新密码'), PASSWORD);
    await userEvent.click(screen.getByRole('button', { name: '设置密码并登录' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('两次输入的密码不一致');
    await userEvent.clear(screen.getByLabelText('再次输入新密码'));
    await userEvent.type(screen.getByLabelText('再次输入新密码'), PASSWORD);
    await userEvent.click(screen.getByRole('button', { name: '设置密码并登录' }));
    await waitFor(() => expect(window.location.hash).toBe('#/c/demo/inbox'));
    expect(localStorage.getItem('kesu.token')).toBeNull();
  });

  it('signs in with login and password, says a wrong one in words, and signs out on the server', async () => {
    const server = await studioServer();
    await userWithPassword(server, 'demo', 'wang', PASSWORD, ['quality']);
    const cookie = browserCookies();
    renderStudio('/', null, 'en');
    await userEvent.type(screen.getByLabelText('Login or e-mail'), 'wang');
    await userEvent.type(screen.getByLabelText('Password'), 'not the password');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong login or password');
    await userEvent.clear(screen.getByLabelText('Password'));
    await userEvent.type(screen.getByLabelText('Password'), PASSWORD);
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(window.location.hash).toBe('#/c/demo/inbox'));
    const signedIn = cookie();
    expect((await server.call('GET', '/api/me', { headers: { cookie: signedIn } })).status).toBe(
      200,
    );
    // A reload keeps the session (the cookie), with no token kept in the page's storage.
    cleanup();
    renderStudio('/c/demo/inbox', null, 'en');
    expect(await screen.findByRole('button', { name: 'Sign out' })).toBeInTheDocument();
    expect(localStorage.getItem('kesu.token')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByLabelText('Login or e-mail')).toBeInTheDocument();
    await waitFor(async () =>
      expect((await server.call('GET', '/api/me', { headers: { cookie: signedIn } })).status).toBe(
        401,
      ),
    );
  });

  it('says how long to wait after five wrong passwords, in the user’s language', async () => {
    const server = await studioServer();
    await userWithPassword(server, 'demo', 'sun', PASSWORD, ['quality']);
    browserCookies();
    renderStudio('/', null);
    await userEvent.type(screen.getByLabelText('登录名或邮箱'), 'sun');
    for (let i = 0; i < 6; i++) {
      await userEvent.clear(screen.getByLabelText('密码'));
      await userEvent.type(screen.getByLabelText('密码'), i < 5 ? `wrong password ${i}` : PASSWORD);
      await userEvent.click(screen.getByRole('button', { name: '登录' }));
      await screen.findByRole('alert');
    }
    expect(screen.getByRole('alert')).toHaveTextContent('密码错误次数过多, 请 30 秒后再试');
    expect(window.location.hash).not.toMatch(/inbox/);
  });

  it('asks for a login and password (or a token) before sending anything', async () => {
    await studioServer();
    renderStudio('/', null);
    await userEvent.click(screen.getByRole('button', { name: '登录' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('请填写登录名和密码');
  });

  it('resets a password from the users page: the user’s session ends', async () => {
    const server = await studioServer();
    browserCookies();
    const { id, cookie } = await userWithPassword(server, 'demo', 'zhao', PASSWORD, ['quality']);
    renderStudio('/c/demo/users', ADMIN_TOKEN);
    const row = (await screen.findByRole('cell', { name: 'zhao' })).closest('tr') as HTMLElement;
    expect(within(row).getByText('已设置密码')).toBeInTheDocument();
    await userEvent.click(within(row).getByRole('button', { name: '重置密码' }));
    expect(await within(row).findByTestId(`invitation-${id}`)).toHaveTextContent('#/invitation/');
    expect((await server.call('GET', '/api/me', { headers: { cookie } })).status).toBe(401);
  });
});
