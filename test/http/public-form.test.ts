// The public complaint form over HTTP, without sign-in: the form, filing (channel web, by the
// public), the honeypot, the limit per client address, bad fields, the follow link (nothing
// internal), files added with it, and 404 for companies without a form or others' links.
import { describe, expect, it } from 'vitest';
import { fromStudio, userWithPassword } from '../support/accounts.ts';
import { companyFrom, fileComplaint, webComplaint } from '../support/public-form.ts';
import { createApp } from '../../server/http/create-app.ts';
import { ADMIN_TOKEN, buildTestApp, type TestApp } from '../support/test-app.ts';
import { PNG, EXE } from '../support/file-heads.ts';

const START = '2026-03-02T02:00:00.000Z';

async function withShops() {
  const t = await buildTestApp(START);
  await companyFrom(t, 'shop', 'electronics-after-sales');
  await companyFrom(t, 'corner', 'starter');
  return t;
}

async function casesOf(t: TestApp, company: string) {
  const listed = await t.call('GET', `/api/companies/${company}/cases`, { token: ADMIN_TOKEN });
  return listed.body.items as { id: string; number: string }[];
}

async function sendFile(t: TestApp, path: string, bytes: Uint8Array, name: string) {
  const response = await t.app.request(path, {
    method: 'POST',
    headers: {
      'content-type': 'application/octet-stream',
      'attachment-name': encodeURIComponent(name),
    },
    body: new Uint8Array(bytes),
  });
  return { status: response.status, body: await response.json() };
}

