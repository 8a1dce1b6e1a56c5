/** Category values (分类): where one is used, and the id a new one gets. */
import type { Policy } from '../../api/types.ts';

type Dimension = Policy['categories'][string];

/** Where a value id is still used: approval rows and duration table rows. */
export function usesOf(policy: Policy, dimension: string, value: string): string[] {
  const uses: string[] = [];
  policy.approvals.rows.forEach((row, i) => {
    if (row.when?.[dimension]?.includes(value)) uses.push(`approvals:${i + 1}`);
  });
  for (const [id, table] of Object.entries(policy.durationTables ?? {})) {
    table.rows.forEach((row, i) => {
      if (row.when[dimension]?.includes(value)) uses.push(`${id}:${i + 1}`);
    });
  }
  return uses;
}

/** A value id from its English or Chinese name: "valueN" unless English gives a readable one. */
export function newValueId(dimension: Dimension, en: string): string {
  const base =
    en
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ''))
      .replace(/^[0-9]+/, '') || 'value';
  let id = base;
  let n = 2;
  while (dimension.values[id]) id = `${base}${n++}`;
  return id;
}
