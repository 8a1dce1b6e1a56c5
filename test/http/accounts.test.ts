/**
 * Password sign-in through the HTTP app: invitations, the session cookie, sign-out, resets, the
 * wait after wrong passwords, CSRF, bad input and one company's administrator kept out of another's.
 */
import { describe, expect, it } from 'vitest';
import { allAudit } from '../support/store-reads.ts';
import { fromStudio, ORIGIN, sessionCookie, userWithPassword } from '../support/accounts.ts';
import { ADMIN_TOKEN, buildTestApp, type TestApp } from '../support/test-app.ts';

const START = '2026-03-02T02:00:00.000Z';
const later = (seconds: number) => new Date(Date.parse(START) + seconds * 1000).toISOString();
const PASSWORD = 'correct horse battery';

const signIn = (t: TestApp, login: string, password: string, extra: Record<string, string> = {}) =>
  t.call('POST', '/api/session', {
    body: { login, password },
    headers: { origin: ORIGIN, ...extra },
    address: extra['x-test-address'] ?? '10.0.0.1',
  });

describe('invitations and the session cookie', () => {
  it('lets an invited user set a password, signs them in, and uses the link once', async () => {
    const t = await buildTestApp(START);
    const user = await t.call('POST', '/api/companies/demo/users', {
      token: ADMIN_TOKEN,
      body: { name: '李娜', roles: ['admin'] },
    });
    const link = await t.call('POST', `/api/users/${user.body.id}/invitation`, {
      token: ADMIN_TOKEN,
      body: { login: 'Li.Na', email: 'li.na@demo.cn' },
    });
    expect(link.status).toBe(201);
    expect(link.body).toMatchObject({ login: 'li.na', expiresAt: later(3 * 24 * 3600) });
    // The address given with the invitation is where her notifications go, as she had none.
    const users = await t.call('GET', '/api/companies/demo/users', { token: ADMIN_TOKEN });
    const listed = (users.body.items as { id: string; email?: string }[]).find(
      (u) => u.id === user.body.id,
    );
    expect(listed?.email).toBe('li.na@demo.cn');
    const secret = String(link.body.path).replace('/#/invitation/', '');
    const opened = await t.call('POST', '/api/invitations/open', { body: { secret } });
    expect(opened.body).toEqual({ login: 'li.na', name: '李娜', expiresAt: later(3 * 24 * 3600) });

    const accepted = await t.call('POST', '/api/invitations/accept', {
      body: { secret, password: PASSWORD },
      headers: { origin: ORIGIN },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.me).toMatchObject({ userId: user.body.id, companyId: 'demo' });
    const setCookie = accepted.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(
      /^kesu_session=kesu_secret_\d+x\d+; Max-Age=43200; Path=\/; HttpOnly; SameSite=Lax$/,
    );
    const cookie = sessionCookie(accepted.headers)!;
    const me = await t.call('GET', '/api/me', { headers: { cookie } });
    expect(me.body).toMatchObject({ userId: user.body.id, name: '李娜' });

    const again = await t.call('POST', '/api/invitations/accept', {
      body: { secret, password: 'another long password' },
    });
    expect(again.status).toBe(410);
    expect(again.body.error).toMatchObject({
      code: 'invitation_invalid',
      details: { reason: 'used' },
      fieldErrors: [{ property: '.secret' }],
    });
    for (const login of ['li.na', 'LI.NA@demo.cn'])
      expect((await signIn(t, login, PASSWORD)).status).toBe(200);
  });

  it('marks the cookie Secure when the studio is reached over https', async () => {
    const t = await buildTestApp(START);
    await userWithPassword(t, 'demo', 'wang', PASSWORD);
    const direct = await t.app.request('https://kesu.example/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://kesu.example' },
      body: JSON.stringify({ login: 'wang', password: PASSWORD }),
    });
    expect(direct.headers.get('set-cookie')).toMatch(/; Secure/);
    const proxied = await signIn(t, 'wang', PASSWORD, { 'x-forwarded-proto': 'https' });
    expect(proxied.headers.get('set-cookie')).toMatch(/; Secure/);
    const plain = await signIn(t, 'wang', PASSWORD);
    expect(plain.headers.get('set-cookie')).not.toMatch(/Secure/);
  });

  it('ends a session after two hours unused and twelve hours after sign-in', async () => {
    const t = await buildTestApp(START);
    const { cookie } = await userWithPassword(t, 'demo', 'zhou', PASSWORD);
    const me = () => t.call('GET', '/api/me', { headers: { cookie } });
    for (const hours of [1.9, 3.8, 5.7, 7.6, 9.5, 11.4]) {
      t.setNow(later(hours * 3600));
      expect((await me()).status, `after ${hours} h`).toBe(200);
    }
    t.setNow(later(12 * 3600));
    expect((await me()).body.error.code).toBe('unauthorized');

    const idle = await signIn(t, 'zhou', PASSWORD);
    const idleCookie = sessionCookie(idle.headers)!;
    t.setNow(later(14 * 3600 + 1));
    expect((await t.call('GET', '/api/me', { headers: { cookie: idleCookie } })).status).toBe(401);
  });

  it('signs out: the session ends on the server, not only in the browser', async () => {
    const t = await buildTestApp(START);
    const { cookie } = await userWithPassword(t, 'demo', 'zhao', PASSWORD);
    const out = await t.call('DELETE', '/api/session', { headers: fromStudio(cookie) });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^kesu_session=; Max-Age=0; Path=\//);
    expect((await t.call('GET', '/api/me', { headers: { cookie } })).status).toBe(401);
  });

  it('resets a password: old sessions, the old password and the old link stop working', async () => {
    const t = await buildTestApp(START);
    const { id, cookie } = await userWithPassword(t, 'demo', 'sun', PASSWORD);
    const spare = await t.call('POST', `/api/users/${id}/invitation`, {
      token: ADMIN_TOKEN,
      body: { login: 'sun' },
    });
    expect(spare.body.error.code).toBe('password_already_set');
    const reset = await t.call('POST', `/api/users/${id}/password-reset`, {
      token: ADMIN_TOKEN,
      body: {},
    });
    expect(reset.status).toBe(201);
    expect((await t.call('GET', '/api/me', { headers: { cookie } })).status).toBe(401);
    expect((await signIn(t, 'sun', PASSWORD)).body.error.code).toBe('invalid_credentials');
    const secret = String(reset.body.path).replace('/#/invitation/', '');
    const second = await t.call('POST', `/api/users/${id}/password-reset`, {
      token: ADMIN_TOKEN,
      body: {},
    });
    const stale = await t.call('POST', '/api/invitations/accept', {
      body: { secret, password: 'a new long password' },
    });
    expect(stale.body.error.details).toEqual({ reason: 'revoked' });
    const fresh = String(second.body.path).replace('/#/invitation/', '');
    const set = await t.call('POST', '/api/invitations/accept', {
      body: { secret: fresh, password: 'a new long password' },
    });
    expect(set.status).toBe(200);
    expect((await signIn(t, 'sun', 'a new long password')).status).toBe(200);
  });

  it('gives the platform administrator a first sign-in link (login "admin"); the token still works', async () => {
    const t = await buildTestApp(START);
    if (!t.first.created) throw new Error('not bootstrapped');
    const accepted = await t.call('POST', '/api/invitations/accept', {
      body: { secret: t.first.invitation, password: PASSWORD },
    });
    expect(accepted.body.me).toMatchObject({
      userId: 'platform-admin',
      platformRole: 'platformAdmin',
    });
    expect((await signIn(t, 'admin', PASSWORD)).status).toBe(200);
    expect((await t.call('GET', '/api/me', { token: ADMIN_TOKEN })).status).toBe(200);
  });

  it('never answers or audits a password hash', async () => {
    const t = await buildTestApp(START);
    const { id } = await userWithPassword(t, 'demo', 'qian', PASSWORD);
    const answers = [
      await t.call('GET', '/api/companies/demo/users', { token: ADMIN_TOKEN }),
      await signIn(t, 'qian', PASSWORD),
      await t.call('GET', `/api/users/${id}/tokens`, { token: ADMIN_TOKEN }),
    ];
    const stored = await t.deps.store.credentials.get(id);
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
    for (const answer of answers) expect(JSON.stringify(answer.body)).not.toContain('argon2');
    const listed = answers[0]!.body.items.find((user: { id: string }) => user.id === id);
    expect(listed).toMatchObject({ login: 'qian', hasPassword: true });
    expect(JSON.stringify(await allAudit(t.deps.store, 'demo'))).not.toContain('argon2');
  });
});

