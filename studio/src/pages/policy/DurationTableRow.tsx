/** One row of a duration table: the categories it applies to and the duration they get. */
import { useTranslation } from 'react-i18next';
import type { Policy } from '../../api/types.ts';
import { CategoryMatchEditor } from './CategoryMatchEditor.tsx';
import { DurationInput } from './DurationInput.tsx';
import type { Duration } from './duration.ts';
import type { SectionProps } from './editor.ts';
import { ProblemsHere } from './ProblemsHere.tsx';
import type { TableEditor } from './useTableEditor.ts';
import { RemoveButton } from './RemoveButton.tsx';

type Row = NonNullable<Policy['durationTables']>[string]['rows'][number];

type Props = Pick<SectionProps, 'policy' | 'problemsAt'> & {
  tableId: string;
  tableName: string;
  row: Row;
  index: number;
  rows: TableEditor<Row>;
};

/** The row's conditions (with the check's problems), its duration and its remove button. */
export function DurationTableRow({ tableId, tableName, row, index, rows, ...props }: Props) {
  const { t } = useTranslation('policy');
  const here = props.problemsAt(`/durationTables/${tableId}/rows/${index}`);
  const rowName = t('deadlines.tableRow', { name: tableName, n: index + 1 });
  return (
    <tr className={here.length ? 'has-problem' : undefined}>
      <td>
        <CategoryMatchEditor
          policy={props.policy}
          value={row.when}
          name={rowName}
          onChange={(when) => rows.edit(index, (r) => void (r.when = when ?? {}))}
        />
        <ProblemsHere problems={here} />
      </td>
      <td>
        <DurationInput
          value={row.duration as Duration}
          name={rowName}
          onChange={(duration) => rows.edit(index, (r) => void (r.duration = duration))}
        />
      </td>
      <td>
        <RemoveButton
          label={t('deadlines.removeRow', { name: rowName })}
          onClick={() => rows.remove(index)}
        />
      </td>
    </tr>
  );
}
