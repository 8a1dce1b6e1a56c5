/** The editable cells of one band of the approval matrix (核决权限). */
import { useTranslation } from 'react-i18next';
import type { Policy } from '../../api/types.ts';
import type { ApprovalRowProps } from './ApprovalRow.tsx';
import { restateBandNote } from './band-note.ts';
import { CategoryMatchEditor } from './CategoryMatchEditor.tsx';
import { ChainEditor } from './ChainEditor.tsx';
import { LabelPair } from './LabelPair.tsx';
import { YuanInput } from './YuanInput.tsx';

type Row = Policy['approvals']['rows'][number];

/** The editable cells of a band: conditions, lower and upper bound, chain, note (kept in step with the bounds). */
export function ApprovalRowCells({
  row,
  index,
  rows,
  policy,
  problemsAt,
  roleName,
}: Omit<ApprovalRowProps, 'focused'>) {
  const { t } = useTranslation('policy');
  const name = t('approvals.rowName', { n: index + 1 });
  const edit = (change: (r: Row) => void) => rows.edit(index, change);
  // The note's band phrase ("1,000元至10,000元以下") follows the amounts.
  const editBand = (change: (r: Row) => void) =>
    edit((r) => {
      change(r);
      const note = restateBandNote(r.note, r);
      if (note) r.note = note;
    });
  const badLinks = new Set(
    problemsAt(`/approvals/rows/${index}/chain`).map((p) => Number(p.path.split('/')[5])),
  );
  return (
    <>
      <td>
        <CategoryMatchEditor
          policy={policy}
          value={row.when}
          name={name}
          onChange={(when) =>
            edit((r) => {
              if (when) r.when = when;
              else delete r.when;
            })
          }
        />
      </td>
      <td>
        <YuanInput
          label={t('approvals.minOf', { n: index + 1 })}
          testId={`approval-row-${index}-min`}
          value={row.min}
          invalid={problemsAt(`/approvals/rows/${index}/min`).length > 0}
          onChange={(amount) => editBand((r) => void (r.min = amount ?? 0))}
        />
      </td>
      <td>
        <YuanInput
          label={t('approvals.maxOf', { n: index + 1 })}
          testId={`approval-row-${index}-max`}
          value={row.max}
          allowEmpty
          emptyText={t('approvals.noMax')}
          invalid={problemsAt(`/approvals/rows/${index}/max`).length > 0}
          onChange={(amount) =>
            editBand((r) => {
              if (amount === undefined) delete r.max;
              else r.max = amount;
            })
          }
        />
      </td>
      <td>
        <ChainEditor
          policy={policy}
          chain={row.chain}
          name={name}
          onChange={(chain) => edit((r) => void (r.chain = chain))}
          roleName={roleName}
          badIndex={badLinks}
        />
      </td>
      <td>
        <LabelPair
          value={row.note}
          name={name}
          onChange={(note) =>
            edit((r) => {
              if (note) r.note = note;
              else delete r.note;
            })
          }
        />
      </td>
    </>
  );
}
