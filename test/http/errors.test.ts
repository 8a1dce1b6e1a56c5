import { describe, expect, it, vi } from 'vitest';
import { ADMIN_TOKEN, buildTestApp, manufacturingIntake } from '../support/test-app.ts';
import { allCases } from '../support/store-reads.ts';

describe('the error envelope', () => {
  it.each<
    [
      string,
      { body?: unknown; headers?: Record<string, string>; token?: string | null },
      number,
      string,
    ]
  >([
    ['no token', { token: null, body: { intake: {} } }, 401, 'unauthorized'],
    ['an unknown token', { token: 'kesu_nope', body: { intake: {} } }, 401, 'unauthorized'],
    [
      'malformed JSON',
      { body: '{"intake": ', headers: { 'content-type': 'application/json' } },
      400,
      'malformed_json',
    ],
    [
      'a JSON array',
      { body: '[]', headers: { 'content-type': 'application/json' } },
      400,
      'malformed_json',
    ],
    [
      'a missing Content-Type',
      { body: '{"intake": {}}', headers: { 'content-type': '' } },
      415,
      'unsupported_media_type',
    ],
    [
      'a wrong Content-Type',
      { body: '{"intake": {}}', headers: { 'content-type': 'text/plain' } },
      415,
      'unsupported_media_type',
    ],
    [
      'an oversized body',
      { body: { intake: { description: 'x'.repeat(1_100_000) } } },
      413,
      'body_too_large',
    ],
    ['an unknown field', { body: { intake: {}, priority: 'high' } }, 400, 'unknown_field'],
    ['an invalid intake form', { body: { intake: {} } }, 422, 'form_invalid'],
  ])(
    'answers %s with a coded error and changes nothing',
    async (_description, request, status, code) => {
      const t = await buildTestApp();
      const token = request.token === null ? undefined : (request.token ?? ADMIN_TOKEN);
      const response = await t.call('POST', '/api/companies/demo/cases', {
        ...(token ? { token } : {}),
        body: request.body,
        ...(request.headers ? { headers: request.headers } : {}),
      });
      expect(response.status).toBe(status);
      expect(response.body.error).toMatchObject({
        code,
        requestId: expect.any(String),
        fieldErrors: expect.any(Array),
      });
      expect((await allCases(t.deps.store, 'demo')).length).toBe(0);
    },
  );

  it('names every invalid field of the intake form, in Chinese by default and English on request', async () => {
    const t = await buildTestApp();
    const zh = await t.call('POST', '/api/companies/demo/cases', {
      token: ADMIN_TOKEN,
      body: { intake: {} },
    });
    expect(zh.body.error.message).toBe('表单填写有误');
    expect(zh.body.error.fieldErrors.length).toBeGreaterThan(1);
    expect(zh.body.error.fieldErrors[0].message).toMatch(/[\u4e00-\u9fff]/);
    const en = await t.call('POST', '/api/companies/demo/cases', {
      token: ADMIN_TOKEN,
      body: { intake: {} },
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    });
    expect(en.body.error.message).toBe('The form has errors');
    expect(en.body.error.fieldErrors[0].message).toMatch(/ is required$/);
  });

  it('answers an unknown route with the envelope, and leaks no stack trace', async () => {
    const t = await buildTestApp();
    const response = await t.call('GET', '/api/nothing', { token: ADMIN_TOKEN });
    expect(response).toMatchObject({ status: 404, body: { error: { code: 'route_not_found' } } });
    expect(JSON.stringify(response.body)).not.toMatch(/at .*\.ts/);
  });

  it('answers an unexpected failure with a bare 500 and the request id, and logs it', async () => {
    const t = await buildTestApp();
    vi.spyOn(t.deps.store.cases, 'query').mockRejectedValue(new Error('disk failed at store.ts:1'));
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const response = await t.call('GET', '/api/companies/demo/cases', { token: ADMIN_TOKEN });
    const log = logged.mock.calls;
    logged.mockRestore();
    expect(response).toEqual({
      status: 500,
      body: {
        error: {
          code: 'internal_error',
          message: '服务器内部错误',
          fieldErrors: [],
          requestId: expect.any(String),
        },
      },
    });
    expect(log).toEqual([[`[${response.body.error.requestId}]`, expect.any(Error)]]);
    expect(JSON.stringify(response.body)).not.toMatch(/disk|store\.ts/);
  });

  it('refuses a stale case version', async () => {
    const t = await buildTestApp();
    const gmOffice = await t.userWith('demo', 'gmOffice');
    const sales = await t.userWith('demo', 'sales');
    const intake = manufacturingIntake();
    const created = await t.call('POST', '/api/companies/demo/cases', {
      token: sales,
      body: { intake },
    });
    const path = `/api/companies/demo/cases/${created.body.case.id}/actions`;
    const stale = await t.call('POST', path, {
      token: gmOffice,
      body: {
        transition: 'register',
        expectedVersion: 7,
        data: { investigatingDepartment: 'quality', onSiteInspection: false },
      },
    });
    expect(stale).toMatchObject({ status: 409, body: { error: { code: 'stale_version' } } });
    const wrongRole = await t.call('POST', path, {
      token: sales,
      body: {
        transition: 'register',
        data: { investigatingDepartment: 'quality', onSiteInspection: false },
      },
    });
    expect(wrongRole).toMatchObject({ status: 403, body: { error: { code: 'role_not_allowed' } } });
    const wrongState = await t.call('POST', path, {
      token: sales,
      body: { transition: 'reply', data: {} },
    });
    expect(wrongState).toMatchObject({ status: 409, body: { error: { code: 'wrong_state' } } });
    expect(
      (await t.call('GET', `/api/companies/demo/cases/${created.body.case.id}`, { token: sales }))
        .body.version,
    ).toBe(1);
  });
});
