// @vitest-environment jsdom
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, type TestApp } from '../../support/test-app.ts';
import { renderStudio, studioServer } from '../support/studio.tsx';

/** Publishes a second version whose intake form wants part numbers in capitals. */
async function publishStricterIntake(server: TestApp) {
  const draft = await server.call('GET', '/api/companies/demo/policy/draft', {
    token: ADMIN_TOKEN,
  });
  const document = structuredClone(draft.body.document);
  document.forms.intake.schema.properties.product.properties.partNumber.pattern = '^[A-Z0-9-]+$';
  const saved = await server.call('PUT', '/api/companies/demo/policy/draft', {
    token: ADMIN_TOKEN,
    body: { document, expectedVersion: draft.body.version },
  });
  expect(saved.status).toBe(200);
  const published = await server.call('POST', '/api/companies/demo/policy/publish', {
    token: ADMIN_TOKEN,
    body: { note: '料号须大写' },
  });
  expect(published.status, JSON.stringify(published.body)).toBeLessThan(300);
}

// The whole studio renders against the real API in-process: allow for a loaded machine.
configure({ asyncUtilTimeout: 5000 });

describe('registering a complaint through the generated intake form', () => {
  it('says a field is required only once it was left or the form submitted, not while filling another', async () => {
    const server = await studioServer();
    const token = await server.userWith('demo', 'sales');
    renderStudio('/c/demo/new', token);
    const form = await screen.findByRole('region', { name: '客户意见处理表' });
    const user = userEvent.setup();
    const group = (label: RegExp) =>
      within(form).getByLabelText(label).closest('.form-group') as HTMLElement;
    await user.type(within(form).getByLabelText(/客户名称/), '东莞市恒达电子有限公司');
    expect(within(form).queryByText(/^请填写/)).toBeNull();

    // Leaving the contact empty says so under it, and only there.
    await user.click(within(form).getByLabelText(/联系人/));
    await user.tab();
    expect(await within(group(/联系人/)).findByText('请填写联系人')).toBeInTheDocument();
    expect(within(form).getAllByText(/^请填写/)).toHaveLength(1);

    await user.click(within(form).getByRole('button', { name: '提交登记' }));
    expect(within(group(/联系电话/)).getByText('请填写联系电话')).toBeInTheDocument();
    expect((await within(form).findAllByText(/^请填写/)).length).toBeGreaterThanOrEqual(9);
  }, 60_000);

  it('shows messages naming each field on an empty submit, a server field error under its field, then registers and opens the case', async () => {
    const server = await studioServer();
    const token = await server.userWith('demo', 'sales');
    renderStudio('/c/demo/new', token);
    const form = await screen.findByRole('region', { name: '客户意见处理表' });
    const submit = () => userEvent.click(within(form).getByRole('button', { name: '提交登记' }));
    await submit();
    // Every required field says so under itself, in Chinese, naming the field by its label.
    const required = await within(form).findAllByText(/^请填写/);
    expect(required.length).toBeGreaterThanOrEqual(10);
    const phoneGroup = within(form)
      .getByLabelText(/联系电话/)
      .closest('.form-group') as HTMLElement;
    expect(within(phoneGroup).getByText('请填写联系电话')).toBeInTheDocument();
    expect(within(form).queryByText(/此项为必填|应当/)).toBeNull();

    const user = userEvent.setup();
    const field = (label: RegExp) => within(form).getByLabelText(label);
    await user.type(field(/客户名称/), '东莞市恒达电子有限公司');
    await user.type(field(/联系人/), '李明');
    await user.type(field(/联系电话/), '0769-22881234');
    await user.type(field(/订单编号/), 'SO-2602-0117');
    await user.type(field(/料号/), 'pcb-a1203');
    await user.type(field(/交运数量/), '5000');
    await user.type(field(/交运日期/), '2026-01-20');
    await user.type(field(/不良数量/), '120');
    await user.type(field(/异常内容/), '线路板焊点虚焊，部分产品通电后功能不良。');
    await user.selectOptions(field(/要求方式/), '销货折让');
    await user.type(field(/要求金额/), '800');
    await user.selectOptions(field(/反映方式/), '电话');
    expect(within(form).queryByText(/^请填写/)).toBeNull();

    // Meanwhile the administrator publishes a stricter form: the server's error lands under the field.
    await publishStricterIntake(server);
    await submit();
    const partNumber = field(/料号/).closest('.form-group') as HTMLElement;
    expect(await within(partNumber).findByText('料号格式不正确')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('请修改标红的字段后再提交');
    expect(window.location.hash).toBe('#/c/demo/new');

    await user.clear(field(/料号/));
    await user.type(field(/料号/), 'PCB-A1203');
    expect(within(partNumber).queryByText('料号格式不正确')).toBeNull();
    await submit();
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/c\/demo\/cases\/id-\d+/));
    expect(await screen.findByText('投诉已登记，编号 260301。')).toBeInTheDocument();
    expect(screen.getByTestId('case-number')).toHaveTextContent('260301');
    const list = await server.call('GET', '/api/companies/demo/cases', { token: ADMIN_TOKEN });
    expect(list.body.items[0].intake.product.partNumber).toBe('PCB-A1203');
  }, 60_000);

  it.each([
    [
      'zh-CN' as const,
      '客户意见处理表',
      /联系电话/,
      '联系电话格式不正确: 请填写 7 到 20 位数字, 可含 +、-、括号和空格',
    ],
    [
      'en' as const,
      'Customer complaint form',
      /Phone/,
      'The phone number is not valid: 7 to 20 digits, with +, -, brackets or spaces',
    ],
  ])(
    'shows the form’s own sentence under a badly typed phone number (%s)',
    async (lang, formName, phoneLabel, sentence) => {
      const server = await studioServer();
      const token = await server.userWith('demo', 'sales');
      renderStudio('/c/demo/new', token, lang);
      const form = await screen.findByRole('region', { name: formName });
      const user = userEvent.setup();
      await user.type(within(form).getByLabelText(phoneLabel), 'call me');
      // A field's errors show once it is left.
      await user.tab();
      const group = within(form).getByLabelText(phoneLabel).closest('.form-group') as HTMLElement;
      expect(await within(group).findByText(sentence)).toBeInTheDocument();
      expect(within(group).queryByText(/pattern|应当/)).toBeNull();
      await user.clear(within(form).getByLabelText(phoneLabel));
      await user.type(within(form).getByLabelText(phoneLabel), '0769-22881234');
      await user.tab();
      await waitFor(() => expect(within(group).queryByText(sentence)).toBeNull());
    },
    60_000,
  );
});
