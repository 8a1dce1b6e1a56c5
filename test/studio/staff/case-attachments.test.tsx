// @vitest-environment jsdom
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { captureDownloads } from '../support/downloads.ts';
import { renderStudio, studioServer } from '../support/studio.tsx';
import { routeUploads } from '../support/uploads.ts';
import { registerCase, staffOf } from './cases.ts';
import { PNG, EXE } from '../../support/file-heads.ts';

// The whole studio renders against the real API in-process: allow for a loaded machine.
configure({ asyncUtilTimeout: 5000 });

const region = (name: string) => screen.getByRole('region', { name });

describe('the case page’s attachments', () => {
  it('uploads a photo with its progress, lists it, notes it in the history and downloads it (zh-CN)', async () => {
    const server = await studioServer('2026-03-02T02:00:00.000Z');
    const staff = await staffOf(server);
    const created = await registerCase(server, staff.sales);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    routeUploads(server, () => held);
    const downloads = captureDownloads();
    renderStudio(`/c/demo/cases/${created.id}`, staff.sales);

    const attachments = await screen.findByRole('region', { name: '附件' });
    expect(attachments).toHaveTextContent('暂无附件。');
    await userEvent.upload(
      within(attachments).getByLabelText('上传附件'),
      new File([PNG], '收货照片.png', { type: 'image/png' }),
    );
    expect(await within(attachments).findByRole('status')).toHaveTextContent(
      // Half-way through the 33 bytes: 16 sent.
      '正在上传 收货照片.png：48%',
    );
    release();
    await waitFor(() =>
      expect(within(region('附件')).getByRole('status')).toHaveTextContent('已上传 收货照片.png。'),
    );
    const list = await within(region('附件')).findByTestId('attachment-list');
    expect(list).toHaveTextContent(/收货照片\.png\s*image\/png，33 B，sales 于 /);
    await waitFor(() => expect(region('处理记录')).toHaveTextContent('上传附件 收货照片.png'));

    await userEvent.click(within(list).getByRole('button', { name: '收货照片.png' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(new Uint8Array(await downloads[0]!.arrayBuffer())).toEqual(PNG);
  });

  it('says why a file is refused, in English, and lists nothing', async () => {
    const server = await studioServer('2026-03-02T02:00:00.000Z');
    const staff = await staffOf(server);
    const created = await registerCase(server, staff.sales);
    routeUploads(server);
    renderStudio(`/c/demo/cases/${created.id}`, staff.sales, 'en');

    const attachments = await screen.findByRole('region', { name: 'Attachments' });
    await userEvent.upload(
      within(attachments).getByLabelText('Attach a file'),
      new File([EXE], 'photo.jpg', { type: 'image/jpeg' }),
    );
    expect(await within(attachments).findByRole('alert')).toHaveTextContent(
      'Could not upload photo.jpg: The company’s policy does not allow this type of file (judged by its content, not its name)',
    );
    expect(attachments).toHaveTextContent('No files yet.');
    expect(await server.deps.store.attachments.list('demo', created.id)).toEqual([]);
  });
});
