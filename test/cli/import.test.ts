import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../server/adapters/files/csv.ts';
import { main } from '../../server/cli/kesu.ts';
import { ROOT } from '../support/policies.ts';
import { ADMIN_TOKEN, buildTestApp } from '../support/test-app.ts';

const MAPPING = join(ROOT, 'rulesets/cfpb-consumer/import/cfpb-mapping.json');
const HEADER =
  'Date received,Product,Sub-product,Issue,Sub-issue,Consumer complaint narrative,Company public response,Company,State,ZIP code,Tags,Consumer consent provided?,Submitted via,Date sent to company,Company response to consumer,Timely response?,Consumer disputed?,Complaint ID';

function record(id: string, changes: { received?: string; product?: string; sent?: string } = {}) {
  const product = changes.product ?? 'Debt collection';
  return `${changes.received ?? '2019-06-03'},${product},I do not know,Attempts to collect debt not owed,Debt is not yours,"They called me ""daily"",
even at work",,"EXAMPLE COLLECTIONS, LLC",TX,750XX,,Consent provided,Web,${changes.sent ?? '2019-06-05'},Closed with explanation,Yes,N/A,${id}`;
}

async function setUp(lines: string[]) {
  const t = await buildTestApp('2026-03-02T02:00:00.000Z');
  await t.call('POST', '/api/companies', {
    token: ADMIN_TOKEN,
    body: { id: 'bureau', name: 'CFPB', template: 'cfpb-consumer' },
  });
  const dir = mkdtempSync(join(tmpdir(), 'kesu-import-'));
  const file = join(dir, 'complaints.csv');
  writeFileSync(file, '\uFEFF' + [HEADER, ...lines].join('\r\n') + '\r\n');
  const fetchApp = ((input: string, init?: RequestInit) =>
    t.app.request(input, init)) as typeof fetch;
  const run = async (...flags: string[]) => {
    const tty = flags.includes('--tty');
    const args = flags.filter((flag) => flag !== '--tty');
    const out: string[] = [];
    const err: string[] = [];
    const drawn: string[] = [];
    const code = await main(
      ['import', file, '--company', 'bureau', '--mapping', MAPPING, '--lang', 'en', ...args],
      {
        out: (l) => out.push(l),
        err: (l) => err.push(l),
        env: { KESU_URL: 'http://kesu.test', KESU_TOKEN: ADMIN_TOKEN },
        fetch: fetchApp,
        ...(tty ? { progress: { isTTY: true, write: (s) => void drawn.push(s) } } : {}),
      },
    );
    return { code, out: out.join('\n'), err: err.join('\n'), tty: drawn.join('') };
  };
  const total = async () =>
    (await t.call('GET', '/api/companies/bureau/cases', { token: ADMIN_TOKEN })).body
      .total as number;
  return { t, dir, file, run, total };
}

