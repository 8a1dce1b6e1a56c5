/** The CSV report in the reader's language: labels by Accept-Language or ?lang=, codes beside them. */
import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, buildTestApp, manufacturingIntake } from '../support/test-app.ts';

/** The demo company (manufacturing template) with one complaint in March 2026. */
async function demoWithCase() {
  const t = await buildTestApp('2026-03-10T02:00:00.000Z');
  const created = await t.call('POST', '/api/companies/demo/cases', {
    token: ADMIN_TOKEN,
    body: { intake: manufacturingIntake() },
  });
  expect(created.status).toBe(201);
  const csv = async (query = '', headers: Record<string, string> = {}) => {
    const response = await t.app.request(`/api/companies/demo/reports/2026-03.csv${query}`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, ...headers },
    });
    const bytes = new Uint8Array(await response.arrayBuffer());
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    return { response, bytes, text, rows: text.replace(/^\uFEFF/, '').split('\r\n') };
  };
  return { t, csv };
}

describe('the CSV report in the reader’s language', () => {
  it.each([
    [
      'Accept-Language en',
      '',
      { 'accept-language': 'en-GB,en;q=0.9' },
      'en',
      [
        'Section,Item (months in Asia/Shanghai time),Value,Section code,Item code',
        'Complaints,,1,total,',
        'Category: Severity,General,1,category:severity,general',
        'Category: Channel,Phone,1,category:channel,phone',
        'State,To be registered,1,state,registering',
        'Department,General manager office (production control),1,department,gmOffice',
        'Handling time (h),Average,,handlingHours,average',
      ],
    ],
    [
      'Accept-Language zh-CN',
      '',
      { 'accept-language': 'zh-CN' },
      'zh-CN',
      [
        '分项,项目（月份按 Asia/Shanghai 时间）,数值,分项代码,项目代码',
        '投诉总数,,1,total,',
        '分类：严重程度,一般,1,category:severity,general',
        '分类：反映方式,电话,1,category:channel,phone',
        '状态,待登记,1,state,registering',
        '责任部门,总经理室生产管理室,1,department,gmOffice',
        '处理时长（小时）,平均,,handlingHours,average',
      ],
    ],
    [
      '?lang=en over a Chinese Accept-Language',
      '?lang=en',
      { 'accept-language': 'zh-CN' },
      'en',
      [
        'Section,Item (months in Asia/Shanghai time),Value,Section code,Item code',
        'Month,2026-03,1,month,2026-03',
      ],
    ],
    [
      '?lang=zh-CN over an English Accept-Language',
      '?lang=zh-CN',
      { 'accept-language': 'en' },
      'zh-CN',
      [
        '分项,项目（月份按 Asia/Shanghai 时间）,数值,分项代码,项目代码',
        '月份,2026-03,1,month,2026-03',
      ],
    ],
  ])('speaks by %s', async (_description, query, headers, lang, expected) => {
    const { csv } = await demoWithCase();
    const { response, bytes, rows } = await csv(query, headers);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-language')).toBe(lang);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    for (const row of expected) expect(rows).toContain(row);
  });

  it('writes a timely rate under the clock’s label, with its counts, codes beside', async () => {
    const { t, csv } = await demoWithCase();
    t.setNow('2026-06-01T02:00:00.000Z');
    const { rows } = await csv('?lang=en');
    const timely = rows.filter((row) => row.includes(',timelyRate:'));
    expect(timely.length).toBeGreaterThan(0);
    expect(timely.length % 3).toBe(0);
    expect(timely[0]).toMatch(/^Timely rate: [^,]+,Counted,1,timelyRate:\w+,counted$/);
    expect(timely).toContainEqual(expect.stringMatching(/,Rate,0,timelyRate:\w+,rate$/));
  });

  it('keeps a person named like a formula as text, not a formula Excel would run', async () => {
    const { t, csv } = await demoWithCase();
    const user = await t.call('POST', '/api/companies/demo/users', {
      token: ADMIN_TOKEN,
      body: { name: '=HYPERLINK("http://example.com","x")', roles: ['sales'] },
    });
    const token = await t.call('POST', `/api/users/${user.body.id}/tokens`, {
      token: ADMIN_TOKEN,
      body: {},
    });
    const created = await t.call('POST', '/api/companies/demo/cases', {
      token: token.body.token,
      body: { intake: manufacturingIntake() },
    });
    expect(created.status).toBe(201);
    const { rows } = await csv('?lang=en');
    const person = rows.find((row) => row.startsWith('Person,') && row.includes('HYPERLINK'));
    expect(person).toBe(
      `Person,"'=HYPERLINK(""http://example.com"",""x"")",1,person,"'=HYPERLINK(""http://example.com"",""x"")"`,
    );
  });

  it('refuses a language it does not speak, naming the parameter', async () => {
    const { csv } = await demoWithCase();
    const { response, text } = await csv('?lang=fr');
    expect(response.status).toBe(400);
    expect(JSON.parse(text).error).toMatchObject({
      code: 'invalid_request',
      fieldErrors: [{ property: '.lang' }],
    });
  });
});
