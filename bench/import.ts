/**
 * npm run bench:import [file.csv] [mapping.json] — the import use case over the lowdb store in this
 * process (no HTTP): the CFPB sample (default) mapped, checked as a dry run, then imported, in
 * batches of 250 as `kesu import` sends them.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTableFile } from '../server/adapters/files/table-file.ts';
import { createCompany } from '../server/app/companies/companies.ts';
import { importCases } from '../server/app/import/import-cases.ts';
import { mapRow, parseMapping, type ImportRow } from '../server/app/import/import-mapping.ts';
import { openBenchApp } from './seed-cases.ts';

const ROOT = new URL('../', import.meta.url).pathname;
const file =
  process.argv[2] ?? join(ROOT, '../shared/data/cfpb/cfpb_complaints_sample_2015-2020.csv');
const mappingFile =
  process.argv[3] ?? join(ROOT, 'rulesets/cfpb-consumer/import/cfpb-mapping.json');
const dir = mkdtempSync(join(tmpdir(), 'kesu-import-'));
try {
  let started = performance.now();
  const lap = (what: string, rows: number) => {
    const ms = performance.now() - started;
    console.log(`${what}: ${ms.toFixed(0)} ms (${Math.round((rows / ms) * 1000)} rows/s)`);
    started = performance.now();
  };
  const table = await readTableFile(file);
  const mapping = parseMapping(JSON.parse(readFileSync(mappingFile, 'utf8')), table.columns);
  const rows = table.rows.flatMap((row) => {
    const mapped = mapRow(mapping, row);
    return 'ok' in mapped ? [mapped.ok] : [];
  });
  lap(`read and map ${table.rows.length} rows`, table.rows.length);
  const { store, deps, admin } = await openBenchApp(join(dir, 'data'), 'en');
  await createCompany(deps, admin, { id: 'bureau', name: 'CFPB', template: 'cfpb-consumer' });
  const run = async (dryRun: boolean) => {
    const totals = { imported: 0, alreadyImported: 0, rejected: 0 };
    for (let i = 0; i < rows.length; i += 250) {
      const batch: ImportRow[] = rows.slice(i, i + 250);
      const result = await importCases(deps, admin, 'bureau', {
        rows: batch,
        dryRun,
        ...(mapping.sentAt ? { sentTransition: mapping.sentAt.transition } : {}),
      });
      totals.imported += result.imported;
      totals.alreadyImported += result.alreadyImported;
      totals.rejected += result.rejected.length;
    }
    return totals;
  };
  console.log(JSON.stringify(await run(true)));
  lap('dry run', rows.length);
  console.log(JSON.stringify(await run(false)));
  lap('import', rows.length);
  console.log(JSON.stringify(await run(false)));
  lap('import again (all skipped)', rows.length);
  await store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
