/**
 * Policy checks of the approval matrix (核决权限): references, empty bands, overlaps, gaps,
 * authority, and a role repeated in a chain when four eyes is off.
 */
import { matchesCategories, requiresFourEyes } from '../../approvals/approvals.ts';
import type { ProblemSink } from './check-sink.ts';
import type { ApprovalRow, CategoryMatch, Policy } from '../format.ts';

const MAX_COMBINATIONS = 4096;
const UNSET = '(unset)';

/** Checks every matrix row, then the bands of every combination of the categories rows depend on. */
export function checkApprovals(policy: Policy, sink: ProblemSink): void {
  const seen = new Set<string>();
  policy.approvals.rows.forEach((row, index) => {
    const at = ['approvals', 'rows', index];
    if (seen.has(row.id)) sink.add([...at, 'id'], 'duplicate_id', { id: row.id });
    seen.add(row.id);
    checkCategoryMatch(policy, row.when, [...at, 'when'], sink);
    row.chain.forEach((role, i) => {
      if (!policy.roles[role]) sink.add([...at, 'chain', i], 'unknown_role', { role });
      // Without four eyes one person holding the role signs both steps: the repeat reviews nothing.
      if (!requiresFourEyes(policy) && row.chain.indexOf(role) < i)
        sink.add([...at, 'chain', i], 'chain_repeats_role', { role });
    });
    if (row.max !== undefined && row.max <= row.min) {
      sink.add([...at, 'max'], 'band_empty', { min: row.min, max: row.max });
    }
    checkAuthority(policy, row, at, sink);
  });
  checkBands(policy, sink);
}

/** Checks that a table row's category conditions name real dimensions and values. */
export function checkCategoryMatch(
  policy: Policy,
  when: CategoryMatch | undefined,
  at: (string | number)[],
  sink: ProblemSink,
): void {
  for (const [dimension, values] of Object.entries(when ?? {})) {
    const definition = policy.categories[dimension];
    if (!definition) {
      sink.add([...at, dimension], 'unknown_category', { dimension });
      continue;
    }
    values.forEach((value, i) => {
      if (!definition.values[value])
        sink.add([...at, dimension, i], 'unknown_category_value', { dimension, value });
    });
  }
}

function checkAuthority(
  policy: Policy,
  row: ApprovalRow,
  at: (string | number)[],
  sink: ProblemSink,
) {
  const last = row.chain[row.chain.length - 1];
  const role = last === undefined ? undefined : policy.roles[last];
  if (!role || role.authorityLimit === undefined) return;
  if (row.max === undefined || role.authorityLimit < row.max) {
    sink.add([...at, 'chain', row.chain.length - 1], 'authority_too_low', {
      role: last,
      limit: role.authorityLimit,
      max: row.max ?? '∞',
    });
  }
}

/** Every combination of values of the dimensions that rows depend on. */
function combinations(policy: Policy): Record<string, string>[] {
  const dimensions = [
    ...new Set(policy.approvals.rows.flatMap((row) => Object.keys(row.when ?? {}))),
  ].filter((dimension) => policy.categories[dimension]);
  let result: Record<string, string>[] = [{}];
  for (const dimension of dimensions) {
    const definition = policy.categories[dimension];
    if (!definition) continue;
    const values = Object.keys(definition.values);
    if (definition.default === undefined) values.push(UNSET);
    result = result.flatMap((combo) => values.map((value) => ({ ...combo, [dimension]: value })));
    if (result.length > MAX_COMBINATIONS) return [];
  }
  return result;
}

function describe(combo: Record<string, string>): string | undefined {
  const parts = Object.entries(combo).map(([dimension, value]) => `${dimension}=${value}`);
  return parts.length ? parts.join(', ') : undefined;
}

/** For each category combination, the matching bands must cover [0, ∞) exactly once. */
function checkBands(policy: Policy, sink: ProblemSink): void {
  const rows = policy.approvals.rows;
  if (rows.length === 0) return;
  const reported = new Set<string>();
  for (const combo of combinations(policy)) {
    const matching = rows
      .map((row, index) => ({ row, index }))
      .filter(({ row }) => matchesCategories(row.when, combo))
      .sort((a, b) => a.row.min - b.row.min);
    const categories = describe(combo);
    let covered = 0;
    let previous: { row: ApprovalRow; index: number } | undefined;
    for (const entry of matching) {
      const { row, index } = entry;
      if (previous && row.min < covered) {
        const key = `overlap:${previous.index}:${index}`;
        if (!reported.has(key)) {
          reported.add(key);
          const to = Math.min(covered, row.max ?? Infinity);
          sink.add(['approvals', 'rows', index, 'min'], 'band_overlap', {
            other: previous.row.id,
            from: row.min,
            to: to === Infinity ? '∞' : to,
            categories,
          });
        }
      } else if (row.min > covered) {
        addGap(sink, reported, covered, row.min, categories);
      }
      if (row.max === undefined) covered = Infinity;
      else covered = Math.max(covered, row.max);
      previous = entry;
    }
    if (covered !== Infinity) addGap(sink, reported, covered, Infinity, categories);
  }
}

function addGap(
  sink: ProblemSink,
  reported: Set<string>,
  from: number,
  to: number,
  categories: string | undefined,
): void {
  const key = `gap:${from}:${to}:${categories}`;
  if (reported.has(key)) return;
  reported.add(key);
  sink.add(['approvals', 'rows'], 'band_gap', { from, to: to === Infinity ? '∞' : to, categories });
}
