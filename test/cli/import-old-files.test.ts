/**
 * `kesu import` with the files old systems export: GBK from Chinese Excel, no key column, the date
 * and a 12-hour time in two columns, and several steps (signed, replied, archived) with times.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { main } from '../../server/cli/kesu.ts';
import { ROOT } from '../support/policies.ts';
import { ADMIN_TOKEN, buildTestApp } from '../support/test-app.ts';

const FIXTURES = join(ROOT, 'test/fixtures/import');
const EOMS = join(FIXTURES, 'eoms-tickets-gbk.csv');
const EOMS_MAPPING = join(FIXTURES, 'eoms-mapping.json');
const COMCAST = join(FIXTURES, 'comcast-no-key.csv');
const COMCAST_MAPPING = join(FIXTURES, 'comcast-mapping.json');
const COMCAST_REAL = join(ROOT, '../shared/data/telecom/Comcast_telecom_complaints_data.csv');

type Case = {
  receivedAt: string;
  state: string;
  clocks: Record<string, { startedAt: string; stoppedAt?: string; status: string }>;
  submissions: { form: string; at: string; data: Record<string, unknown> }[];
};

async function setUp() {
  const t = await buildTestApp('2026-03-02T02:00:00.000Z');
  await t.call('POST', '/api/companies', {
    token: ADMIN_TOKEN,
    body: { id: 'jiangmen', name: '江门代维', template: 'telecom-maintenance' },
  });
  const dir = mkdtempSync(join(tmpdir(), 'kesu-import-old-'));
  const fetchApp = ((input: string, init?: RequestInit) =>
    t.app.request(input, init)) as typeof fetch;
  /** Runs kesu import on a copy of `source` (the rejected rows are written beside it). */
  const run = async (source: string, mapping: string, ...flags: string[]) => {
    const file = join(dir, source.split('/').at(-1) as string);
    if (!existsSync(file)) copyFileSync(source, file);
    const out: string[] = [];
    const err: string[] = [];
    const args = ['import', file, '--company', 'jiangmen', '--mapping', mapping, ...flags];
    const code = await main(args.includes('--lang') ? args : [...args, '--lang', 'en'], {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      env: { KESU_URL: 'http://kesu.test', KESU_TOKEN: ADMIN_TOKEN },
      fetch: fetchApp,
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  const list = async () =>
    (await t.call('GET', '/api/companies/jiangmen/cases?pageSize=100', { token: ADMIN_TOKEN }))
      .body as { total: number; items: { id: string; number: string }[] };
  const byTicket = async () => {
    const result: Record<string, Case> = {};
    for (const item of (await list()).items) {
      const one = await t.call('GET', `/api/companies/jiangmen/cases/${item.id}`, {
        token: ADMIN_TOKEN,
      });
      const c = one.body.case as Case & { intake: { ticketNumber: string } };
      result[c.intake.ticketNumber] = c;
    }
    return result;
  };
  return { t, dir, run, list, byTicket };
}

describe('kesu import: encodings', () => {
  it('recognises a GBK file from Chinese Excel and imports its text intact', async () => {
    const { run, byTicket } = await setUp();
    const answer = await run(EOMS, EOMS_MAPPING);
    expect(answer.out).toContain(
      'Read the file as gb18030 (recognised; if that is wrong, name it with --encoding)',
    );
    expect(answer.out).toMatch(/Imported 3 rows, 0 already imported \(skipped\), 0 rejected/);
    expect(answer.code).toBe(0);
    const cases = await byTicket();
    expect(Object.keys(cases).sort()).toEqual(['JM24043000101', 'JM24050100201', 'JM24050200305']);
    const text = JSON.stringify(cases);
    expect(text).not.toContain('\uFFFD');
    expect(cases.JM24043000101).toMatchObject({
      intake: { customer: { name: '陈女士' }, description: '室内信号差，通话经常掉线' },
    });
  });

  it('says so in Chinese too', async () => {
    const { run } = await setUp();
    const answer = await run(EOMS, EOMS_MAPPING, '--dry-run', '--lang', 'zh-CN');
    expect(answer.out).toContain('按 gb18030 编码读取该文件');
    expect(answer.err).toContain('试运行检查: 3/3 行');
  });

  it('reads the file in the encoding named with --encoding, and refuses bytes that are not in it', async () => {
    const { run } = await setUp();
    const named = await run(EOMS, EOMS_MAPPING, '--encoding', 'gbk', '--dry-run');
    expect(named.out).toContain('Checked 3 rows: 3 to import');
    expect(named.out).not.toContain('recognised');
    const wrong = await run(EOMS, EOMS_MAPPING, '--encoding', 'utf-8');
    expect(wrong.code).toBe(2);
    expect(wrong.err).toMatch(
      /eoms-tickets-gbk\.csv: line 1 is not utf-8 text; name the file’s encoding with --encoding$/,
    );
    const unknown = await run(EOMS, EOMS_MAPPING, '--encoding', 'klingon');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('--encoding: unknown encoding klingon');
  });

  it('refuses a file that is neither UTF-8 nor GB, asking for its encoding, rather than import replacement characters', async () => {
    const { run, list } = await setUp();
    const answer = await run(join(FIXTURES, 'complaints-cp1252.csv'), COMCAST_MAPPING);
    expect(answer.code).toBe(2);
    expect(answer.err).toContain(
      'complaints-cp1252.csv: the file is not UTF-8 (line 2) and does not read as GBK/GB18030; name its encoding with --encoding (e.g. big5, windows-1252)',
    );
    expect((await list()).total).toBe(0);
  });
});

describe('kesu import: steps replayed from their time columns', () => {
  it('replays signing, the final reply and archiving each at its time, so every clock starts and stops as it did', async () => {
    const { run, byTicket } = await setUp();
    expect((await run(EOMS, EOMS_MAPPING)).code).toBe(0);
    const cases = await byTicket();
    const archived = cases.JM24043000101 as Case;
    expect(archived.receivedAt).toBe('2024-04-30T15:05:00+08:00');
    expect(archived.state).toBe('closed');
    expect(archived.clocks.sign).toMatchObject({
      startedAt: '2024-04-30T15:05:00+08:00',
      stoppedAt: '2024-04-30T16:10:00+08:00',
      status: 'stopped',
    });
    expect(archived.clocks.reply).toMatchObject({
      startedAt: '2024-04-30T15:05:00+08:00',
      stoppedAt: '2024-05-01T05:30:00+08:00',
    });
    expect(archived.submissions.map((s) => `${s.form}@${s.at}`)).toEqual([
      'sign@2024-04-30T16:10:00+08:00',
      'finalReply@2024-05-01T05:30:00+08:00',
      'archive@2024-05-02T10:00:00+08:00',
    ]);
    expect(archived.submissions[1]?.data).toEqual({
      result: 'coverage',
      content: '该处为弱覆盖区域，已申请新建室分站点',
    });
    // Signed only: handling, its reply clock still running from dispatch.
    const signed = cases.JM24050100201 as Case;
    expect(signed.state).toBe('handling');
    expect(signed.clocks.sign?.stoppedAt).toBe('2024-05-01T12:00:00+08:00');
    expect(signed.clocks.reply).toMatchObject({ status: 'running' });
    expect((cases.JM24050200305 as Case).state).toBe('replied');
  });

  it('names the time column of a step the case cannot take, and of a step before the one ahead of it', async () => {
    const { run, dir } = await setUp();
    const text = iconv.decode(readFileSync(EOMS), 'gbk').replace(
      // A fault needs the on-site test before archiving; a reply an hour before signing.
      '基站传输故障，已于凌晨修复并回访客户,',
      '基站传输故障，已于凌晨修复并回访客户,2024-05-03 09:00',
    );
    const file = join(dir, 'eoms-tickets-gbk.csv');
    writeFileSync(file, iconv.encode(text.replace('2024-05-01 05:30', '2024-04-30 15:10'), 'gbk'));
    const answer = await run(file, EOMS_MAPPING);
    expect(answer.code).toBe(1);
    expect(answer.out).toContain(
      'row 2  JM24043000101  [import_time_invalid]  最终回复时间: finalReply at 2024-04-30T15:10:00+08:00 is before sign (签收时间) 2024-04-30T16:10:00+08:00: one of the two is wrong',
    );
    expect(answer.out).toMatch(/row 4 {2}JM24050200305 {2}\[guard_failed\] {2}归档时间: /);
  });
});

describe('kesu import: no key column, date and 12-hour time in two columns', () => {
  it('keys rows by their number, reads hh:mm:ss AM/PM, and a second run adds nothing', async () => {
    const { run, byTicket, list, t } = await setUp();
    const first = await run(COMCAST, COMCAST_MAPPING);
    expect(first.out).toMatch(/Imported 4 rows, 0 already imported/);
    expect(first.code).toBe(0);
    const again = await run(COMCAST, COMCAST_MAPPING);
    expect(again.out).toMatch(/Imported 0 rows, 4 already imported/);
    const received: string[] = [];
    for (const item of (await list()).items) {
      const one = await t.call('GET', `/api/companies/jiangmen/cases/${item.id}`, {
        token: ADMIN_TOKEN,
      });
      received.push(`${one.body.importKey} ${one.body.case.receivedAt}`);
    }
    expect(received.sort()).toEqual([
      'comcast-2015:2 2015-04-22T15:53:50-04:00',
      'comcast-2015:3 2015-08-04T10:22:56-04:00',
      'comcast-2015:4 2015-04-18T00:05:47-04:00',
      'comcast-2015:5 2015-04-18T12:05:47-04:00',
    ]);
    expect(Object.keys(await byTicket())).toEqual(['none']);
  });

  it('keys rows by a combination of columns, where AM and PM tell two rows apart', async () => {
    const { run, dir } = await setUp();
    const mapping = JSON.parse(readFileSync(COMCAST_MAPPING, 'utf8'));
    mapping.externalKey = { columns: ['Date', 'Time', 'Zip code'] };
    const combined = join(dir, 'combined.json');
    writeFileSync(combined, JSON.stringify(mapping));
    const answer = await run(COMCAST, combined, '--dry-run');
    expect(answer.out).toContain(
      'Checked 4 rows: 4 to import, 0 already imported (skipped), 0 rejected',
    );
    mapping.externalKey = { columns: ['Date', 'Zip code'] };
    writeFileSync(combined, JSON.stringify(mapping));
    const clash = await run(COMCAST, combined, '--dry-run');
    expect(clash.out).toContain(
      'row 5  18-04-2015|30101  [import_key_duplicate]  Date + Zip code: the key is also on row 4',
    );
  });

  const real = existsSync(COMCAST_REAL);
  it.skipIf(!real)(
    real
      ? 'checks the whole real Comcast export (2,224 rows) in a dry run'
      : 'skipped: ../shared/data/telecom/Comcast_telecom_complaints_data.csv is not beside this checkout',
    async () => {
      const { run } = await setUp();
      const mapping = JSON.parse(readFileSync(COMCAST_MAPPING, 'utf8'));
      mapping.externalKey = 'Ticket #';
      const dir = mkdtempSync(join(tmpdir(), 'kesu-comcast-'));
      writeFileSync(join(dir, 'mapping.json'), JSON.stringify(mapping));
      const started = Date.now();
      const answer = await run(COMCAST_REAL, join(dir, 'mapping.json'), '--dry-run');
      const seconds = (Date.now() - started) / 1000;
      // Every Date + Time pair reads (12-hour times included); the only rows refused are the five
      // whose complaint text is shorter than the form's five characters.
      expect(answer.out).toContain(
        'Checked 2224 rows: 2219 to import, 0 already imported (skipped), 5 rejected',
      );
      const refused = [...answer.out.matchAll(/\[(\w+)\] {2}([^:]+):/g)].map(
        (m) => `${m[1]} ${m[2]}`,
      );
      expect(new Set(refused)).toEqual(new Set(['form_invalid Customer Complaint']));
      expect(answer.err).toMatch(/dry run: 2224\/2224 rows checked/);
      expect(seconds).toBeLessThan(120);
    },
    180_000,
  );
});