describe('the wait after wrong passwords', () => {
  it('refuses sign-in for 30 s after five wrong passwords, a right one too, in the user’s words', async () => {
    const t = await buildTestApp(START);
    await userWithPassword(t, 'demo', 'li', PASSWORD);
    for (let i = 1; i <= 5; i++) {
      const wrong = await signIn(t, 'li', `wrong password ${i}`);
      expect(wrong.status, `attempt ${i}`).toBe(401);
      expect(wrong.body.error.code).toBe('invalid_credentials');
    }
    const refused = await signIn(t, 'LI', PASSWORD, { 'accept-language': 'zh-CN' });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('30');
    expect(refused.body.error).toMatchObject({
      code: 'sign_in_delayed',
      message: '密码错误次数过多, 请 30 秒后再试',
      details: { retryAfterSeconds: 30 },
      fieldErrors: [{ property: '.login' }],
    });
    t.setNow(later(10));
    const en = await signIn(t, 'li', PASSWORD, { 'accept-language': 'en' });
    expect(en.body.error.message).toBe('Too many wrong passwords; try again in 20 seconds');
    t.setNow(later(30));
    expect((await signIn(t, 'li', PASSWORD)).status).toBe(200);
  });

  it('waits twice as long after each further wrong password', async () => {
    const t = await buildTestApp(START);
    await userWithPassword(t, 'demo', 'li', PASSWORD);
    for (let i = 0; i < 5; i++) await signIn(t, 'li', 'wrong password!');
    t.setNow(later(30));
    expect((await signIn(t, 'li', 'wrong password!')).status).toBe(401);
    const refused = await signIn(t, 'li', PASSWORD);
    expect(refused.headers.get('retry-after')).toBe('60');
    t.setNow(later(90));
    await signIn(t, 'li', 'wrong password!');
    expect((await signIn(t, 'li', PASSWORD)).headers.get('retry-after')).toBe('120');
  });

  it('counts unknown logins as well, and twenty failures from one address wait for every login', async () => {
    const t = await buildTestApp(START);
    await userWithPassword(t, 'demo', 'li', PASSWORD);
    for (let i = 0; i < 5; i++) await signIn(t, 'nobody', 'some password');
    expect((await signIn(t, 'nobody', 'some password')).status).toBe(429);
    for (let i = 0; i < 15; i++) await signIn(t, `guess${i}`, 'some password');
    const sameAddress = await signIn(t, 'li', PASSWORD);
    expect(sameAddress.body.error.code).toBe('sign_in_delayed');
    const elsewhere = await signIn(t, 'li', PASSWORD, { 'x-test-address': '10.0.0.2' });
    expect(elsewhere.status).toBe(200);
  });
});