describe('kesu import', () => {
  it('imports a file with quoted commas, quotes and line breaks, and a second run adds nothing', async () => {
    const { run, total } = await setUp([
      record('1001'),
      record('1002', { received: '2019-07-01', sent: '2019-07-01' }),
    ]);
    const first = await run();
    expect(first.out).toContain(
      'Checked 2 rows: 2 to import, 0 already imported (skipped), 0 rejected',
    );
    expect(first.out).toMatch(/Imported 2 rows, 0 already imported \(skipped\), 0 rejected/);
    expect(first.err).toContain('import: 2/2 rows');
    expect(first.code).toBe(0);
    expect(await total()).toBe(2);
    const again = await run();
    expect(again.out).toMatch(/Imported 0 rows, 2 already imported/);
    expect(await total()).toBe(2);
  });

  it('imports nothing when a row is refused, lists it naming the column, and writes the rejected rows beside the file', async () => {
    const { run, total, dir } = await setUp([
      record('1001'),
      record('1002', { product: 'Pet insurance' }),
      record('1003', { sent: '2019-06-01' }),
      record('1001', { received: '2019-08-01', sent: '2019-08-01' }),
      record('1004', { received: '6/3/2019' }),
    ]);
    const refused = await run();
    expect(refused.code).toBe(1);
    expect(refused.out).toContain(
      'Checked 5 rows: 1 to import, 0 already imported (skipped), 4 rejected',
    );
    expect(refused.out).toContain(
      'row 3  1002  [import_value_unmapped]  Product: "Pet insurance" is not among the mapping\'s values',
    );
    expect(refused.out).toContain(
      'row 4  1003  [import_time_invalid]  Date sent to company: sendToCompany at 2019-06-01T00:00:00-04:00 is before the received time (Date received) 2019-06-03T00:00:00-04:00: one of the two is wrong',
    );
    expect(refused.out).toContain(
      'row 5  1001  [import_key_duplicate]  Complaint ID: the key is also on row 2',
    );
    expect(refused.out).toContain(
      'row 6  1004  [import_time_invalid]  Date received: "6/3/2019" is not a time in the format YYYY-MM-DD',
    );
    expect(refused.out).toContain('Nothing was imported.');
    expect(await total()).toBe(0);
    const rejected = parseCsv(readFileSync(join(dir, 'complaints.rejected.csv'), 'utf8'));
    expect(rejected[0]).toEqual(['row', 'key', 'code', 'column', 'message']);
    expect(rejected.slice(1).map((r) => [r[0], r[2], r[3]])).toEqual([
      ['3', 'import_value_unmapped', 'Product'],
      ['4', 'import_time_invalid', 'Date sent to company'],
      ['5', 'import_key_duplicate', 'Complaint ID'],
      ['6', 'import_time_invalid', 'Date received'],
    ]);

    const skipped = await run('--skip-rejected', '--tty');
    expect(skipped.code).toBe(0);
    expect(skipped.out).toMatch(/Imported 1 rows, 0 already imported \(skipped\), 4 rejected/);
    // The dry run's bar, then the import's, each finished on its own line.
    expect(skipped.tty).toMatch(
      /^\r[█░]{30} dry run: 1\/1 rows checked [^\n]*\n\r[█░]{30} import: 1\/1 rows/,
    );
    expect(skipped.tty.endsWith('\n')).toBe(true);
    expect(await total()).toBe(1);
  });

  it('in a dry run checks everything and writes nothing', async () => {
    const { run, total } = await setUp([record('1001'), record('1002')]);
    const dry = await run('--dry-run');
    expect(dry.out).toContain('Checked 2 rows: 2 to import');
    expect(dry.out).toContain('Dry run: nothing was written');
    expect(dry.err).toMatch(/^dry run: 2\/2 rows checked \(\d+ rows\/s\)$/);
    expect(dry.code).toBe(0);
    expect(await total()).toBe(0);
  });

  it('names the columns a mapping expects and the file lacks, and exits 2', async () => {
    const { run, dir } = await setUp([record('1001')]);
    const mapping = JSON.parse(readFileSync(MAPPING, 'utf8'));
    mapping.receivedAt.column = 'Date Received';
    mapping.fields.state.column = 'US State';
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, JSON.stringify(mapping));
    const answer = await run('--mapping', broken);
    expect(answer.code).toBe(2);
    expect(answer.err).toContain('receivedAt.column: column "Date Received" is not in the file');
    expect(answer.err).toContain('fields.state.column: column "US State" is not in the file');
    expect(existsSync(join(dir, 'complaints.rejected.csv'))).toBe(false);
  });

  it('says which argument is missing', async () => {
    const out: string[] = [];
    const code = await main(['import', 'x.csv', '--lang', 'en'], {
      out: (l) => out.push(l),
      err: (l) => out.push(l),
      env: {},
    });
    expect(code).toBe(2);
    expect(out.join('\n')).toContain('--company <id> --mapping <map.json>');
  });
});
