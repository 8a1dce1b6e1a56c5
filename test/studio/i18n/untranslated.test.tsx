// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, type TestApp } from '../../support/test-app.ts';
import { renderStudio, studioServer } from '../support/studio.tsx';
import { caseAwaitingProposal, manufacturingIntake, staffOf } from '../staff/cases.ts';
import { untranslatedText } from './untranslated-text.ts';

// Every page a user reaches, in zh-CN, on the demo company (manufacturing template) and on a
// company created from the starter template: no text shown in English or as a bare code.
const SECTIONS = [
  'forms',
  'categories',
  'approvals',
  'deadlines',
  'calendar',
  'numbering',
  'simulator',
  'examples',
  'publish',
];
const LOAD = { timeout: 15_000 };

/** The test app's users are named after their roles ("sales"): data, not the studio's text. */
const TEST_USER_NAMES = ['sales', 'gmOffice', 'quality', 'salesManager', 'deputyGM', 'admin'];

async function settled(landmark: () => Promise<unknown>) {
  await landmark();
  await waitFor(() => expect(document.body).not.toHaveTextContent(/加载中|正在检查/), LOAD);
}

async function withStarterCompany(server: TestApp) {
  const created = await server.call('POST', '/api/companies', {
    token: ADMIN_TOKEN,
    body: { id: 'acme', name: '启明电器', template: 'starter' },
  });
  expect(created.status).toBe(201);
}

describe('the zh-CN studio shows no untranslated text', { timeout: 60_000 }, () => {
  it.each([
    ...SECTIONS.flatMap((section) => [
      [`demo: ${section}`, `/c/demo/policy/${section}`],
      [`starter: ${section}`, `/c/acme/policy/${section}`],
    ]),
    ['demo: rules', '/c/demo/policy/rules'],
    ['demo: workflow', '/c/demo/policy/workflow'],
    ['starter: workflow', '/c/acme/policy/workflow'],
    ['starter: rules', '/c/acme/policy/rules'],
    ['the gallery', '/gallery'],
    ['demo: users', '/c/demo/users'],
    ['demo: channels', '/c/demo/channels'],
    ['demo: inbox', '/c/demo/inbox'],
    ['demo: reports', '/c/demo/reports'],
    ['starter: inbox', '/c/acme/inbox'],
    ['starter: the public complaint form', '/public/acme'],
  ])('%s', async (_what, path) => {
    const server = await studioServer('2026-03-02T02:00:00.000Z');
    await withStarterCompany(server);
    renderStudio(path, ADMIN_TOKEN);
    await settled(() => screen.findByRole('main'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await waitFor(() => expect(document.body).not.toHaveTextContent(/加载中|正在检查/), LOAD);
    expect(untranslatedText(document.body, TEST_USER_NAMES)).toEqual([]);
  });

  it('on the case page, for the staff who act on it', async () => {
    const server = await studioServer('2026-03-02T02:00:00.000Z');
    const staff = await staffOf(server);
    const created = await caseAwaitingProposal(server, staff);
    renderStudio(`/c/demo/cases/${created.id}`, staff.quality);
    await settled(() => screen.findByTestId('case-number', {}, LOAD));
    // What the customer gave (order and lot numbers, an e-mail) is shown as entered.
    const entered =
      JSON.stringify(manufacturingIntake()).match(/[A-Za-z](?:[A-Za-z'’-]*[A-Za-z])?/g) ?? [];
    expect(untranslatedText(document.body, [...TEST_USER_NAMES, ...entered])).toEqual([]);
  });

  it('on the channels page, with a channel of each kind and the form open', async () => {
    const server = await studioServer('2026-03-02T02:00:00.000Z');
    const channels = [
      { id: 'mail', kind: 'email', host: 'smtp.example.com', port: 465, from: 'k@example.com' },
      { id: 'erp', kind: 'webhook', url: 'https://erp.example.com/k', secret: 's' },
      { id: 'ding', kind: 'dingtalk', url: 'https://oapi.dingtalk.com/robot/send?a=1' },
      { id: 'wx', kind: 'wecom', url: 'https://qyapi.weixin.qq.com/send?key=1', enabled: false },
      { id: 'fs', kind: 'feishu', url: 'https://open.feishu.cn/hook/x', secret: 's' },
    ];
    const saved = await server.call('PUT', '/api/companies/demo/channels', {
      token: ADMIN_TOKEN,
      body: { channels },
    });
    expect(saved.status).toBe(200);
    renderStudio('/c/demo/channels', ADMIN_TOKEN);
    await settled(() => screen.findByTestId('channel-row-fs', {}, LOAD));
    // Each kind's form, one after another, then the e-mail channel's test-address form.
    const ids = ['mail', 'erp', 'ding', 'wx', 'fs'];
    for (const id of ids) {
      fireEvent.click(screen.getByTestId(`channel-edit-${id}`));
      expect(untranslatedText(document.body, [...TEST_USER_NAMES, ...ids])).toEqual([]);
    }
    fireEvent.click(screen.getByTestId('channel-test-mail'));
    expect(untranslatedText(document.body, [...TEST_USER_NAMES, ...ids])).toEqual([]);
  });

  it('finds English where it is (the check can fail)', () => {
    document.body.innerHTML =
      '<p>平台管理员</p><p>Platform administrator</p><code>upTo1000</code><p>导出 CSV</p><p>CSV</p>';
    expect(untranslatedText(document.body)).toEqual(['Platform administrator']);
  });
});
