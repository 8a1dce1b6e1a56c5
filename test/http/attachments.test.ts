// Files on a case over HTTP: upload within the policy's limits (type from content), list, download,
// the audit entry, the report's storage figure; refusals store nothing; outsiders get 404.
import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, buildTestApp, manufacturingIntake } from '../support/test-app.ts';
import { PNG, JPEG, EXE } from '../support/file-heads.ts';
import { publishDraftChange } from '../support/publish-draft.ts';

type TestApp = Awaited<ReturnType<typeof buildTestApp>>;

const TEXT = Buffer.from('收货签字: 王女士\n');

async function withCase() {
  const t = await buildTestApp();
  const insider = await t.userWith('demo', 'sales');
  const created = await t.call('POST', '/api/companies/demo/cases', {
    token: insider,
    body: { intake: manufacturingIntake() },
  });
  return { t, insider, id: created.body.case.id as string };
}

/** Uploads `bytes` as `name` (percent-encoded in Attachment-Name) with any headers given. */
async function upload(
  t: TestApp,
  token: string,
  path: string,
  body: BodyInit | null,
  name: string | undefined,
  headers: Record<string, string> = {},
) {
  const response = await t.app.request(path, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'image/jpeg',
      ...(name === undefined ? {} : { 'attachment-name': encodeURIComponent(name) }),
      ...headers,
    },
    body,
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** What is stored of the case's attachments, and its audit entries about them. */
async function storedOf(t: TestApp, id: string) {
  return {
    listed: await t.deps.store.attachments.list('demo', id),
    bytes: await t.deps.store.attachments.bytesUsed('demo'),
    audited: (await t.deps.store.audit.forCase('demo', id)).filter(
      (entry) => entry.action === 'attachmentAdded',
    ),
  };
}

/** Sets the demo company's attachment limits and publishes them. */
const publishLimits = (t: TestApp, limits: Record<string, unknown>) =>
  publishDraftChange(t, 'demo', 'attachment limits', (document) => {
    document.attachments = limits;
  });

describe('attachments on a case', () => {
  it('stores an upload, lists it on the case and its audit, serves it safely, counts it', async () => {
    const { t, insider, id } = await withCase();
    const base = `/api/companies/demo/cases/${id}/attachments`;
    const name = '../../etc/收据\u202egpj.exe\u0007 "signed".png';
    const added = await upload(t, insider, base, PNG, name);
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body).toMatchObject({
      name: 'gpj.exe "signed".png'.replace(/^/, '收据'),
      type: 'image/png',
      size: PNG.length,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });

    const listed = await t.call('GET', base, { token: insider });
    expect(listed.body.items).toEqual([added.body]);
    const read = await t.call('GET', `/api/companies/demo/cases/${id}`, { token: insider });
    expect(read.body.attachments).toEqual([added.body]);
    const entry = read.body.audit.find((e: { action: string }) => e.action === 'attachmentAdded');
    expect(entry.attachment).toEqual({
      id: added.body.id,
      name: added.body.name,
      type: 'image/png',
      size: PNG.length,
      sha256: added.body.sha256,
    });

    const download = await t.app.request(`${base}/${added.body.id}`, {
      headers: { authorization: `Bearer ${insider}` },
    });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(PNG)).toBe(true);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('content-disposition')).toBe(
      `attachment; filename="__gpj.exe _signed_.png"; filename*=UTF-8''${encodeURIComponent('收据gpj.exe "signed".png')}`,
    );

    const report = await t.call('GET', '/api/companies/demo/reports/2026', { token: ADMIN_TOKEN });
    expect(report.body.storage).toEqual({ attachmentBytes: PNG.length });
  });

  it.each([
    ['no file (an empty body)', Buffer.alloc(0), 'a.jpg', 400, 'attachment_missing'],
    ['no name', JPEG, undefined, 400, 'invalid_header'],
    [
      'an .exe renamed .jpg (type from content)',
      EXE,
      'photo.jpg',
      415,
      'attachment_type_not_allowed',
    ],
    [
      'text, which the policy does not list',
      TEXT,
      'receipt.jpg',
      415,
      'attachment_type_not_allowed',
    ],
    [
      'a file over 10 MiB (Content-Length)',
      Buffer.alloc(10 * 1024 * 1024 + 1, 0xff),
      'big.jpg',
      413,
      'attachment_too_large',
    ],
  ])('refuses %s and stores nothing', async (_what, bytes, name, status, code) => {
    const { t, insider, id } = await withCase();
    const refused = await upload(
      t,
      insider,
      `/api/companies/demo/cases/${id}/attachments`,
      bytes,
      name,
      { 'content-length': String(bytes.length), 'accept-language': 'zh-CN' },
    );
    expect(refused.status).toBe(status);
    expect(refused.body.error.code).toBe(code);
    expect(refused.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await storedOf(t, id)).toEqual({ listed: [], bytes: 0, audited: [] });
  });

  it('refuses a body that grows past the limit while it is read (no Content-Length)', async () => {
    const { t, insider, id } = await withCase();
    let sent = 0;
    const chunk = new Uint8Array(1024 * 1024).fill(0xff);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.length;
        if (sent > 64 * 1024 * 1024) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const refused = await upload(
      t,
      insider,
      `/api/companies/demo/cases/${id}/attachments`,
      stream,
      'big.jpg',
    );
    expect(refused.status).toBe(413);
    expect(refused.body.error).toMatchObject({
      code: 'attachment_too_large',
      details: { maxBytes: 10 * 1024 * 1024 },
    });
    expect(sent).toBeLessThan(13 * 1024 * 1024);
    expect(await storedOf(t, id)).toEqual({ listed: [], bytes: 0, audited: [] });
  });

  it('answers 404 for an unknown case or attachment, and to another company’s user', async () => {
    const { t, insider, id } = await withCase();
    const base = `/api/companies/demo/cases/${id}/attachments`;
    const added = await upload(t, insider, base, JPEG, 'a.jpg');
    await t.call('POST', '/api/companies', {
      token: ADMIN_TOKEN,
      body: { id: 'other', name: 'Other', template: 'starter' },
    });
    const outsider = await t.userWith('other', 'admin');
    const unknownCase = await upload(
      t,
      insider,
      '/api/companies/demo/cases/nope/attachments',
      JPEG,
      'a.jpg',
    );
    expect(unknownCase.status).toBe(404);
    for (const path of [`${base}/${added.body.id}`, base]) {
      const seen = await t.call('GET', path, { token: outsider });
      expect(seen.status).toBe(404);
      expect(JSON.stringify(seen.body)).not.toContain(added.body.id);
    }
    expect((await upload(t, outsider, base, JPEG, 'b.jpg')).status).toBe(404);
    expect((await t.call('GET', `${base}/nope`, { token: insider })).status).toBe(404);
    expect((await storedOf(t, id)).listed).toHaveLength(1);
    expect(await t.deps.store.attachments.bytesUsed('other')).toBe(0);
  });

  it('follows the policy: text/plain when listed, a smaller size, a count per case', async () => {
    const { t, insider, id } = await withCase();
    await publishLimits(t, { types: ['text/plain', 'image/jpeg'], maxBytes: 100, maxPerCase: 2 });
    const base = `/api/companies/demo/cases/${id}/attachments`;
    // The case keeps the limits of the version it was opened under; a new case takes the new ones.
    expect((await upload(t, insider, base, TEXT, 'r.txt')).status).toBe(415);
    const created = await t.call('POST', '/api/companies/demo/cases', {
      token: insider,
      body: { intake: manufacturingIntake() },
    });
    const next = `/api/companies/demo/cases/${created.body.case.id}/attachments`;
    const text = await upload(t, insider, next, TEXT, 'r.txt');
    expect(text.body).toMatchObject({ type: 'text/plain', name: 'r.txt' });
    expect((await upload(t, insider, next, PNG, 'p.png')).body.error.code).toBe(
      'attachment_type_not_allowed',
    );
    expect((await upload(t, insider, next, Buffer.alloc(101, 0x41), 'a.txt')).status).toBe(413);
    expect((await upload(t, insider, next, JPEG, 'a.jpg')).status).toBe(201);
    const third = await upload(t, insider, next, JPEG, 'b.jpg');
    expect(third.status).toBe(409);
    expect(third.body.error.code).toBe('attachment_too_many');
    const download = await t.app.request(`${next}/${text.body.id}`, {
      headers: { authorization: `Bearer ${insider}` },
    });
    expect(download.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await download.text()).toBe(TEXT.toString('utf8'));
  });
});