describe('the public complaint form', () => {
  it('shows the public fields in the language asked for, with the hidden field and file limits', async () => {
    const t = await withShops();
    const form = await t.call('GET', '/api/public/shop/form', {
      headers: { 'accept-language': 'en' },
    });
    expect(form.status).toBe(200);
    expect(form.body).toMatchObject({
      company: { id: 'shop', name: 'shop 有限公司' },
      title: 'After-sales complaint (online)',
      intro: expect.stringContaining('complaint number'),
      honeypot: 'website',
      attachments: { allowed: true, maxBytes: 10 * 1024 * 1024, maxPerCase: 20, windowMinutes: 60 },
    });
    const properties = form.body.form.schema.properties;
    expect(Object.keys(properties)).toEqual([
      'customer',
      'product',
      'description',
      'safetyHazard',
      'remedySought',
    ]);
    expect(Object.keys(properties.customer.properties)).toEqual(['name', 'phone', 'email']);
    const zh = await t.call('GET', '/api/public/shop/form');
    expect(zh.body.title).toBe('售后投诉（网上）');
  });

  it('registers a complaint like staff intake, from the web, by the public, with a follow link', async () => {
    const t = await withShops();
    const filed = await fileComplaint(t, 'shop', webComplaint({ safetyHazard: true }), {
      website: '',
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const { number, followToken, followPath } = filed.body;
    expect(number).toMatch(/\w/);
    expect(followPath).toBe(`#/public/shop/follow/${encodeURIComponent(followToken)}`);
    const [listed] = await casesOf(t, 'shop');
    expect(listed?.number).toBe(number);

    const read = await t.call('GET', `/api/companies/shop/cases/${listed!.id}`, {
      token: ADMIN_TOKEN,
    });
    expect(read.body.case).toMatchObject({
      origin: { channel: 'web' },
      intake: { channel: 'web' },
      categories: { channel: 'web' },
    });
    // No staff member received it: it is in the inbox of the first role that may act on it.
    expect(read.body.case.assignee).toEqual({ role: 'agent' });
    const agent = await t.userWith('shop', 'agent');
    const inbox = await t.call('GET', '/api/companies/shop/cases?assignee=agent', { token: agent });
    expect(inbox.body.items.map((item: { number: string }) => item.number)).toEqual([number]);
    expect(read.body.case.origin.followHash).toBeUndefined();
    expect(JSON.stringify(read.body)).not.toContain('followHash');
    expect(read.body.audit[0]).toMatchObject({ action: 'intake', by: 'public:web' });
    // Clocks started and rules ran as for any intake.
    expect(read.body.clocks.length).toBeGreaterThan(0);
    expect(read.body.decisions.length).toBeGreaterThan(0);

    // Only the secret's hash is kept.
    const secret = String(followToken).split('.')[1]!;
    const stored = await t.deps.store.cases.get('shop', listed!.id);
    expect(JSON.stringify(stored)).not.toContain(secret);
    expect(stored?.case.origin?.followHash).toBe(t.deps.hashSecret(secret));
  });

  it('refuses a filled hidden field and stores nothing', async () => {
    const t = await withShops();
    const refused = await fileComplaint(t, 'shop', webComplaint(), { website: 'http://spam' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('submission_refused');
    expect(await casesOf(t, 'shop')).toEqual([]);
  });

  it.each([
    ['a missing phone', { customer: { name: '陈' } }, '.customer.phone'],
    [
      'a field of staff (VIP)',
      { customer: { name: '陈', phone: '13800000000', vip: true } },
      '.customer.vip',
    ],
    ['the channel (set by the form)', { channel: 'store' }, '.channel'],
    ['a field the intake lacks', { nickname: 'x' }, '.nickname'],
  ])(
    'refuses %s naming the field, in the user’s language, and stores nothing',
    async (_what, change, property) => {
      const t = await withShops();
      const refused = await fileComplaint(t, 'shop', webComplaint(change), {
        headers: { 'accept-language': 'en' },
      });
      expect(refused.status).toBe(422);
      expect(refused.body.error.code).toBe('form_invalid');
      expect(refused.body.error.fieldErrors.map((e: { property: string }) => e.property)).toContain(
        property,
      );
      expect(await casesOf(t, 'shop')).toEqual([]);
    },
  );

  it('refuses a body that is not a complaint', async () => {
    const t = await withShops();
    const noIntake = await t.call('POST', '/api/public/shop/complaints', { body: {} });
    expect(noIntake.body.error.code).toBe('body_field_missing');
    const extra = await t.call('POST', '/api/public/shop/complaints', {
      body: { intake: webComplaint(), admin: true },
    });
    expect(extra.body.error.code).toBe('unknown_field');
    const honeypotNotText = await t.call('POST', '/api/public/shop/complaints', {
      body: { intake: webComplaint(), website: 1 },
    });
    expect(honeypotNotText.body.error.code).toBe('invalid_body');
    expect(await casesOf(t, 'shop')).toEqual([]);
  });

  it.each([
    ['malformed JSON', '{"intake":', 'application/json', 400, 'malformed_json'],
    ['not JSON', 'intake=x', 'application/x-www-form-urlencoded', 415, 'unsupported_media_type'],
    ['an intake that is a list', '{"intake":[]}', 'application/json', 400, 'invalid_body'],
    [
      'a field nested 5,000 deep',
      `{"intake":{"description":${'{"a":'.repeat(4999)}{}${'}'.repeat(4999)}}}`,
      'application/json',
      400,
      'body_too_deep',
    ],
    [
      'a number beyond a double',
      '{"intake":{"description":1e309}}',
      'application/json',
      400,
      'number_not_finite',
    ],
  ])(
    'refuses %s with a coded error and stores nothing',
    async (_what, body, type, status, code) => {
      const t = await withShops();
      const refused = await t.call('POST', '/api/public/shop/complaints', {
        body,
        headers: { 'content-type': type },
      });
      expect(refused.status).toBe(status);
      expect(refused.body.error.code).toBe(code);
      expect(await casesOf(t, 'shop')).toEqual([]);
    },
  );

  it('refuses an upload without a name or over the size limit, and stores nothing', async () => {
    const t = await withShops();
    const filed = await fileComplaint(t, 'shop', webComplaint());
    const base = `/api/public/shop/complaints/${filed.body.followToken}/attachments`;
    const unnamed = await t.app.request(base, { method: 'POST', body: new Uint8Array(PNG) });
    expect((await unnamed.json()).error.code).toBe('invalid_header');
    const big = await sendFile(t, base, Buffer.alloc(10 * 1024 * 1024 + 1, 0xff), 'big.jpg');
    expect(big.status).toBe(413);
    const empty = await sendFile(t, base, Buffer.alloc(0), 'empty.png');
    expect(empty.body.error.code).toBe('attachment_missing');
    const [listed] = await casesOf(t, 'shop');
    expect(await t.deps.store.attachments.list('shop', listed!.id)).toEqual([]);
  });

  it('takes five complaints from one address in ten minutes, then says how long to wait', async () => {
    const t = await withShops();
    // A refused complaint does not count.
    await fileComplaint(t, 'shop', webComplaint({ customer: {} }));
    for (let i = 0; i < 5; i++) {
      t.setNow(new Date(Date.parse(START) + i * 60_000).toISOString());
      expect((await fileComplaint(t, 'shop', webComplaint())).status).toBe(201);
    }
    t.setNow(new Date(Date.parse(START) + 5 * 60_000).toISOString());
    const refused = await fileComplaint(t, 'corner', {
      customerName: '王',
      phone: '13800000000',
      description: '商品有划痕',
    });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('540');
    expect(refused.body.error).toMatchObject({
      code: 'too_many_complaints',
      message: '提交的投诉过多，请 9 分钟后再试',
    });
    expect((await casesOf(t, 'corner')).length).toBe(0);
    // Another address files meanwhile; the first may again ten minutes after its last.
    expect(
      (await fileComplaint(t, 'shop', webComplaint(), { address: '198.51.100.2' })).status,
    ).toBe(201);
    t.setNow(new Date(Date.parse(START) + 14 * 60_000 + 1000).toISOString());
    expect((await fileComplaint(t, 'shop', webComplaint())).status).toBe(201);
  });

  it('counts by the forwarded address only behind a proxy the settings trust', async () => {
    const t = await withShops();
    const forwarded = (address: string) => ({ 'x-forwarded-for': address });
    for (let i = 0; i < 5; i++)
      await fileComplaint(t, 'shop', webComplaint(), { headers: forwarded(`192.0.2.${i}`) });
    // Without KESU_TRUST_PROXY the header is the client's say-so: the socket address counts.
    const refused = await fileComplaint(t, 'shop', webComplaint(), {
      headers: forwarded('192.0.2.99'),
    });
    expect(refused.status).toBe(429);
  });

  it('counts by the last X-Forwarded-For address behind a trusted proxy', async () => {
    const t = await withShops();
    const proxied = createApp(t.deps, { trustProxy: true });
    const file = (forwarded: string) =>
      proxied.request('/api/public/shop/complaints', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': forwarded },
        body: JSON.stringify({ intake: webComplaint() }),
      });
    for (let i = 0; i < 5; i++) expect((await file(`10.0.0.${i}, 192.0.2.1`)).status).toBe(201);
    expect((await file('10.0.0.9, 192.0.2.1')).status).toBe(429);
    expect((await file('192.0.2.1, 192.0.2.2')).status).toBe(201);
  });

  it('follows the complaint by its link: state in words, nothing internal', async () => {
    const t = await withShops();
    const filed = await fileComplaint(t, 'corner', {
      customerName: '王女士',
      phone: '13800000000',
      description: '收到的商品有划痕',
    });
    const token = filed.body.followToken as string;
    const follow = await t.call('GET', `/api/public/corner/complaints/${token}`, {
      headers: { 'accept-language': 'en' },
    });
    expect(follow.status).toBe(200);
    expect(follow.body).toEqual({
      number: filed.body.number,
      receivedAt: START,
      state: 'Registered',
      replied: false,
      closed: false,
      files: 0,
      uploadUntil: '2026-03-02T03:00:00.000Z',
      timeZone: 'Asia/Shanghai',
    });
    expect(follow.headers.get('cache-control')).toBe('no-store');

    // Staff propose, approve and reply; then close it as invalid on another complaint.
    const [listed] = await casesOf(t, 'corner');
    const clerk = await t.userWith('corner', 'clerk');
    const supervisor = await t.userWith('corner', 'supervisor');
    const act = (token: string, transition: string, data?: object) =>
      t.call('POST', `/api/companies/corner/cases/${listed!.id}/actions`, {
        token,
        body: { transition, ...(data ? { data } : {}) },
      });
    expect((await act(clerk, 'propose', { type: 'apology', amount: 0 })).status).toBe(200);
    expect((await act(supervisor, 'approve')).status).toBe(200);
    expect(
      (await act(clerk, 'reply', { message: '已安排换货, 内部备注: 供应商批次 B-17' })).status,
    ).toBe(200);
    const replied = await t.call('GET', `/api/public/corner/complaints/${token}`);
    expect(replied.body).toMatchObject({ state: expect.any(String), replied: true, closed: false });
    const text = JSON.stringify(replied.body);
    for (const internal of ['B-17', 'apology', 'assignee', 'audit', 'amount', 'clerk'])
      expect(text).not.toContain(internal);

    const second = await fileComplaint(
      t,
      'corner',
      {
        customerName: '李先生',
        phone: '13900000000',
        description: '投诉无效的例子',
      },
      { address: '198.51.100.3' },
    );
    const invalid = (await casesOf(t, 'corner')).find((c) => c.number === second.body.number);
    await t.call('POST', `/api/companies/corner/cases/${invalid!.id}/actions`, {
      token: supervisor,
      body: { transition: 'markInvalid' },
    });
    const closed = await t.call('GET', `/api/public/corner/complaints/${second.body.followToken}`);
    expect(closed.body).toMatchObject({ closed: true, replied: false });
  });

  it.each([
    ['a wrong secret', (token: string) => `${token.split('.')[0]}.kesu_wrong`],
    ['no secret', (token: string) => token.split('.')[0]!],
    ['the case id of a staff intake', () => 'id-1.kesu_secret_1'],
  ])('answers 404 for %s', async (_what, wrong) => {
    const t = await withShops();
    const filed = await fileComplaint(t, 'shop', webComplaint());
    const follow = await t.call(
      'GET',
      `/api/public/shop/complaints/${wrong(filed.body.followToken)}`,
    );
    expect(follow.status).toBe(404);
    expect(follow.body.error.code).toBe('not_found');
  });

  it('gives another company’s follow link nothing', async () => {
    const t = await withShops();
    const filed = await fileComplaint(t, 'shop', webComplaint());
    const token = filed.body.followToken as string;
    expect((await t.call('GET', `/api/public/corner/complaints/${token}`)).status).toBe(404);
    const sent = await sendFile(
      t,
      `/api/public/corner/complaints/${token}/attachments`,
      PNG,
      'a.png',
    );
    expect(sent.status).toBe(404);
    expect(await t.deps.store.attachments.list('shop', token.split('.')[0]!)).toEqual([]);
  });

  it('takes files with the link within the window and limits, type from the content', async () => {
    const t = await withShops();
    const filed = await fileComplaint(t, 'shop', webComplaint());
    const token = filed.body.followToken as string;
    const base = `/api/public/shop/complaints/${token}/attachments`;
    const added = await sendFile(t, base, PNG, '外壳裂纹.png');
    expect(added).toEqual({
      status: 201,
      body: { name: '外壳裂纹.png', type: 'image/png', size: PNG.length },
    });
    const exe = await sendFile(t, base, EXE, 'photo.jpg');
    expect(exe.status).toBe(415);
    expect(exe.body.error.code).toBe('attachment_type_not_allowed');
    const wrong = await sendFile(
      t,
      `/api/public/shop/complaints/${token}x/attachments`,
      PNG,
      'a.png',
    );
    expect(wrong.status).toBe(404);

    const [listed] = await casesOf(t, 'shop');
    const files = await t.deps.store.attachments.list('shop', listed!.id);
    expect(files.map((file) => [file.name, file.addedBy])).toEqual([
      ['外壳裂纹.png', 'public:web'],
    ]);
    const follow = await t.call('GET', `/api/public/shop/complaints/${token}`);
    expect(follow.body.files).toBe(1);

    t.setNow('2026-03-02T03:00:00.000Z');
    const late = await sendFile(t, base, PNG, 'late.png');
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('public_upload_closed');
    expect(
      (await t.call('GET', `/api/public/shop/complaints/${token}`)).body.uploadUntil,
    ).toBeUndefined();
    expect(await t.deps.store.attachments.list('shop', listed!.id)).toHaveLength(1);
  });

  it.each([
    ['a company without a public form', 'demo'],
    ['an unknown company', 'nobody'],
  ])('answers 404 for %s, and stores nothing', async (_what, company) => {
    const t = await withShops();
    expect((await t.call('GET', `/api/public/${company}/form`)).status).toBe(404);
    const filed = await fileComplaint(t, company, webComplaint());
    expect(filed.status).toBe(404);
    expect(filed.body.error.code).toBe('not_found');
    if (company === 'demo') expect(await casesOf(t, 'demo')).toEqual([]);
  });

  it('gives a signed-in staff member’s cookie no more power than anyone’s', async () => {
    const t = await withShops();
    const { cookie } = await userWithPassword(t, 'shop', 'li', 'correct horse battery');
    const filed = await fileComplaint(t, 'shop', webComplaint(), { headers: fromStudio(cookie) });
    expect(filed.status).toBe(201);
    const [listed] = await casesOf(t, 'shop');
    const audit = await t.deps.store.audit.forCase('shop', listed!.id);
    expect(audit[0]?.by).toBe('public:web');
    const follow = await t.call('GET', `/api/public/shop/complaints/${listed!.id}.kesu_guess`, {
      headers: { cookie },
    });
    expect(follow.status).toBe(404);
    // A page of another site is refused with the cookie, as every cookie-carrying write is.
    const crossSite = await fileComplaint(t, 'shop', webComplaint(), {
      headers: { cookie, origin: 'https://evil.example' },
    });
    expect(crossSite.status).toBe(403);
  });
});
