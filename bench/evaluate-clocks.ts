/**
 * Clocks and calendars alone, in process: the cost of scheduling a newly opened case's clocks
 * (scheduleClocks: due times, warning and escalation moments) and of reading them with their
 * explanations (readClock, what "why is this due then?" shows), per case, on a template's cases
 * opened across two years of receipt times, in CPU µs. `node --import tsx bench/evaluate-clocks.ts [template]`
 * prints the table; `measureClocks` is what a wider benchmark calls.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledTemplates } from '../server/adapters/files/bundled-templates.ts';
import { createAjvValidator } from '../server/adapters/validation/ajv-validator.ts';
import {
  openCase,
  readClock,
  scheduleClocks,
  startClock,
  type Case,
  type Policy,
} from '../server/domain/index.ts';
import { formatInstant } from '../server/domain/time/time.ts';
import { ROOT } from './seed-cases.ts';

/** Microseconds per case over the rounds: the median round, the fastest and the slowest. */
export type Spread = { median: number; min: number; max: number };

export type ClockMeasurement = {
  template: string;
  cases: number;
  rounds: number;
  /** scheduleClocks on a case whose clocks have just started (no schedule yet), µs per case. */
  schedule: Spread;
  /** readClock of every clock of a case, a week after it opened, µs per case. */
  read: Spread;
  /** The first scheduleClocks in the process (cold calendar tables), µs. */
  firstSchedule: number;
};

const DAY_MS = 86_400_000;

function spreadOf(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    median: sorted[Math.floor(sorted.length / 2)] ?? NaN,
    min: sorted[0] ?? NaN,
    max: sorted.at(-1) ?? NaN,
  };
}

/** The intake of the template's first example that has one. */
function exampleIntake(template: string): Record<string, unknown> {
  const dir = join(ROOT, 'rulesets', template, 'examples');
  const file =
    template === 'manufacturing-quality' ? '02-approval-bands.json' : '01-numbering.json';
  const examples = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { intake?: object }[];
  const intake = examples.find((example) => example.intake)?.intake;
  if (!intake) throw new Error(`no example intake in ${template}/examples/${file}`);
  return intake as Record<string, unknown>;
}

/** `count` cases opened at receipt times spread over 2025–2026, their clocks not yet scheduled. */
async function openedCases(policy: Policy, template: string, count: number): Promise<Case[]> {
  const validator = createAjvValidator();
  const intake = exampleIntake(template);
  const first = Date.parse('2025-01-01T00:00:00Z');
  const cases: Case[] = [];
  for (let i = 0; i < count; i += 1) {
    // A spread of days and minutes (a prime step), so cases land on every kind of day and hour.
    const receivedMs = first + ((i * 7_919 * 60_000) % (730 * DAY_MS));
    const opened = await openCase(
      { policy, validator },
      {
        id: `c${i}`,
        number: `B-${i}`,
        receivedAt: formatInstant(receivedMs, policy.timeZone),
        intake,
        actor: { user: 'bench', roles: [] },
      },
    );
    // The clocks as applyClockTriggers hands them to scheduleClocks: just started, no schedule.
    const { categories } = opened.case;
    const clocks = Object.fromEntries(
      Object.values(opened.case.clocks).map((clock) => [
        clock.id,
        startClock(policy, clock.id, categories, clock.startedAt),
      ]),
    );
    cases.push({ ...opened.case, clocks });
  }
  return cases;
}

// CPU time rather than wall time: on a shared machine the process waits for a core between slices.
function timeRound(cases: Case[], work: (current: Case) => void): number {
  const started = process.cpuUsage();
  for (const current of cases) work(current);
  const { user, system } = process.cpuUsage(started);
  return (user + system) / cases.length;
}

/**
 * Schedules and reads the clocks of `cases` cases of a bundled template, `rounds` times each.
 * Calendar tables are warm after the first case, as in a running server.
 */
export async function measureClocks(
  template = 'manufacturing-quality',
  { cases: count = 2000, rounds = 15 } = {},
): Promise<ClockMeasurement> {
  const policy = bundledTemplates().load(template) as Policy;
  const cases = await openedCases(policy, template, count);
  const coldStart = performance.now();
  scheduleClocks(bundledTemplates().load(template) as Policy, cases[0]!);
  const firstSchedule = (performance.now() - coldStart) * 1000;
  const schedule: number[] = [];
  const read: number[] = [];
  let sink = 0;
  for (let round = 0; round < rounds; round += 1) {
    schedule.push(
      timeRound(cases, (current) => {
        sink += Object.keys(scheduleClocks(policy, current).clocks).length;
      }),
    );
    read.push(
      timeRound(cases, (current) => {
        const atMs = Date.parse(current.receivedAt) + 7 * DAY_MS;
        for (const clock of Object.values(current.clocks))
          sink += readClock(policy, clock, atMs).explanation.intervals.length;
      }),
    );
  }
  if (sink < 0) console.log(sink);
  return {
    template,
    cases: count,
    rounds,
    schedule: spreadOf(schedule),
    read: spreadOf(read),
    firstSchedule,
  };
}

const format = ({ median, min, max }: Spread) =>
  `${median.toFixed(1)} µs (${min.toFixed(1)}–${max.toFixed(1)})`;

if (process.argv[1]?.endsWith('evaluate-clocks.ts')) {
  const result = await measureClocks(process.argv[2] ?? 'manufacturing-quality');
  console.log(
    `${result.template}: ${result.cases} cases × ${result.rounds} rounds, per case, median (min–max)`,
  );
  console.log(`  scheduleClocks          ${format(result.schedule)}`);
  console.log(`  readClock (all clocks)  ${format(result.read)}`);
  console.log(`  first scheduleClocks    ${result.firstSchedule.toFixed(0)} µs (cold)`);
}
