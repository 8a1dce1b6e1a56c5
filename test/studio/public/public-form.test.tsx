// @vitest-environment jsdom
// The public complaint form and follow page in the studio, signed out, against the real API: the
// form's public fields, the hidden field, filing with a loading state, the number and follow link,
// files sent with progress, errors in the user's language (a bad field, the wait after too many).
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { companyFrom, fileComplaint } from '../../support/public-form.ts';
import { ADMIN_TOKEN, type TestApp } from '../../support/test-app.ts';
import { renderStudio, studioServer } from '../support/studio.tsx';
import { routeUploads } from '../support/uploads.ts';
import { PNG } from '../../support/file-heads.ts';

const START = '2026-03-02T02:00:00.000Z';
const STARTER_INTAKE = {
  customerName: '王女士',
  phone: '13800000000',
  description: '收到的商品有划痕',
};

async function withCorner() {
  const server = await studioServer(START);
  await companyFrom(server, 'corner', 'starter');
  return server;
}

async function casesOf(server: TestApp) {
  const listed = await server.call('GET', '/api/companies/corner/cases', { token: ADMIN_TOKEN });
  return listed.body.items as { id: string; number: string }[];
}

/** Holds the complaint's POST until released, to see the page while it is sent. */
function holdFiling(): () => void {
  const inner = globalThis.fetch;
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    if (String(input).endsWith('/complaints') && init?.method === 'POST') await held;
    return inner(input, init);
  };
  return release;
}

async function fillStarterForm() {
  await userEvent.type(await screen.findByLabelText(/客户姓名/), '王女士');
  await userEvent.type(screen.getByLabelText(/联系电话/), '13800000000');
  await userEvent.type(screen.getByLabelText(/投诉内容/), '收到的商品有划痕');
}

describe('the public complaint form', () => {
  it('files a complaint with a photo: loading state, number, follow link, upload progress (zh-CN)', async () => {
    const server = await withCorner();
    let releaseUpload = () => {};
    const uploadHeld = new Promise<void>((resolve) => (releaseUpload = resolve));
    routeUploads(server, () => uploadHeld);
    const releaseFiling = holdFiling();
    renderStudio('/public/corner', null);

    expect(await screen.findByRole('heading', { name: '在线投诉' })).toBeInTheDocument();
    expect(screen.getByTestId('public-company')).toHaveTextContent('corner 有限公司');
    // Only the public fields: the compensation sought is for staff.
    expect(screen.queryByLabelText(/要求补偿金额/)).not.toBeInTheDocument();
    // The hidden field: out of the tab order and of the accessibility tree.
    const trap = screen.getByLabelText('网站（请留空）');
    expect(trap).toHaveAttribute('tabindex', '-1');
    expect(trap.closest('[aria-hidden="true"]')).not.toBeNull();
    expect(screen.queryByRole('textbox', { name: '网站（请留空）' })).toBeNull();

    await fillStarterForm();
    await userEvent.upload(
      screen.getByLabelText('照片或文件（可选）'),
      new File([PNG], '划痕.png', { type: 'image/png' }),
    );
    expect(screen.getByText('已选择：划痕.png')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '提交投诉' }));
    const busy = await screen.findByRole('button', { name: '正在提交…' });
    expect(busy).toBeDisabled();
    releaseFiling();

    const filed = await screen.findByTestId('public-filed');
    const [stored] = await casesOf(server);
    expect(within(filed).getByTestId('public-case-number')).toHaveTextContent(stored!.number);
    const link = within(filed).getByTestId('public-follow-link');
    expect(link.getAttribute('href')).toMatch(
      /^http:\/\/localhost(:\d+)?\/#\/public\/corner\/follow\/[^/]+\.kesu_secret_\d+x\d+$/,
    );
    expect(
      await within(filed).findByRole('progressbar', { name: '划痕.png 上传进度' }),
    ).toHaveAttribute('value', '48');
    releaseUpload();
    expect(await within(filed).findByText('划痕.png 已上传')).toBeInTheDocument();
    const files = await server.deps.store.attachments.list('corner', stored!.id);
    expect(files.map((file) => [file.name, file.addedBy])).toEqual([['划痕.png', 'public:web']]);
  });

  it('switches to English and says a field error and the wait after too many, in English', async () => {
    const server = await withCorner();
    renderStudio('/public/corner', null);
    await screen.findByRole('heading', { name: '在线投诉' });
    await userEvent.selectOptions(screen.getByRole('combobox', { name: '语言' }), 'en');
    expect(await screen.findByRole('heading', { name: 'File a complaint' })).toBeInTheDocument();

    await userEvent.type(screen.getByLabelText(/Customer name/), '王女士');
    await userEvent.type(screen.getByLabelText(/Phone/), '12');
    await userEvent.type(screen.getByLabelText(/Complaint/), '收到的商品有划痕');
    await userEvent.click(screen.getByRole('button', { name: 'Send complaint' }));
    expect(
      await screen.findByText('The phone number is not valid: 7 to 20 digits, with +, - or spaces'),
    ).toBeInTheDocument();
    expect(await casesOf(server)).toEqual([]);

    // Five complaints from this address already (in-process requests share one address).
    for (let i = 0; i < 5; i++)
      await fileComplaint(server, 'corner', STARTER_INTAKE, { address: '' });
    const phone = screen.getByLabelText(/Phone/);
    await userEvent.clear(phone);
    await userEvent.type(phone, '13800000000');
    await userEvent.click(screen.getByRole('button', { name: 'Send complaint' }));
    expect(await screen.findByTestId('public-error')).toHaveTextContent(
      'Too many complaints were sent; try again in 10 minutes',
    );
    expect(await casesOf(server)).toHaveLength(5);
  });

  it('refuses the complaint when the hidden field is filled, and stores nothing', async () => {
    const server = await withCorner();
    renderStudio('/public/corner', null);
    await fillStarterForm();
    await userEvent.type(screen.getByLabelText('网站（请留空）'), 'http://spam.example');
    await userEvent.click(screen.getByRole('button', { name: '提交投诉' }));
    expect(await screen.findByTestId('public-error')).toHaveTextContent(
      '投诉未能提交，请刷新页面后重试',
    );
    expect(await casesOf(server)).toEqual([]);
  });

  it('says so for a company without a public form', async () => {
    await withCorner();
    renderStudio('/public/demo', null);
    expect(await screen.findByRole('alert')).toHaveTextContent('找不到此投诉表单');
  });
});

