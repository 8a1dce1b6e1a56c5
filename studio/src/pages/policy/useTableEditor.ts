/** Adding, removing and editing the rows of one table in the policy draft. */
import type { Policy } from '../../api/types.ts';
import type { SectionProps } from './editor.ts';

/** What a section does to one table's rows; every change goes through the editor's `update`. */
export type TableEditor<Row> = {
  /** Changes row `index` in the draft (nothing when the row is gone). */
  edit: (index: number, change: (row: Row) => void) => void;
  /** Removes row `index`. */
  remove: (index: number) => void;
  /** Appends the row `make` builds from the draft's current rows. */
  add: (make: (rows: Row[]) => Row) => void;
};

/** The row operations of the table `select` finds in a draft (undefined when it has none). */
export function useTableEditor<Row>(
  update: SectionProps['update'],
  select: (draft: Policy) => Row[] | undefined,
): TableEditor<Row> {
  return {
    edit: (index, change) =>
      update((draft) => {
        const row = select(draft)?.[index];
        if (row) change(row);
      }),
    remove: (index) => update((draft) => void select(draft)?.splice(index, 1)),
    add: (make) =>
      update((draft) => {
        const rows = select(draft);
        if (rows) rows.push(make(rows));
      }),
  };
}

/** The first `${prefix}${n}` id, counting from the row count plus one, that no row has yet. */
export function newRowId(rows: { id: string }[], prefix: string): string {
  let n = rows.length + 1;
  while (rows.some((r) => r.id === `${prefix}${n}`)) n += 1;
  return `${prefix}${n}`;
}
