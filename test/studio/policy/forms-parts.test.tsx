// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN } from '../../support/test-app.ts';
import { renderStudio, studioServer } from '../support/studio.tsx';

const SAVE = { timeout: 15_000 };

async function open() {
  const server = await studioServer();
  renderStudio('/c/demo/policy/forms', ADMIN_TOKEN);
  await screen.findByRole('form', { name: '添加字段' }, SAVE);
  const draft = async () =>
    (await server.call('GET', '/api/companies/demo/policy/draft', { token: ADMIN_TOKEN })).body
      .document;
  return { draft };
}

describe('policy editor: whole forms and the field palette', { timeout: 120_000 }, () => {
  it('adds a stage form with a required ID-number field and its help text', async () => {
    const { draft } = await open();
    const addForm = screen.getByRole('form', { name: '添加阶段表单' });
    await userEvent.type(within(addForm).getByLabelText('表单名称'), '媒体回应记录');
    await userEvent.type(within(addForm).getByLabelText('表单代码（英文字母开头）'), 'mediaNote');
    await userEvent.click(within(addForm).getByRole('button', { name: '添加阶段表单' }));

    const add = screen.getByRole('form', { name: '添加字段' });
    await userEvent.type(within(add).getByLabelText('字段名称'), '记者身份证号');
    await userEvent.type(within(add).getByLabelText('字段代码（英文字母）'), 'reporterId');
    await userEvent.selectOptions(within(add).getByLabelText('字段类型'), '身份证号');
    await userEvent.click(within(add).getByRole('button', { name: '添加' }));
    await userEvent.type(await screen.findByLabelText('记者身份证号 的说明'), '18 位，末位可为 X');
    await userEvent.click(screen.getByLabelText('记者身份证号 必填'));
    const preview = screen.getByTestId('policy-form-preview');
    expect(within(preview).getByText('18 位，末位可为 X')).toBeInTheDocument();

    await waitFor(async () => {
      const form = (await draft()).forms.mediaNote;
      expect(form.title).toEqual({ 'zh-CN': '媒体回应记录' });
      expect(form.schema.properties.reporterId).toMatchObject({
        title: '记者身份证号',
        description: '18 位，末位可为 X',
        type: 'string',
      });
      expect(form.schema.properties.reporterId.pattern).toMatch(/^\^\[1-9\]/);
      expect(form.schema.required).toEqual(['reporterId']);
    }, SAVE);
  });

  it('removes a stage form, and the problems panel names the transition still using it', async () => {
    const { draft } = await open();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: /^表单/ }), '客户投诉登记');
    await userEvent.click(screen.getByRole('button', { name: '删除表单 客户投诉登记' }));
    const panel = screen.getByRole('complementary', { name: '检查结果' });
    await waitFor(() => expect(panel).toHaveTextContent('表单 "registration" 不存在'), SAVE);
    expect((await draft()).forms.registration).toBeUndefined();
  });
});
