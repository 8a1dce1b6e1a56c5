// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { listTemplates, RULESETS_DIR } from '../../../server/adapters/files/template-library.ts';
import { ADMIN_TOKEN } from '../../support/test-app.ts';
import { captureDownloads } from '../support/downloads.ts';
import { renderStudio, studioServer } from '../support/studio.tsx';

const draftOf = async (server: Awaited<ReturnType<typeof studioServer>>, company: string) =>
  (await server.call('GET', `/api/companies/${company}/policy/draft`, { token: ADMIN_TOKEN }))
    .body as { document: Record<string, unknown>; version: number };

describe('the consultant gallery', () => {
  it.each([
    ['zh-CN', '2026年3月2日 10:00（Asia/Shanghai）'],
    ['en', 'Mar 2, 2026, 10:00 AM (Asia/Shanghai)'],
  ] as const)(
    'in %s, lists when a company was created in its own time, the zone named',
    async (lang, shown) => {
      await studioServer();
      renderStudio('/gallery', ADMIN_TOKEN, lang);
      const list = await screen.findByTestId('company-list');
      const demo = within(list).getByText('demo').closest('tr') as HTMLElement;
      expect(demo).toHaveTextContent(shown);
    },
  );

  it('shows every bundled template as a card with what it holds and where it comes from', async () => {
    await studioServer();
    renderStudio('/gallery', ADMIN_TOKEN);
    const templates = listTemplates(RULESETS_DIR, RULESETS_DIR);
    for (const template of templates) {
      const card = await screen.findByTestId(`template-${template.id}`);
      expect(card).toHaveAccessibleName(template.title['zh-CN']);
      expect(within(card).getByRole('button', { name: '用此模板创建公司' })).toBeInTheDocument();
    }
    const manufacturing = screen.getByTestId('template-manufacturing-quality');
    expect(manufacturing).toHaveTextContent('表单 19 个');
    // The source's sections in words; its file names only in a closed detail.
    expect(manufacturing).toHaveTextContent('二十九、客户投诉管理制度');
    const files = within(manufacturing).getByTestId('source-files-manufacturing-quality');
    expect(files).not.toHaveAttribute('open');
    expect(files).toHaveTextContent('源文件000_60ec6cce6b154fbc.txt');
  });

  it.each([
    ['zh-CN', '假定 14 处（来源未写明）', '编号 KS+年月+三位月流水：原文无编号规则。'],
    [
      'en',
      '14 assumptions (not stated in the source)',
      'Numbers KS + year and month + a monthly three-digit serial: the source has no numbering rule.',
    ],
  ] as const)(
    'says on a card which parts its source does not state (%s)',
    async (lang, summary, note) => {
      await studioServer();
      renderStudio('/gallery', ADMIN_TOKEN, lang);
      const assumptions = await screen.findByTestId('assumptions-dairy-food');
      expect(within(assumptions).getByText(summary)).toBeInTheDocument();
      expect(assumptions).toHaveTextContent(`numbering ${note}`);
    },
  );

  it('creates a company from a template after refusing a bad id in Chinese, then lists it', async () => {
    const server = await studioServer();
    renderStudio('/gallery', ADMIN_TOKEN);
    const card = await screen.findByTestId('template-starter');
    await userEvent.click(within(card).getByRole('button', { name: '用此模板创建公司' }));
    await userEvent.type(within(card).getByLabelText('公司编号'), 'Acme_Co');
    await userEvent.type(within(card).getByLabelText('公司名称'), '艾克美公司');
    await userEvent.click(within(card).getByRole('button', { name: '创建公司' }));
    expect(within(card).getByRole('alert')).toHaveTextContent('公司编号只能包含小写字母');
    await userEvent.clear(within(card).getByLabelText('公司编号'));
    await userEvent.type(within(card).getByLabelText('公司编号'), 'demo');
    await userEvent.click(within(card).getByRole('button', { name: '创建公司' }));
    expect(await within(card).findByRole('alert')).toHaveTextContent('公司编号“demo”已被使用');
    await userEvent.clear(within(card).getByLabelText('公司编号'));
    await userEvent.type(within(card).getByLabelText('公司编号'), 'acme-co');
    await userEvent.click(within(card).getByRole('button', { name: '创建公司' }));
    const created = await within(card).findByTestId('company-created');
    expect(created).toHaveTextContent('已创建公司“艾克美公司”（acme-co）');
    expect(within(created).getByRole('link', { name: '打开政策设置' })).toHaveAttribute(
      'href',
      '#/c/acme-co/policy',
    );
    const list = screen.getByTestId('company-list');
    await waitFor(() => expect(list).toHaveTextContent('艾克美公司'));
    expect(within(list).getByRole('link', { name: '艾克美公司：待办案件' })).toHaveAttribute(
      'href',
      '#/c/acme-co/inbox',
    );
    const companies = await server.call('GET', '/api/companies', { token: ADMIN_TOKEN });
    expect(companies.body.items).toContainEqual(
      expect.objectContaining({ id: 'acme-co', template: 'starter' }),
    );
  });

  it('exports a draft as a file and importing that file restores it', async () => {
    const server = await studioServer();
    const downloads = captureDownloads();
    const original = await draftOf(server, 'demo');
    renderStudio('/gallery', ADMIN_TOKEN);
    await userEvent.click(await screen.findByRole('button', { name: '导出政策草稿' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    const exported = await downloads[0]!.text();
    expect(JSON.parse(exported)).toEqual(original.document);
    expect(
      await screen.findByText(/已导出 kesu-demo-policy-draft-\d{4}-\d{2}-\d{2}\.json/),
    ).toBeVisible();

    const changed = { ...original.document, title: { 'zh-CN': '改过的标题' } };
    const put = await server.call('PUT', '/api/companies/demo/policy/draft', {
      token: ADMIN_TOKEN,
      body: { document: changed, expectedVersion: original.version },
    });
    expect(put.status).toBe(200);
    await userEvent.upload(
      screen.getByLabelText('导入政策文件'),
      new File([exported], 'demo-policy.json', { type: 'application/json' }),
    );
    const result = await screen.findByTestId('policy-import-result');
    expect(result).toHaveTextContent('已将 demo-policy.json 导入');
    expect(result).toHaveTextContent('检查通过');
    const after = await draftOf(server, 'demo');
    expect(after.document).toEqual(original.document);
    expect(after.version).toBe(original.version + 2);
  });

  it.each([
    ['a file that is not JSON', '{"id": "demo", ', '不是有效的 JSON'],
    ['JSON that is not a policy', '[1, 2, 3]', '不是 Kesu 政策文件'],
    ['an empty file', '', '是空的'],
  ])('refuses %s with a clear error and leaves the draft unchanged', async (_, text, message) => {
    const server = await studioServer();
    const before = await draftOf(server, 'demo');
    renderStudio('/gallery', ADMIN_TOKEN);
    await userEvent.upload(
      await screen.findByLabelText('导入政策文件'),
      new File([text], 'broken.json', { type: 'application/json' }),
    );
    const error = await screen.findByTestId('policy-file-error');
    expect(error).toHaveTextContent(message);
    expect(error).toHaveTextContent('草稿没有改动');
    expect(await draftOf(server, 'demo')).toEqual(before);
  });
});
