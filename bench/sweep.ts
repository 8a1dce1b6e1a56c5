/**
 * npm run bench:sweep [N] — the clock sweep over N stored cases (default 5,000) that are all overdue (the
 * first pass after a long outage), then a second pass with nothing left to raise.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sweepAll } from '../server/app/sweep/sweep.ts';
import { seedDataDir } from './seed-cases.ts';

const count = Number(process.argv[2] ?? 5000);
const dir = mkdtempSync(join(tmpdir(), 'kesu-sweep-'));
try {
  const { deps } = await seedDataDir(join(dir, 'data'), count);
  for (const pass of ['first', 'second']) {
    const started = performance.now();
    const result = await sweepAll(deps);
    console.log(
      `${pass} sweep ${JSON.stringify(result)}: ${(performance.now() - started).toFixed(0)} ms`,
    );
  }
  await deps.store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