describe('the follow page', () => {
  it('shows the state in words and takes more files while it may', async () => {
    const server = await withCorner();
    routeUploads(server);
    const filed = await fileComplaint(server, 'corner', STARTER_INTAKE);
    renderStudio(`/public/corner/follow/${filed.body.followToken}`, null);

    const follow = await screen.findByTestId('public-follow');
    expect(within(follow).getByTestId('follow-number')).toHaveTextContent(filed.body.number);
    expect(within(follow).getByTestId('follow-state')).toHaveTextContent('已登记');
    expect(within(follow).getByTestId('follow-replied')).toHaveTextContent('否');
    expect(within(follow).getByTestId('follow-closed')).toHaveTextContent('否');
    expect(within(follow).getByTestId('follow-files')).toHaveTextContent('0');
    // Times are the company's, named, not the browser's.
    expect(follow).toHaveTextContent('10:00（Asia/Shanghai）');
    await userEvent.upload(
      screen.getByLabelText('补充照片或文件'),
      new File([PNG], 'receipt.png', { type: 'image/png' }),
    );
    expect(await screen.findByText('receipt.png 已上传')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('follow-files')).toHaveTextContent('1'));
  });

  it('says the link is wrong for a wrong secret', async () => {
    const server = await withCorner();
    const filed = await fileComplaint(server, 'corner', STARTER_INTAKE);
    const id = String(filed.body.followToken).split('.')[0];
    renderStudio(`/public/corner/follow/${id}.kesu_wrong`, null, 'en');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'No such complaint: the link may be wrong.',
    );
  });
});

describe('staff see where a web complaint came from', () => {
  it('shows the web form as its origin and the complainant in its history', async () => {
    const server = await withCorner();
    await fileComplaint(server, 'corner', STARTER_INTAKE);
    const [stored] = await casesOf(server);
    renderStudio(`/c/corner/cases/${stored!.id}`, ADMIN_TOKEN);
    expect(await screen.findByTestId('case-origin')).toHaveTextContent('网上投诉');
    expect(await screen.findByRole('region', { name: '处理记录' })).toHaveTextContent(
      '投诉人 (网上投诉)',
    );
  });

  it('gives the administrator the public link to copy on the publish page', async () => {
    await withCorner();
    renderStudio('/c/corner/policy/publish', ADMIN_TOKEN);
    const link = await screen.findByRole('textbox', { name: '网上投诉链接' });
    expect((link as HTMLInputElement).value).toMatch(
      /^http:\/\/localhost(:\d+)?\/#\/public\/corner$/,
    );
  });
});
