/**
 * The CFPB sample (6,623 real complaints, ../shared/data/cfpb) imported through `kesu import` into a
 * company from the cfpb-consumer template on the real server: the monthly reports' counts per
 * product and month equal the counts taken from the CSV here (read with exceljs's own CSV reader,
 * not Kesu's parser), and running the import again adds nothing.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/policies.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';

const SAMPLE = join(ROOT, '../shared/data/cfpb/cfpb_complaints_sample_2015-2020.csv');
const MAPPING = join(ROOT, 'rulesets/cfpb-consumer/import/cfpb-mapping.json');
const HAS_SAMPLE = existsSync(SAMPLE);

/** Counts per month received and product id, straight from the CSV. */
async function countsFromCsv(): Promise<Map<string, Record<string, number>>> {
  const products = JSON.parse(readFileSync(MAPPING, 'utf8')).fields.product.values as Record<
    string,
    string
  >;
  const sheet = await new ExcelJS.Workbook().csv.readFile(SAMPLE, { map: (value) => value });
  const header = (sheet.getRow(1).values as string[]).map((v) =>
    String(v ?? '').replace(/^\uFEFF/, ''),
  );
  const dateColumn = header.indexOf('Date received');
  const productColumn = header.indexOf('Product');
  const counts = new Map<string, Record<string, number>>();
  for (let n = 2; n <= sheet.rowCount; n += 1) {
    const row = sheet.getRow(n);
    const month = String(row.getCell(dateColumn).value).slice(0, 7);
    const product = products[String(row.getCell(productColumn).value)] ?? '(unmapped)';
    const monthly = counts.get(month) ?? {};
    monthly[product] = (monthly[product] ?? 0) + 1;
    counts.set(month, monthly);
  }
  return counts;
}

function kesu(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/kesu.mjs'), ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('exit', (code) => resolve({ code, out, err }));
  });
}

describe('importing the CFPB sample through kesu import', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kesu-cfpb-'));
  let server: RunningServer | undefined;
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(!HAS_SAMPLE)(
    HAS_SAMPLE
      ? 'loads all 6,623 rows, the monthly reports count what the CSV counts, and a second run adds nothing'
      : 'skipped: ../shared/data/cfpb/cfpb_complaints_sample_2015-2020.csv is not beside this checkout',
    async () => {
      server = await startServer(join(dir, 'data'));
      const token = server.adminToken ?? '';
      const api = async (method: string, path: string, body?: unknown) => {
        const response = await fetch(`${server?.url}${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          ...(body ? { body: JSON.stringify(body) } : {}),
        });
        return response.json();
      };
      await api('POST', '/api/companies', {
        id: 'bureau',
        name: 'CFPB',
        template: 'cfpb-consumer',
      });
      const file = join(dir, 'complaints.csv');
      copyFileSync(SAMPLE, file);
      const args = ['import', file, '--company', 'bureau', '--mapping', MAPPING, '--lang', 'en'];
      const env = { KESU_URL: server.url, KESU_TOKEN: token };

      const first = await kesu(args, env);
      expect(first.err).toMatch(/import: 6623\/6623 rows/);
      expect(first.out).toContain(
        'Checked 6623 rows: 6623 to import, 0 already imported (skipped), 0 rejected',
      );
      expect(first.out).toMatch(
        /Imported 6623 rows, 0 already imported \(skipped\), 0 rejected, in [\d.]+ s \(\d+ rows\/s\)/,
      );
      expect(first.code).toBe(0);
      console.log(first.out.trim().split('\n').at(-1));

      const expected = await countsFromCsv();
      expect([...expected.values()].flatMap(Object.values).reduce((a, b) => a + b, 0)).toBe(6623);
      // Every month through the annual reports' monthly counts; a report reads every stored case,
      // so the monthly reports themselves are checked for 2020 and the busiest month.
      const years = [...new Set([...expected.keys()].map((month) => month.slice(0, 4)))];
      // byCategoryByMonth: dimension → value → month → count.
      const annual = new Map<string, Record<string, Record<string, number>>>();
      for (const year of years)
        annual.set(
          year,
          (await api('GET', `/api/companies/bureau/reports/${year}`)).byCategoryByMonth.product,
        );
      for (const [month, products] of expected) {
        const fromReport: Record<string, number> = {};
        for (const [product, months] of Object.entries(annual.get(month.slice(0, 4)) ?? {}))
          if (months[month]) fromReport[product] = months[month];
        expect({ month, products: fromReport }).toEqual({ month, products });
      }
      const busiest = [...expected].sort(
        ([, a], [, b]) =>
          Object.values(b).reduce((x, y) => x + y, 0) - Object.values(a).reduce((x, y) => x + y, 0),
      )[0]?.[0] as string;
      for (const month of [busiest, ...[...expected.keys()].filter((m) => m.startsWith('2020'))]) {
        const report = await api('GET', `/api/companies/bureau/reports/${month}`);
        expect({ month, products: report.byCategory.product }).toEqual({
          month,
          products: expected.get(month),
        });
      }

      const second = await kesu(args, env);
      expect(second.out).toContain(
        'Checked 6623 rows: 0 to import, 6623 already imported (skipped), 0 rejected',
      );
      expect(second.out).toMatch(/Imported 0 rows, 6623 already imported/);
      expect(second.code).toBe(0);
      const totals = await Promise.all(
        years.map(
          async (year) => (await api('GET', `/api/companies/bureau/reports/${year}`)).total,
        ),
      );
      expect(totals.reduce((a, b) => a + b, 0)).toBe(6623);
    },
    600_000,
  );
});