describe('CSRF protection of cookie-signed-in writes', () => {
  it.each([
    ['another site’s Origin', 403, { origin: 'http://evil.example' }],
    ['no Origin and no Sec-Fetch-Site', 403, {}],
    ['Sec-Fetch-Site: cross-site', 403, { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site: same-origin', 201, { 'sec-fetch-site': 'same-origin' }],
    ['the studio’s own Origin', 201, { origin: ORIGIN }],
  ])('a write with the cookie and %s answers %i', async (_what, status, headers) => {
    const t = await buildTestApp(START);
    const { id, cookie } = await userWithPassword(t, 'demo', 'li', PASSWORD);
    const answer = await t.call('POST', `/api/users/${id}/tokens`, {
      body: { label: 'cli' },
      headers: { cookie, ...headers },
    });
    expect(answer.status).toBe(status);
    if (status === 403) expect(answer.body.error.code).toBe('csrf_refused');
  });

  it('leaves requests with a bearer token alone, and refuses a sign-in posted from another site', async () => {
    const t = await buildTestApp(START);
    await userWithPassword(t, 'demo', 'li', PASSWORD);
    const bearer = await t.call('POST', '/api/companies/demo/users', {
      token: ADMIN_TOKEN,
      body: { name: 'x', roles: [] },
      headers: { origin: 'http://evil.example' },
    });
    expect(bearer.status).toBe(201);
    const signInElsewhere = await t.call('POST', '/api/session', {
      body: { login: 'li', password: PASSWORD },
      headers: { origin: 'http://evil.example' },
    });
    expect(signInElsewhere.body.error.code).toBe('csrf_refused');
    // Scripts sign in without a browser's Origin.
    const script = await t.call('POST', '/api/session', {
      body: { login: 'li', password: PASSWORD },
    });
    expect(script.status).toBe(200);
  });
});

describe('bad input and isolation', () => {
  const invite = async (t: TestApp, body: unknown, token = ADMIN_TOKEN) => {
    const user = await t.call('POST', '/api/companies/demo/users', {
      token: ADMIN_TOKEN,
      body: { name: 'n', roles: [] },
    });
    return t.call('POST', `/api/users/${user.body.id}/invitation`, { token, body });
  };

  it.each([
    ['a login with spaces', { login: 'li na' }, 400, 'invalid_request', '.login'],
    ['a login with @', { login: 'li@demo.cn' }, 400, 'invalid_request', '.login'],
    ['no login', {}, 400, 'invalid_body', '.login'],
    ['a login that is not a string', { login: 7 }, 400, 'invalid_body', '.login'],
    ['a bad e-mail', { login: 'li', email: 'li at demo' }, 400, 'invalid_request', '.email'],
    ['an unknown field', { login: 'li', password: 'x' }, 400, 'unknown_field', '.password'],
  ])('refuses an invitation with %s', async (_what, body, status, code, property) => {
    const t = await buildTestApp(START);
    const answer = await invite(t, body);
    expect(answer.status).toBe(status);
    expect(answer.body.error.code).toBe(code);
    expect(answer.body.error.fieldErrors[0].property).toBe(property);
  });

  it.each([
    ['sign-in without a login', '/api/session', { password: 'x' }, 'invalid_body', '.login'],
    [
      'sign-in with a number for a password',
      '/api/session',
      { login: 'li', password: 7 },
      'invalid_body',
      '.password',
    ],
    [
      'sign-in with an unknown field',
      '/api/session',
      { login: 'li', password: 'x', remember: true },
      'unknown_field',
      '.remember',
    ],
    ['opening a link without its secret', '/api/invitations/open', {}, 'invalid_body', '.secret'],
    [
      'accepting a link without a password',
      '/api/invitations/accept',
      { secret: 'kesu_x' },
      'invalid_body',
      '.password',
    ],
  ])('refuses %s, naming the field', async (_what, path, body, code, property) => {
    const t = await buildTestApp(START);
    const answer = await t.call('POST', path, { body });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code, fieldErrors: [{ property }] });
  });

  it('refuses a login or e-mail another user has', async () => {
    const t = await buildTestApp(START);
    await userWithPassword(t, 'demo', 'li', PASSWORD);
    const answer = await invite(t, { login: 'LI' });
    expect(answer.status).toBe(409);
    expect(answer.body.error).toMatchObject({
      code: 'login_taken',
      fieldErrors: [{ property: '.login' }],
    });
    await invite(t, { login: 'wang', email: 'wang@demo.cn' });
    const email = await invite(t, { login: 'zhou', email: 'WANG@demo.cn' });
    expect(email.body.error).toMatchObject({
      code: 'login_taken',
      fieldErrors: [{ property: '.email' }],
    });
  });

  it.each([
    ['too short', 'short', 'password_too_short'],
    ['too long', 'x'.repeat(201), 'password_too_long'],
    ['the login', 'liu.yang.01', 'password_same_as_login'],
    ['the e-mail', 'LIU@demo.cn', 'password_same_as_login'],
  ])(
    'refuses a password that is %s, naming the field, and keeps the link',
    async (_w, password, code) => {
      const t = await buildTestApp(START);
      const link = await invite(t, { login: 'liu.yang.01', email: 'liu@demo.cn' });
      const secret = String(link.body.path).replace('/#/invitation/', '');
      const answer = await t.call('POST', '/api/invitations/accept', {
        body: { secret, password },
        headers: { 'accept-language': 'zh-CN' },
      });
      expect(answer.status).toBe(422);
      expect(answer.body.error).toMatchObject({ code, fieldErrors: [{ property: '.password' }] });
      expect(answer.body.error.message).toMatch(/密码/);
      const fine = await t.call('POST', '/api/invitations/accept', {
        body: { secret, password: PASSWORD },
      });
      expect(fine.status).toBe(200);
    },
  );

  it('refuses an unknown or expired link, and sign-in without a password', async () => {
    const t = await buildTestApp(START);
    const unknown = await t.call('POST', '/api/invitations/open', {
      body: { secret: 'kesu_nope' },
    });
    expect(unknown.body.error).toMatchObject({
      code: 'invitation_invalid',
      details: { reason: 'unknown' },
    });
    const link = await invite(t, { login: 'late' });
    const secret = String(link.body.path).replace('/#/invitation/', '');
    t.setNow(later(3 * 24 * 3600));
    const expired = await t.call('POST', '/api/invitations/accept', {
      body: { secret, password: PASSWORD },
    });
    expect(expired.body.error.details).toEqual({ reason: 'expired' });
    const noPassword = await t.call('POST', '/api/session', { body: { login: 'late' } });
    expect(noPassword.body.error).toMatchObject({
      code: 'invalid_body',
      fieldErrors: [{ property: '.password' }],
    });
    const invited = await signIn(t, 'late', 'anything at all');
    expect(invited.body.error.code).toBe('invalid_credentials');
  });

  it('keeps one company’s administrator from inviting or resetting another company’s users', async () => {
    const t = await buildTestApp(START);
    await t.call('POST', '/api/companies', {
      token: ADMIN_TOKEN,
      body: { id: 'other', name: 'Other' },
    });
    const theirs = await t.call('POST', '/api/companies/other/users', {
      token: ADMIN_TOKEN,
      body: { name: 'them', roles: ['admin'] },
    });
    await t.call('POST', `/api/users/${theirs.body.id}/invitation`, {
      token: ADMIN_TOKEN,
      body: { login: 'them' },
    });
    const { cookie } = await userWithPassword(t, 'demo', 'demo.admin', PASSWORD);
    const clerk = await userWithPassword(t, 'demo', 'demo.clerk', PASSWORD, []);
    const tries = [
      ['POST', `/api/users/${theirs.body.id}/invitation`, { login: 'mine' }],
      ['POST', `/api/users/${theirs.body.id}/password-reset`, {}],
      ['POST', '/api/users/platform-admin/password-reset', {}],
    ] as const;
    for (const [method, path, body] of tries) {
      const answer = await t.call(method, path, { body, headers: fromStudio(cookie) });
      expect(answer.status, path).toBe(404);
    }
    const byClerk = await t.call('POST', `/api/users/${clerk.id}/password-reset`, {
      body: {},
      headers: fromStudio(clerk.cookie),
    });
    expect(byClerk.status).toBe(403);
    expect((await signIn(t, 'them', PASSWORD)).body.error.code).toBe('invalid_credentials');
    expect(await t.deps.store.credentials.findByLogin('mine')).toBeUndefined();
  });
});
