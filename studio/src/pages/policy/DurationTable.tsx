/** A duration table: category conditions → duration, with a default for the rest. */
import { useTranslation } from 'react-i18next';
import type { Policy } from '../../api/types.ts';
import { labelText } from '../../i18n/index.ts';
import { removeDurationTable } from './clock-edits.ts';
import { DurationInput } from './DurationInput.tsx';
import type { Duration } from './duration.ts';
import { DurationTableRow } from './DurationTableRow.tsx';
import type { SectionProps } from './editor.ts';
import { TableHead } from '../../components/TableHead.tsx';
import { RemoveButton } from './RemoveButton.tsx';
import { newRowId, useTableEditor } from './useTableEditor.ts';

type Table = NonNullable<Policy['durationTables']>[string];

type Props = Pick<SectionProps, 'policy' | 'update' | 'problemsAt'> & {
  tableId: string;
  table: Table;
};

/** The table's rows, its "otherwise" row (the default, or a button to add one) and "add a row". */
export function DurationTable({ tableId, table, policy, update, problemsAt }: Props) {
  const { t, i18n } = useTranslation('policy');
  const name = labelText(table.label, i18n.language) || tableId;
  const rows = useTableEditor(update, (d) => d.durationTables?.[tableId]?.rows);
  const setDefault = (duration: Duration) =>
    update((d) => {
      const tb = d.durationTables?.[tableId];
      if (tb) tb.default = duration;
    });
  return (
    <section className="policy-a-block" data-testid={`duration-table-${tableId}`}>
      <h3>
        {name}{' '}
        <RemoveButton
          label={t('deadlines.removeTable', { name })}
          onClick={() => update((d) => removeDurationTable(d, tableId))}
        />
      </h3>
      <table className="policy-table">
        <TableHead
          columns={[t('approvals.when'), t('deadlines.duration'), t('approvals.actions')]}
        />
        <tbody>
          {table.rows.map((row, i) => (
            <DurationTableRow
              key={`${row.id}-${i}`}
              tableId={tableId}
              tableName={name}
              row={row}
              index={i}
              rows={rows}
              policy={policy}
              problemsAt={problemsAt}
            />
          ))}
          <tr>
            <td className="muted">{t('deadlines.otherwise')}</td>
            <td>
              {table.default ? (
                <DurationInput
                  value={table.default as Duration}
                  name={t('deadlines.defaultOf', { name })}
                  onChange={setDefault}
                />
              ) : (
                <button
                  type="button"
                  onClick={() => setDefault({ amount: 1, unit: 'workingDays' })}
                >
                  {t('deadlines.addDefault')}
                </button>
              )}
            </td>
            <td />
          </tr>
        </tbody>
      </table>
      <button
        type="button"
        onClick={() =>
          rows.add((current) => ({
            id: newRowId(current, 'row'),
            when: {},
            duration: { amount: 1, unit: 'workingDays' },
          }))
        }
      >
        {t('deadlines.addRow')}
      </button>
    </section>
  );
}
