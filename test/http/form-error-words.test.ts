// The API's form errors in words that name the field, in the caller's language (issue 13 item 8).
import { describe, expect, it } from 'vitest';
import { happy, toUtc } from '../support/happy-path.ts';
import { ADMIN_TOKEN, buildTestApp, manufacturingIntake } from '../support/test-app.ts';

const CASES = '/api/companies/demo/cases';

describe('form errors in words', () => {
  it.each([
    [
      'zh-CN',
      '联系电话格式不正确: 请填写 7 到 20 位数字, 可含 +、-、括号和空格',
      '电子邮箱不是有效的电子邮箱地址',
      '请填写联系人',
    ],
    [
      'en',
      'The phone number is not valid: 7 to 20 digits, with +, -, brackets or spaces',
      'E-mail is not a valid e-mail address',
      'Contact person is required',
    ],
  ])(
    'answers an intake with a bad phone, a bad e-mail and no contact with sentences in %s',
    async (lang, phone, email, contact) => {
      const t = await buildTestApp();
      const intake = manufacturingIntake();
      intake.customer.phone = 'call me';
      intake.customer.email = 'liming-at-hengda';
      delete (intake.customer as Record<string, unknown>).name;
      const response = await t.call('POST', CASES, {
        token: ADMIN_TOKEN,
        body: { intake },
        headers: { 'accept-language': lang },
      });
      expect(response.status).toBe(422);
      expect(response.body.error.code).toBe('form_invalid');
      expect(response.body.error.fieldErrors).toEqual(
        expect.arrayContaining([
          { property: '.customer.phone', message: phone },
          { property: '.customer.email', message: email },
          { property: '.customer.name', message: contact },
        ]),
      );
      expect(JSON.stringify(response.body.error.fieldErrors)).not.toMatch(
        /pattern|应当|must match/,
      );
    },
  );

  it.each([
    ['zh-CN', '请填写调查部门'],
    ['en', 'Investigating department is required'],
  ])('answers an action form without its required field in words (%s)', async (lang, words) => {
    const t = await buildTestApp();
    t.setNow(toUtc(happy.receivedAt));
    const created = await t.call('POST', CASES, {
      token: ADMIN_TOKEN,
      body: { intake: happy.intake },
    });
    expect(created.status).toBe(201);
    const office = await t.userWith('demo', 'gmOffice');
    const response = await t.call('POST', `${CASES}/${created.body.case.id}/actions`, {
      token: office,
      body: { transition: 'register', data: { onSiteInspection: false } },
      headers: { 'accept-language': lang },
    });
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('stage_form_invalid');
    expect(response.body.error.fieldErrors).toEqual([
      { property: '.investigatingDepartment', message: words },
    ]);
  });

  it.each([
    ['zh-CN', '请求缺少必需的字段', '缺少 intake (投诉登记表的内容)'],
    [
      'en',
      'The request is missing a required field',
      'intake (the complaint form’s content) is missing',
    ],
  ])('says a body without intake misses it (%s)', async (lang, message, field) => {
    const t = await buildTestApp();
    const response = await t.call('POST', CASES, {
      token: ADMIN_TOKEN,
      body: {},
      headers: { 'accept-language': lang },
    });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({
      code: 'body_field_missing',
      message,
      fieldErrors: [{ property: '.intake', message: field }],
    });
  });
});
