/**
 * A backtest's report, built one case at a time in bounded memory: totals, a table per kind of
 * difference (counts, never the cases), the first affected cases with their drill-down, and the
 * assessment (penalty) rows that change, from per person-month counts.
 */
import type { Case } from '../../domain/case/case.ts';
import type {
  AffectedCase,
  BacktestReport,
  BacktestTables,
} from '../../domain/backtest/backtest-summary.ts';
import type { OutcomeDifference } from '../../domain/backtest/compare-outcomes.ts';
import type { ReplayOutcome } from '../../domain/backtest/replay-outcome.ts';
import type { Policy } from '../../domain/policy/format.ts';
import { assessmentRule } from '../reports/assess-people.ts';
import type { CaseHead } from '../ports/audit-trail.ts';
import { replaySide, type ReplaySide } from './backtest-replay.ts';

/** How many affected cases a report lists (the total is counted in full). */
export const AFFECTED_LISTED = 500;
const ERRORS_LISTED = 50;

type Side = 'from' | 'to';

/** Collects cases into a report; `finish` turns the counts into tables. */
export class BacktestCollector {
  private readonly totals = { replayed: 0, changed: 0, unchanged: 0, errors: 0 };
  private readonly versions = new Set<number>();
  private readonly rows = new Map<string, Record<string, unknown> & { cases: number }>();
  private readonly clocks = new Map<string, BacktestTables['clocks'][number]>();
  private readonly valid = { from: new Map<string, number>(), to: new Map<string, number>() };
  private readonly affected: AffectedCase[] = [];
  private readonly errors: BacktestReport['errors'] = [];

  /** Counts one replayed case. */
  add(stored: CaseHead, before: Replayed, after: Replayed, differences: OutcomeDifference[]) {
    this.totals.replayed += 1;
    this.versions.add(stored.policyVersion);
    this.countValid('from', before, stored.month);
    this.countValid('to', after, stored.month);
    if (differences.length === 0) {
      this.totals.unchanged += 1;
      return;
    }
    this.totals.changed += 1;
    for (const difference of differences) this.countDifference(difference);
    if (this.affected.length < AFFECTED_LISTED) {
      if (!before.outcome || !after.outcome)
        throw new Error(`case ${stored.case.id} was replayed without its outcomes`);
      this.affected.push({
        id: stored.case.id,
        number: stored.case.number,
        receivedAt: stored.case.receivedAt,
        policyVersion: stored.policyVersion,
        differences,
        before: before.outcome,
        after: after.outcome,
      });
    }
  }

  /** Whether the report still lists affected cases (and so needs their outcomes). */
  get listing(): boolean {
    return this.affected.length < AFFECTED_LISTED;
  }

  /** Counts a case that could not be replayed. */
  fail(stored: CaseHead, message: string) {
    this.totals.errors += 1;
    if (this.errors.length < ERRORS_LISTED)
      this.errors.push({ id: stored.case.id, number: stored.case.number, message });
  }

  private countValid(side: Side, replayed: Replayed, month: string) {
    const person = 'counted' in replayed ? replayed.counted : replaySide(replayed).counted;
    if (person === null) return;
    const key = `${person}\u0000${month}`;
    this.valid[side].set(key, (this.valid[side].get(key) ?? 0) + 1);
  }

  private bump(table: string, row: Record<string, unknown>, amount?: number) {
    const key = `${table}\u0000${JSON.stringify(row)}`;
    const seen = this.rows.get(key) ?? { ...row, cases: 0, table };
    seen.cases += 1;
    if (amount !== undefined) {
      seen.minAmount = Math.min((seen.minAmount as number | undefined) ?? amount, amount);
      seen.maxAmount = Math.max((seen.maxAmount as number | undefined) ?? amount, amount);
    }
    this.rows.set(key, seen);
  }

  private countDifference(d: OutcomeDifference) {
    switch (d.kind) {
      case 'category':
        return this.bump('categories', { dimension: d.dimension, from: d.from, to: d.to });
      case 'approvers':
        for (const [change, roles] of [
          ['added', d.added],
          ['removed', d.removed],
        ] as const)
          for (const role of roles)
            this.bump('approvers', { role, change, fromRow: d.fromRow, toRow: d.toRow }, d.amount);
        return;
      case 'clock':
        return this.countClock(d);
      case 'routing':
        return this.bump('routing', { from: d.from, to: d.to });
      case 'notifications':
        for (const notification of d.added)
          this.bump('notifications', { notification, change: 'added' });
        for (const notification of d.removed)
          this.bump('notifications', { notification, change: 'removed' });
        return;
      case 'refused':
        return this.bump('refused', { transition: d.transition, from: d.from, to: d.to });
      case 'state':
        return this.bump('states', { from: d.from, to: d.to });
      case 'intake':
        return this.bump('intake', { from: d.from, to: d.to });
    }
  }

  private countClock(d: Extract<OutcomeDifference, { kind: 'clock' }>) {
    const row = this.clocks.get(d.clock) ?? {
      clock: d.clock,
      dueChanged: 0,
      lateToOnTime: 0,
      onTimeToLate: 0,
    };
    if (d.fromDue !== d.toDue) row.dueChanged += 1;
    if (d.fromLate === true && d.toLate === false) row.lateToOnTime += 1;
    if (d.fromLate === false && d.toLate === true) row.onTimeToLate += 1;
    this.clocks.set(d.clock, row);
  }

  private assessment(before: Policy, after: Policy): BacktestTables['assessment'] {
    const keys = new Set([...this.valid.from.keys(), ...this.valid.to.keys()]);
    const side = (policy: Policy, count: number) => {
      const rule = assessmentRule(policy, count);
      return { count, rule: rule?.id ?? null, penaltyAmount: rule?.penaltyAmount ?? null };
    };
    return [...keys].flatMap((key) => {
      const [person = '', month = ''] = key.split('\u0000');
      const from = side(before, this.valid.from.get(key) ?? 0);
      const to = side(after, this.valid.to.get(key) ?? 0);
      const same = from.rule === to.rule && from.penaltyAmount === to.penaltyAmount;
      return same ? [] : [{ person, month, from, to }];
    });
  }

  /** The report; assessment rows are judged by `before` (the latest version) and `after` (the draft). */
  finish(before: Policy, after: Policy): BacktestReport {
    const table = <T>(name: string) =>
      [...this.rows.values()]
        .filter((row) => row.table === name)
        .map(({ table: _table, ...row }) => row as unknown as T)
        .sort((a, b) => (b as { cases: number }).cases - (a as { cases: number }).cases);
    return {
      totals: { ...this.totals },
      versions: [...this.versions].sort((a, b) => a - b),
      tables: {
        categories: table('categories'),
        approvers: table('approvers'),
        clocks: [...this.clocks.values()],
        routing: table('routing'),
        notifications: table('notifications'),
        refused: table('refused'),
        states: table('states'),
        intake: table('intake'),
        assessment: this.assessment(before, after),
      },
      affected: this.affected,
      errors: this.errors,
    };
  }
}

/** A replay as the collector takes it: whole, or as a side (what a worker thread sends back). */
export type Replayed = { case: Case | null; outcome: ReplayOutcome } | ReplaySide;
