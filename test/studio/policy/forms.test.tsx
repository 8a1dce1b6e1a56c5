// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN } from '../../support/test-app.ts';
import { renderStudio, studioServer } from '../support/studio.tsx';

const draftOf = async (server: Awaited<ReturnType<typeof studioServer>>) =>
  (await server.call('GET', '/api/companies/demo/policy/draft', { token: ADMIN_TOKEN })).body;

describe('policy editor: forms', () => {
  it('adds a field to the intake form: it shows in the preview and is saved in the draft', async () => {
    const server = await studioServer();
    renderStudio('/c/demo/policy/forms', ADMIN_TOKEN);
    const add = await screen.findByRole('form', { name: '添加字段' });
    await userEvent.type(within(add).getByLabelText('字段名称'), '发票号码');
    await userEvent.type(within(add).getByLabelText('字段代码（英文字母）'), 'invoiceNumber');
    await userEvent.selectOptions(within(add).getByLabelText('字段类型'), '单行文字');
    await userEvent.click(within(add).getByRole('button', { name: '添加' }));

    expect(await screen.findByTestId('policy-field-invoiceNumber')).toBeInTheDocument();
    const preview = screen.getByTestId('policy-form-preview');
    expect(within(preview).getByLabelText('发票号码')).toBeInTheDocument();
    await userEvent.click(screen.getByLabelText('发票号码 必填'));

    await waitFor(
      async () => {
        const draft = await draftOf(server);
        expect(draft.document.forms.intake.schema.properties.invoiceNumber).toEqual({
          title: '发票号码',
          type: 'string',
        });
        expect(draft.document.forms.intake.schema.required).toContain('invoiceNumber');
        expect(draft.document.forms.intake.uiSchema['ui:order'].at(-1)).toBe('invoiceNumber');
      },
      { timeout: 5000 },
    );
    expect(await screen.findByText('草稿已保存')).toBeInTheDocument();
  });

  it('refuses invalid JSON in the schema editor: an error shows and nothing changes', async () => {
    const server = await studioServer();
    const before = await draftOf(server);
    renderStudio('/c/demo/policy/forms', ADMIN_TOKEN);
    const editor = await screen.findByTestId('policy-schema-json');
    fireEvent.change(editor, { target: { value: '{"type": "object", "properties": {' } });
    expect(await screen.findByText(/JSON 格式错误，未应用/)).toBeInTheDocument();
    expect(screen.getByTestId('policy-field-customer')).toBeInTheDocument();
    expect(within(screen.getByTestId('policy-form-preview')).getByText('异常内容')).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(screen.getByText('草稿已保存')).toBeInTheDocument();
    const after = await draftOf(server);
    expect(after.version).toBe(before.version);
    expect(after.document.forms.intake).toEqual(before.document.forms.intake);
  });

  it('offers 附件 on a stage form, not on the intake, and writes it as an attachment field', async () => {
    const server = await studioServer();
    renderStudio('/c/demo/policy/forms', ADMIN_TOKEN);
    const add = await screen.findByRole('form', { name: '添加字段' });
    const types = () =>
      within(within(add).getByLabelText('字段类型'))
        .getAllByRole('option')
        .map((option) => option.textContent);
    expect(types()).toContain('文件（随表单数据保存）');
    expect(types()).not.toContain('附件');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: '表单' }), 'closure');
    expect(types()).toEqual(expect.arrayContaining(['附件', '多个附件']));
    await userEvent.type(within(add).getByLabelText('字段名称'), '签收单');
    await userEvent.type(within(add).getByLabelText('字段代码（英文字母）'), 'receipt');
    await userEvent.selectOptions(within(add).getByLabelText('字段类型'), '附件');
    await userEvent.click(within(add).getByRole('button', { name: '添加' }));
    await userEvent.click(await screen.findByLabelText('签收单 必填'));
    await waitFor(
      async () => {
        const { schema } = (await draftOf(server)).document.forms.closure;
        expect(schema.properties.receipt).toEqual({
          title: '签收单',
          type: 'string',
          format: 'kesu-attachment',
        });
        expect(schema.required).toContain('receipt');
      },
      { timeout: 5000 },
    );
  });

  it('hides a field: the preview drops it and the uiSchema says hidden', async () => {
    const server = await studioServer();
    renderStudio('/c/demo/policy/forms', ADMIN_TOKEN);
    const preview = await screen.findByTestId('policy-form-preview');
    expect(within(preview).getByLabelText('业务签注意见')).toBeInTheDocument();
    await userEvent.click(screen.getByLabelText('隐藏 业务签注意见'));
    expect(within(preview).queryByLabelText('业务签注意见')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: '上移 反映方式' }));
    await waitFor(
      async () => {
        const { uiSchema } = (await draftOf(server)).document.forms.intake;
        expect(uiSchema.salesComment['ui:widget']).toBe('hidden');
        expect(uiSchema.salesComment['ui:options']).toEqual({ shownWidget: 'textarea' });
        expect(uiSchema['ui:order'].indexOf('channel')).toBe(3);
      },
      { timeout: 5000 },
    );
    const check = await server.call('POST', '/api/companies/demo/policy/draft/check', {
      token: ADMIN_TOKEN,
    });
    expect(check.body.problems).toEqual([]);
  });

  it('shows nested objects (customer.phone) in the JSON view', async () => {
    await studioServer();
    renderStudio('/c/demo/policy/forms', ADMIN_TOKEN);
    const editor = (await screen.findByTestId('policy-schema-json')) as HTMLTextAreaElement;
    expect(editor.value).toContain('"phone"');
    expect(
      within(screen.getByTestId('policy-field-customer')).getByText('分组（在 JSON 中编辑）'),
    ).toBeTruthy();
  });
});
