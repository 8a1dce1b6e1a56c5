/**
 * compareOutcomes: what a case would have come to under the draft that it did not under the
 * version it ran under, as typed differences — one kind per thing an administrator asks about.
 */
import { isOpened, type ChainOutcome, type ReplayOutcome } from './replay-outcome.ts';

/** One difference between the two replays of a case. */
export type OutcomeDifference =
  | { kind: 'intake'; from: string | null; to: string | null }
  | {
      kind: 'category';
      dimension: string;
      from: string | null;
      to: string | null;
      fromSource: string;
      toSource: string;
    }
  | {
      kind: 'approvers';
      amount: number;
      added: string[];
      removed: string[];
      fromRow: string;
      toRow: string;
    }
  | {
      kind: 'clock';
      clock: string;
      fromDue: string | null;
      toDue: string | null;
      fromLate: boolean | null;
      toLate: boolean | null;
      fromSource: string;
      toSource: string;
    }
  | { kind: 'routing'; from: string; to: string }
  | { kind: 'notifications'; added: string[]; removed: string[] }
  | { kind: 'refused'; transition: string; at: string; from: string | null; to: string | null }
  | { kind: 'state'; from: string; to: string };

/** The kinds of difference, in the order reports show them. */
export type DifferenceKind = OutcomeDifference['kind'];

const without = (a: string[], b: string[]) => a.filter((x) => !b.includes(x));

function chainDifferences(before: ChainOutcome[], after: ChainOutcome[]): OutcomeDifference[] {
  const differences: OutcomeDifference[] = [];
  for (let i = 0; i < Math.max(before.length, after.length); i += 1) {
    const from = before[i];
    const to = after[i];
    const added = without(to?.roles ?? [], from?.roles ?? []);
    const removed = without(from?.roles ?? [], to?.roles ?? []);
    if (added.length === 0 && removed.length === 0) continue;
    differences.push({
      kind: 'approvers',
      amount: (to ?? from)?.amount ?? 0,
      added,
      removed,
      fromRow: from?.row ?? '',
      toRow: to?.row ?? '',
    });
  }
  return differences;
}

function categoryDifferences(
  before: Record<string, { value: string; source: string }>,
  after: Record<string, { value: string; source: string }>,
): OutcomeDifference[] {
  const dimensions = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return dimensions.flatMap((dimension): OutcomeDifference[] => {
    const from = before[dimension];
    const to = after[dimension];
    if (from?.value === to?.value) return [];
    return [
      {
        kind: 'category',
        dimension,
        from: from?.value ?? null,
        to: to?.value ?? null,
        fromSource: from?.source ?? '',
        toSource: to?.source ?? '',
      },
    ];
  });
}

function clockDifferences(
  before: Record<string, { due: string; late: boolean; source?: string }>,
  after: Record<string, { due: string; late: boolean; source?: string }>,
): OutcomeDifference[] {
  const clocks = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return clocks.flatMap((clock): OutcomeDifference[] => {
    const from = before[clock];
    const to = after[clock];
    if (from?.due === to?.due && from?.late === to?.late) return [];
    return [
      {
        kind: 'clock',
        clock,
        fromDue: from?.due ?? null,
        toDue: to?.due ?? null,
        fromLate: from?.late ?? null,
        toLate: to?.late ?? null,
        fromSource: from?.source ?? '',
        toSource: to?.source ?? '',
      },
    ];
  });
}

function refusedDifferences(before: ReplayOutcome, after: ReplayOutcome): OutcomeDifference[] {
  const key = (r: { transition: string; at: string }) => `${r.at} ${r.transition}`;
  const from = new Map(before.refused.map((r) => [key(r), r]));
  const to = new Map(after.refused.map((r) => [key(r), r]));
  const keys = [...new Set([...from.keys(), ...to.keys()])];
  return keys.flatMap((k): OutcomeDifference[] => {
    const a = from.get(k);
    const b = to.get(k);
    const any = (a ?? b) as { transition: string; at: string };
    if (a?.code === b?.code) return [];
    return [
      {
        kind: 'refused',
        transition: any.transition,
        at: any.at,
        from: a?.code ?? null,
        to: b?.code ?? null,
      },
    ];
  });
}

/** The differences between the case's replay under the version it ran under and under the draft. */
export function compareOutcomes(before: ReplayOutcome, after: ReplayOutcome): OutcomeDifference[] {
  if (!isOpened(before) || !isOpened(after)) {
    const from = isOpened(before) ? null : before.refusedIntake;
    const to = isOpened(after) ? null : after.refusedIntake;
    return from === to ? [] : [{ kind: 'intake', from, to }];
  }
  const differences: OutcomeDifference[] = [
    ...categoryDifferences(before.categories, after.categories),
    ...chainDifferences(before.chains, after.chains),
    ...clockDifferences(before.clocks, after.clocks),
  ];
  if (before.assignee !== after.assignee)
    differences.push({ kind: 'routing', from: before.assignee, to: after.assignee });
  const added = without(after.notifications, before.notifications);
  const removed = without(before.notifications, after.notifications);
  if (added.length > 0 || removed.length > 0)
    differences.push({ kind: 'notifications', added, removed });
  differences.push(...refusedDifferences(before, after));
  if (before.state !== after.state)
    differences.push({ kind: 'state', from: before.state, to: after.state });
  return differences;
}
