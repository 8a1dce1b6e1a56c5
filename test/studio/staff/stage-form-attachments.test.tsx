// @vitest-environment jsdom
// An attachment field (附件) of a stage form on the case page: the file is uploaded to the case with
// its progress shown, the field then holds its id; a file of a type the field does not take is
// refused there; remove and choosing a file already on the case; the history links the files.
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { captureDownloads } from '../support/downloads.ts';
import { renderStudio, studioServer } from '../support/studio.tsx';
import { routeUploads } from '../support/uploads.ts';
import { publishReceiptField } from '../../support/stage-form-files.ts';
import { registerCase, staffOf } from './cases.ts';
import { PNG, JPEG } from '../../support/file-heads.ts';

configure({ asyncUtilTimeout: 5000 });

/** The demo company asking for the signed receipt at registration, a case, and its staff. */
async function receiptCase() {
  const server = await studioServer('2026-03-02T02:00:00.000Z');
  await publishReceiptField(server);
  const staff = await staffOf(server);
  const created = await registerCase(server, staff.sales);
  return { server, staff, created };
}

describe('an attachment field of a stage form', () => {
  it('uploads the receipt with its progress, submits its id and links it in the history (zh-CN)', async () => {
    const { server, staff, created } = await receiptCase();
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    routeUploads(server, () => held);
    const downloads = captureDownloads();
    renderStudio(`/c/demo/cases/${created.id}`, staff.gmOffice);

    await userEvent.click(await screen.findByTestId('action-register'));
    const form = screen.getByRole('region', { name: '编号登记' });
    await userEvent.selectOptions(within(form).getByLabelText(/调查部门/), '质量管理部');
    await userEvent.click(within(form).getByRole('button', { name: '提交' }));
    expect(await within(form).findByText('请填写签收单')).toBeInTheDocument();

    await userEvent.upload(
      within(form).getByLabelText(/签收单/),
      new File([PNG], '签收单.png', { type: 'image/png' }),
    );
    expect(await within(form).findByTestId('attachment-progress')).toHaveTextContent(
      '正在上传 签收单.png：48%',
    );
    release();
    const chosen = await within(form).findByTestId('attachment-chosen');
    expect(chosen).toHaveTextContent('签收单.png image/png，33 B 移除');
    expect(within(form).queryByText('请填写签收单')).toBeNull();
    // The case's own list shows the file at once, the form keeping what was filled in.
    const attachments = screen.getByRole('region', { name: '附件' });
    expect(await within(attachments).findByTestId('attachment-list')).toHaveTextContent(
      '签收单.png',
    );
    expect(within(form).getByTestId('attachment-chosen')).toHaveTextContent('签收单.png');
    await userEvent.click(within(form).getByRole('button', { name: '提交' }));

    expect(await screen.findByText('已执行：编号登记')).toBeInTheDocument();
    expect(screen.getByTestId('case-state')).toHaveTextContent('调查中');
    const [stored] = await server.deps.store.attachments.list('demo', created.id);
    const saved = await server.deps.store.cases.get('demo', created.id);
    expect(saved?.case.submissions.at(-1)?.data).toMatchObject({ receipt: stored!.id });
    const history = screen.getByRole('region', { name: '处理记录' });
    const files = await within(history).findByTestId('timeline-files');
    expect(files).toHaveTextContent('签收单：签收单.png');
    await userEvent.click(within(files).getByRole('button', { name: '签收单.png' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(new Uint8Array(await downloads[0]!.arrayBuffer())).toEqual(PNG);
  }, 60_000);

  it('refuses a photo where the receipt must be PNG or PDF, removes and picks a file of the case (en)', async () => {
    const { server, staff, created } = await receiptCase();
    routeUploads(server);
    renderStudio(`/c/demo/cases/${created.id}`, staff.gmOffice, 'en');

    await userEvent.click(await screen.findByTestId('action-register'));
    const form = screen.getByRole('region', { name: 'Register' });
    const receipt = within(form).getAllByTestId('attachment-field')[0]!;
    expect(receipt).toHaveTextContent('Accepted types: image/png, application/pdf');
    await userEvent.upload(
      within(form).getByLabelText(/Signed receipt/),
      new File([JPEG], 'receipt.png', { type: 'image/png' }),
    );
    expect(await within(receipt).findByRole('alert')).toHaveTextContent(
      'Could not upload receipt.png: By its content this file is image/jpeg; this field takes only image/png, application/pdf (the file was kept on the case)',
    );
    expect(within(receipt).queryByTestId('attachment-chosen')).toBeNull();

    await userEvent.upload(
      within(form).getByLabelText(/Signed receipt/),
      new File([PNG], 'receipt-scan.png', { type: 'image/png' }),
    );
    expect(await within(receipt).findByTestId('attachment-chosen')).toHaveTextContent(
      'receipt-scan.png image/png, 33 B Remove',
    );
    await userEvent.click(within(receipt).getByTestId('attachment-remove'));
    expect(within(receipt).queryByTestId('attachment-chosen')).toBeNull();
    // The JPEG stays on the case but is not offered where only PNG or PDF is taken.
    const existing = within(receipt).getByTestId('attachment-existing');
    expect(within(existing).queryByText('receipt.png')).toBeNull();
    await userEvent.selectOptions(existing, 'receipt-scan.png');
    expect(within(receipt).getByTestId('attachment-chosen')).toHaveTextContent('receipt-scan.png');
    expect(await server.deps.store.attachments.list('demo', created.id)).toHaveLength(2);
  }, 60_000);
});
