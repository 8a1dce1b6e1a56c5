/**
 * Decision tables (决策表) for classification and routing: rows × condition columns → an action,
 * kept in the policy as an ordinary rule set marked `"table": { "hitPolicy": … }`, one rule a row.
 *
 * Row k of n becomes the rule `{ name, priority: n - k + 1, conditions: { all: [cells…] }, event }`
 * (a cell is a leaf `{ fact, path, operator, value }`; an empty cell is left out, so it matches
 * anything). Priorities put the decisions in row order. "collect" fires every row that matches.
 * "first" fires only the first: row k's conditions end with
 * `{ not: { any: [ { all: cells of row 1 }, …, { all: cells of row k-1 } ] } }`, json-rules-engine
 * as the format has it, with no engine feature added.
 *
 * A rule set is read back as a table only when the table writes exactly its rules again; anything
 * else (hand-edited JSON) is shown as rules, with the reason.
 */
import { factOfField } from './rule-facts.ts';
import { conditionsToTree, type BuilderGroup, type BuilderRule } from './rule-tree.ts';
import { isEditableEvent } from './rule-actions.ts';

export type HitPolicy = 'first' | 'collect';

/** A condition cell: an operator and a value; null when the row takes any value. */
export type TableCell = { operator: string; value: unknown } | null;

export type TableRow = {
  name: string;
  cells: TableCell[];
  event: { type: string; params?: Record<string, unknown> };
  description?: { 'zh-CN': string; en?: string };
};

/** A decision table: columns are builder field names (a field may have two columns, for a range). */
export type DecisionTable = { hitPolicy: HitPolicy; columns: string[]; rows: TableRow[] };

type Json = Record<string, unknown>;
type Rule = {
  name: string;
  priority?: number;
  conditions: Json;
  event: TableRow['event'];
  description?: TableRow['description'];
};

const leaf = (field: string, cell: { operator: string; value: unknown }): Json => {
  const { fact, path } = factOfField(field);
  return path === undefined
    ? { fact, operator: cell.operator, value: cell.value }
    : { fact, path, operator: cell.operator, value: cell.value };
};

const rowCells = (table: DecisionTable, row: TableRow): Json[] =>
  row.cells.flatMap((cell, i) => (cell ? [leaf(table.columns[i] as string, cell)] : []));

/** The table's rules, one a row, as the rule set's `rules`. */
export function tableToRules(table: DecisionTable): Rule[] {
  const n = table.rows.length;
  return table.rows.map((row, k) => {
    const all = rowCells(table, row);
    if (table.hitPolicy === 'first' && k > 0) {
      const earlier = table.rows.slice(0, k).map((r) => ({ all: rowCells(table, r) }));
      all.push({ not: { any: earlier } });
    }
    const rule: Rule = { name: row.name, priority: n - k, conditions: { all }, event: row.event };
    if (row.description) rule.description = row.description;
    return rule;
  });
}

/** JSON with keys sorted: equal for equal meaning whatever the key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/** Why a table rule set cannot be shown as a table. */
export type TableRefusal = 'tableShape' | 'event';

const isLeaf = (node: BuilderRule | BuilderGroup): node is BuilderRule => !('rules' in node);

/**
 * A rule set marked as a table, read as one; or why not. Columns follow the fields in the order
 * the rows first use them (a field used twice in a row gets a second column).
 */
export function rulesToTable(
  hitPolicy: HitPolicy,
  rules: readonly Rule[],
): { table: DecisionTable } | { refused: TableRefusal } {
  const columns: string[] = [];
  const rowLeaves: BuilderRule[][] = [];
  for (const [k, rule] of rules.entries()) {
    if (!isEditableEvent(rule.event)) return { refused: 'event' };
    const conditions = rule.conditions;
    const all = Array.isArray(conditions.all) ? (conditions.all as unknown[]) : undefined;
    if (!all) return { refused: 'tableShape' };
    const cells = hitPolicy === 'first' && k > 0 ? all.slice(0, -1) : all;
    const converted = conditionsToTree({ all: cells });
    if ('refused' in converted || !converted.tree.rules.every(isLeaf))
      return { refused: 'tableShape' };
    const leaves = converted.tree.rules as BuilderRule[];
    const seen = new Map<string, number>();
    for (const node of leaves) {
      const nth = (seen.get(node.field) ?? 0) + 1;
      seen.set(node.field, nth);
      if (columns.filter((c) => c === node.field).length < nth) columns.push(node.field);
    }
    rowLeaves.push(leaves);
  }
  const rows: TableRow[] = rules.map((rule, k) => {
    const cells: TableCell[] = columns.map(() => null);
    const used = new Set<number>();
    for (const node of rowLeaves[k] as BuilderRule[]) {
      const at = columns.findIndex((c, i) => c === node.field && !used.has(i));
      used.add(at);
      cells[at] = { operator: node.operator, value: node.value };
    }
    const row: TableRow = { name: rule.name, cells, event: rule.event };
    if (rule.description) row.description = rule.description;
    return row;
  });
  const table: DecisionTable = { hitPolicy, columns, rows };
  // Only a table that writes the very same rules is one (priorities, guards, cell order).
  if (canonical(tableToRules(table)) !== canonical(rules)) return { refused: 'tableShape' };
  return { table };
}
