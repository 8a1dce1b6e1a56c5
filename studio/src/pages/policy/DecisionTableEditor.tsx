/**
 * A rule set marked as a decision table, edited as one: rows × condition columns → an action, a
 * hit policy, and the table's overlaps, gaps and unreachable rows listed under it. Every edit is
 * written back as the rule set's rules (decision-table.ts).
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Policy } from '../../api/types.ts';
import { ActionEditor } from './ActionEditor.tsx';
import {
  tableToRules,
  type DecisionTable,
  type HitPolicy,
  type TableRow,
} from './decision-table.ts';
import { defaultEvent, newRuleName, type ActionType } from './rule-actions.ts';
import type { FactField } from './rule-facts.ts';
import { TableCellInput } from './TableCellInput.tsx';
import { TableProblemList } from './TableProblemList.tsx';

type Rules = Policy['ruleSets'][number]['rules'];

type Props = {
  id: string;
  table: DecisionTable;
  policy: Policy;
  catalogue: FactField[];
  onChange: (table: DecisionTable, rules: Rules) => void;
};

const sameRules = (a: DecisionTable, b: DecisionTable) =>
  JSON.stringify(tableToRules(a)) === JSON.stringify(tableToRules(b));

export function DecisionTableEditor({ id, table: stored, policy, catalogue, onChange }: Props) {
  const { t } = useTranslation('policy');
  // The table is kept here too: a column with no cell yet writes nothing to the rules.
  const [table, setTable] = useState(stored);
  useEffect(() => {
    setTable((current) => (sameRules(current, stored) ? current : stored));
  }, [stored]);
  const byName = useMemo(() => new Map(catalogue.map((f) => [f.name, f])), [catalogue]);

  const change = (next: DecisionTable) => {
    setTable(next);
    onChange(next, tableToRules(next) as unknown as Rules);
  };
  const setRow = (k: number, row: TableRow) =>
    change({ ...table, rows: table.rows.map((r, i) => (i === k ? row : r)) });
  const addColumn = () =>
    change({
      ...table,
      columns: [...table.columns, catalogue[0]?.name ?? 'state'],
      rows: table.rows.map((row) => ({ ...row, cells: [...row.cells, null] })),
    });
  const removeColumn = (c: number) =>
    change({
      ...table,
      columns: table.columns.filter((_, i) => i !== c),
      rows: table.rows.map((row) => ({ ...row, cells: row.cells.filter((_, i) => i !== c) })),
    });
  const setColumn = (c: number, field: string) =>
    change({
      ...table,
      columns: table.columns.map((f, i) => (i === c ? field : f)),
      rows: table.rows.map((row) => ({
        ...row,
        cells: row.cells.map((cell, i) => (i === c ? null : cell)),
      })),
    });
  const addRow = () => {
    const last = table.rows.at(-1)?.event.type as ActionType | undefined;
    const row: TableRow = {
      name: newRuleName(table.rows.map((r) => r.name)),
      cells: table.columns.map(() => null),
      event: defaultEvent(last ?? 'setCategory', policy),
    };
    change({ ...table, rows: [...table.rows, row] });
  };

  const columnTitle = (c: number) =>
    `${t('rules.table.column', { n: c + 1 })} ${byName.get(table.columns[c] as string)?.label ?? ''}`.trim();

  return (
    <div className="decision-table">
      <p className="help">{t('rules.table.help')}</p>
      <label>
        {t('rules.table.hitPolicy')}{' '}
        <select
          value={table.hitPolicy}
          onChange={(e) => change({ ...table, hitPolicy: e.target.value as HitPolicy })}
        >
          <option value="first">{t('rules.table.first')}</option>
          <option value="collect">{t('rules.table.collect')}</option>
        </select>
      </label>
      <div className="table-scroll">
        <table aria-label={t('rules.table.caption', { id })}>
          <thead>
            <tr>
              <th scope="col">{t('rules.table.row')}</th>
              {table.columns.map((field, c) => (
                <th scope="col" key={c}>
                  <select
                    aria-label={t('rules.table.column', { n: c + 1 })}
                    value={field}
                    onChange={(e) => setColumn(c, e.target.value)}
                  >
                    {!byName.has(field) && <option value={field}>{field}</option>}
                    {catalogue.map((fact) => (
                      <option key={fact.name} value={fact.name}>
                        {fact.group} · {fact.label}
                      </option>
                    ))}
                  </select>{' '}
                  <button
                    type="button"
                    title={t('rules.table.removeColumn', { n: c + 1 })}
                    aria-label={t('rules.table.removeColumn', { n: c + 1 })}
                    onClick={() => removeColumn(c)}
                  >
                    ×
                  </button>
                </th>
              ))}
              <th scope="col">{t('rules.table.action')}</th>
              <th scope="col">
                <button type="button" onClick={addColumn}>
                  {t('rules.table.addColumn')}
                </button>
              </th>
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, k) => (
              <tr key={k}>
                <th scope="row">
                  {k + 1}{' '}
                  <input
                    type="text"
                    aria-label={t('rules.table.rowName', { n: k + 1 })}
                    value={row.name}
                    onChange={(e) => setRow(k, { ...row, name: e.target.value })}
                  />
                </th>
                {row.cells.map((cell, c) => (
                  <TableCellInput
                    key={c}
                    cell={cell}
                    fact={byName.get(table.columns[c] as string)}
                    title={t('rules.table.cell', { row: k + 1, column: columnTitle(c) })}
                    onChange={(next) =>
                      setRow(k, { ...row, cells: row.cells.map((x, i) => (i === c ? next : x)) })
                    }
                  />
                ))}
                <td>
                  <ActionEditor
                    name={t('rules.table.rowLabel', { n: k + 1 })}
                    event={row.event as Parameters<typeof ActionEditor>[0]['event']}
                    policy={policy}
                    catalogue={catalogue}
                    onChange={(event) => setRow(k, { ...row, event })}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    className="danger"
                    onClick={() => change({ ...table, rows: table.rows.filter((_, i) => i !== k) })}
                  >
                    {t('rules.table.removeRow', { n: k + 1 })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button type="button" onClick={addRow}>
        {t('rules.table.addRow')}
      </button>
      <TableProblemList table={table} catalogue={catalogue} />
    </div>
  );
}
