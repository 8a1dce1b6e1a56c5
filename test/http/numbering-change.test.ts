/** A change of numbering over HTTP: the check warns before publishing, and no number is given twice. */
import { describe, expect, it } from 'vitest';
import { starterIntake } from '../support/policies.ts';
import { acme, DRAFT, draftVersion } from './policy-draft-fixtures.ts';

describe('a change of numbering that can repeat a number', () => {
  it('is warned of at check and publish (zh-CN and en), and the runtime still never gives a number twice', async () => {
    const { t, admin } = await acme();
    t.setNow('2026-03-02T02:00:00.000Z');
    const clerk = await t.userWith('acme', 'clerk');
    const intake = async () =>
      (
        await t.call('POST', '/api/companies/acme/cases', {
          token: clerk,
          body: { intake: starterIntake() },
        })
      ).body.case.number as string;
    expect(await intake()).toBe('2603001');
    const latest = (
      await t.call('GET', '/api/companies/acme/policy/versions/latest', { token: admin })
    ).body.policy;
    const saveDraft = async (numbering: Record<string, string>) =>
      t.call('PUT', DRAFT, {
        token: admin,
        body: {
          document: { ...latest, numbering },
          expectedVersion: await draftVersion(t, admin),
        },
      });
    const check = (lang: string) =>
      t.call('POST', `${DRAFT}/check`, { token: admin, headers: { 'accept-language': lang } });

    expect((await saveDraft({ pattern: 'YYMMCCC', reset: 'year' })).status).toBe(200);
    const zh = await check('zh-CN');
    expect(zh.body).toMatchObject({ ok: true, problems: [] });
    expect(zh.body.warnings).toEqual([
      expect.objectContaining({
        path: '/numbering/pattern',
        code: 'numbering_may_repeat',
        message: expect.stringContaining('例如 [A]YYMMCCC'),
      }),
    ]);
    expect((await check('en')).body.warnings[0].message).toContain(
      "from version 1's YYMMCCC (reset monthly) to YYMMCCC (reset yearly)",
    );

    const published = await t.call('POST', '/api/companies/acme/policy/publish', {
      token: admin,
      body: { note: '按年编号' },
    });
    expect(published.status).toBe(201);
    expect(published.body.warnings.map((w: { code: string }) => w.code)).toEqual([
      'numbering_may_repeat',
    ]);
    // The year's first serial would write 2603001 again: it is skipped.
    expect(await intake()).toBe('2603002');
    expect((await check('en')).body.warnings).toEqual([]);

    await saveDraft({ pattern: '[A]YYMMCCC', reset: 'year' });
    expect((await check('en')).body.warnings).toEqual([]);
  });
});
