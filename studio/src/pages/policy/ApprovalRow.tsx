/** One band of the approval matrix (核决权限): conditions, bounds, chain, note, its problems. */
import { useTranslation } from 'react-i18next';
import type { Policy, PolicyProblem } from '../../api/types.ts';
import { ApprovalRowCells } from './ApprovalRowCells.tsx';
import type { SectionProps } from './editor.ts';
import { ProblemsHere } from './ProblemsHere.tsx';
import { QuickFixes } from './QuickFixes.tsx';
import type { TableEditor } from './useTableEditor.ts';
import { RemoveButton } from './RemoveButton.tsx';

type Row = Policy['approvals']['rows'][number];

/** A band of the matrix with what it needs to edit itself and name its problems. */
export type ApprovalRowProps = Pick<SectionProps, 'policy' | 'update' | 'problemsAt'> & {
  row: Row;
  index: number;
  rows: TableEditor<Row>;
  focused: boolean;
  roleName: (role: string) => string;
  text: (problem: PolicyProblem) => string;
};

/** The row's cells, then (when the check finds any) a second row with its problems and repairs. */
export function ApprovalRow({ row, index, rows, focused, ...props }: ApprovalRowProps) {
  const { t } = useTranslation('policy');
  const { policy, update, problemsAt, text } = props;
  const here = problemsAt(`/approvals/rows/${index}`);
  const n = index + 1;
  const classes = [here.length ? 'has-problem' : '', focused ? 'policy-a-focus' : ''].join(' ');
  return (
    <>
      <tr
        className={classes.trim() || undefined}
        data-testid={`approval-row-${index}`}
        aria-invalid={here.length > 0}
      >
        <td>{n}</td>
        <ApprovalRowCells row={row} index={index} rows={rows} {...props} />
        <td>
          <RemoveButton
            label={t('approvals.removeRow', { n })}
            onClick={() => rows.remove(index)}
          />
        </td>
      </tr>
      {here.length > 0 && (
        <tr className="has-problem problem-row">
          <td />
          <td colSpan={6}>
            <ProblemsHere problems={here} text={text} testId={`approval-row-${index}-problems`} />
            <QuickFixes policy={policy} problems={here} update={update} />
          </td>
        </tr>
      )}
    </>
  );
}
