/**
 * Overlaps and gaps of a decision table, as the approval matrix flags its own: each field the
 * table reads is split into the classes its cells tell apart (the options of a choice, the
 * intervals between the numbers the cells name, yes/no, the texts named and "anything else"), and
 * every combination of classes is tried against every row with json-rules-engine's own operators.
 * A combination no row takes is a gap; one two rows take is an overlap (under "first" the later
 * row is then shadowed there, and a row shadowed everywhere never fires).
 */
import { engineOperator } from '@domain/rules/engine-operators.ts';
import type { DecisionTable } from './decision-table.ts';
import type { FactField } from './rule-facts.ts';

/** One combination of values, by field name. */
export type TablePoint = Record<string, unknown>;

export type TableProblems = {
  /** Combinations no row takes (the first few). */
  gaps: TablePoint[];
  /** Pairs of rows (0-based) that both take a combination, with the first such combination. */
  overlaps: { rows: [number, number]; point: TablePoint }[];
  /** Under "first": rows that no combination reaches. */
  unreachable: number[];
  /**
   * Rows whose action changes a fact the table's columns read (a category, an intake field, the
   * flags): rows below them see the changed value, so the table no longer reads as one decision.
   */
  selfChanging: number[];
  /** True when the combinations were too many to try them all (the findings are then partial). */
  partial: boolean;
};

const OTHER = '\u0000other';
const LIMIT = 20000;
const SHOWN = 5;

function numberPoints(values: number[]): number[] {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  if (!sorted.length) return [0];
  const points = [(sorted[0] as number) - 1];
  sorted.forEach((value, i) => {
    points.push(value);
    const next = sorted[i + 1];
    points.push(next === undefined ? value + 1 : (value + next) / 2);
  });
  return points;
}

/** The values that stand for every class a field's cells tell apart. */
function fieldPoints(field: string, table: DecisionTable, fact: FactField | undefined): unknown[] {
  const named = table.rows.flatMap((row) =>
    row.cells.flatMap((cell, i) => {
      if (!cell || table.columns[i] !== field) return [];
      return Array.isArray(cell.value) ? cell.value : [cell.value];
    }),
  );
  const kind = fact?.kind ?? 'text';
  if (kind === 'number')
    return numberPoints(named.filter((v): v is number => typeof v === 'number'));
  if (kind === 'boolean') return [true, false];
  if (kind === 'list') return [[], ...new Set(named)].map((v) => (Array.isArray(v) ? v : [v]));
  if (kind === 'enum' && fact?.options.length) return fact.options.map((o) => o.value);
  return [...new Set([...named, OTHER])];
}

function rowTakes(table: DecisionTable, row: number, point: TablePoint): boolean {
  return (table.rows[row]?.cells ?? []).every((cell, i) => {
    if (!cell) return true;
    const compare = engineOperator(cell.operator);
    try {
      return compare ? compare(point[table.columns[i] as string], cell.value) : false;
    } catch {
      return false;
    }
  });
}

/** The column a row's action changes, as a field name, if the table reads it. */
function changesColumn(table: DecisionTable, row: number): boolean {
  const event = table.rows[row]?.event;
  const params = event?.params ?? {};
  const changed =
    event?.type === 'setCategory'
      ? `categories.${String(params.dimension)}`
      : event?.type === 'setField'
        ? `intake.${String(params.field)}`
        : event?.type === 'flag'
          ? 'flags'
          : undefined;
  return changed !== undefined && table.columns.includes(changed);
}

/** The table's gaps, overlaps, unreachable rows and rows that change what it reads. */
export function tableProblems(table: DecisionTable, catalogue: FactField[]): TableProblems {
  const byName = new Map(catalogue.map((f) => [f.name, f]));
  const fields = [...new Set(table.columns)];
  const axes = fields.map((field) => fieldPoints(field, table, byName.get(field)));
  const total = axes.reduce((product, axis) => product * axis.length, 1);
  const problems: TableProblems = {
    gaps: [],
    overlaps: [],
    unreachable: [],
    selfChanging: table.rows.map((_, r) => r).filter((r) => changesColumn(table, r)),
    partial: total > LIMIT,
  };
  const reached = new Set<number>();
  const overlapping = new Set<string>();
  const count = Math.min(total, LIMIT);
  for (let index = 0; index < count; index += 1) {
    const point: TablePoint = {};
    let rest = index;
    fields.forEach((field, f) => {
      const axis = axes[f] as unknown[];
      point[field] = axis[rest % axis.length];
      rest = Math.floor(rest / axis.length);
    });
    const taking = table.rows.map((_, r) => r).filter((r) => rowTakes(table, r, point));
    if (taking.length === 0 && problems.gaps.length < SHOWN) problems.gaps.push(point);
    if (taking[0] !== undefined) reached.add(taking[0]);
    if (table.hitPolicy === 'collect') taking.forEach((r) => reached.add(r));
    for (let a = 0; a < taking.length; a += 1)
      for (let b = a + 1; b < taking.length; b += 1) {
        const key = `${taking[a]}:${taking[b]}`;
        if (overlapping.has(key)) continue;
        overlapping.add(key);
        problems.overlaps.push({ rows: [taking[a] as number, taking[b] as number], point });
      }
  }
  problems.overlaps.sort((x, y) => x.rows[0] - y.rows[0] || x.rows[1] - y.rows[1]);
  if (table.hitPolicy === 'first' && !problems.partial)
    problems.unreachable = table.rows.map((_, r) => r).filter((r) => !reached.has(r));
  return problems;
}

/** Whether a point's value stands for "anything not named" (shown as such, not as a value). */
export const isOtherValue = (value: unknown) => value === OTHER;
