/**
 * `node --import tsx bench/scale-seed.ts <dataDir | postgres://…> <count>` — seeds one embedded data
 * directory, or one PostgreSQL database, for the scale benchmark in its own process (so the
 * benchmark's own memory stays small), each case with its intake audit entry, 256 inserts in flight;
 * progress on stderr, then one JSON line on stdout.
 */
import { seedDataDir, type BenchStore } from './seed-cases.ts';

const [where, countText] = process.argv.slice(2);
const count = Number(countText);
if (!where || !Number.isInteger(count) || count <= 0) {
  console.error('usage: scale-seed.ts <dataDir | postgres://…> <count>');
  process.exit(2);
}
const target: BenchStore = /^postgres(ql)?:\/\//.test(where)
  ? { kind: 'postgres', url: where }
  : { kind: 'embedded', dataDir: where };
const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
const step = Math.max(1000, Math.round(count / 10 / 1000) * 1000);
const seeded = await seedDataDir(target, count, {
  audit: true,
  inFlight: 256,
  onProgress: (done) => {
    if (done % step === 0) console.error(`  seeding ${count}: ${done} stored, ${seconds()} s`);
  },
});
await seeded.deps.store.close();
const { token, caseId, recentCaseId, busiestMonth } = seeded;
const seedSeconds = Number(seconds());
console.log(JSON.stringify({ token, caseId, recentCaseId, busiestMonth, seconds: seedSeconds }));
