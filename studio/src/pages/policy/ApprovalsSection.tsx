/**
 * 核决权限: the approval matrix as a table (category conditions, amount band, approver chain), the
 * roles' authority limits, the check's problems in place, and an "amount → chain" preview.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Policy, PolicyProblem } from '../../api/types.ts';
import { labelText } from '../../i18n/index.ts';
import { pathQuery, usePath } from '../../router.ts';
import { AmountChainPreview } from './AmountChainPreview.tsx';
import { approvalProblemText } from './approval-problem-text.ts';
import { ApprovalRow } from './ApprovalRow.tsx';
import type { SectionProps } from './editor.ts';
import { TableHead } from '../../components/TableHead.tsx';
import { ProblemsHere } from './ProblemsHere.tsx';
import { QuickFixes } from './QuickFixes.tsx';
import { removedPartWords, useKnownNames } from './removed-names.ts';
import { RoleLimits } from './RoleLimits.tsx';
import { newRowId, useTableEditor } from './useTableEditor.ts';

type Row = Policy['approvals']['rows'][number];

/** The highest upper bound in the matrix: where a new band starts. */
function topOf(rows: Row[]): number | undefined {
  return rows.reduce<number | undefined>(
    (top, r) => (r.max === undefined ? top : Math.max(top ?? 0, r.max)),
    undefined,
  );
}

/** The approvals section; a problem link (`?at=/approvals/rows/2`) scrolls to its row. */
export function ApprovalsSection({ company, policy, update, problems, problemsAt }: SectionProps) {
  const { t, i18n } = useTranslation('policy');
  const lang = i18n.language;
  const at = pathQuery(usePath()).get('at') ?? '';
  const rows = useTableEditor<Row>(update, (draft) => draft.approvals.rows);
  const roleName = (role: string) => labelText(policy.roles[role]?.label, lang) || role;
  const known = useKnownNames(policy);
  const text = (p: PolicyProblem) =>
    removedPartWords(p, policy, known, lang, t) ?? approvalProblemText(p, policy, lang, t);
  const focusedRow = /^\/approvals\/rows\/(\d+)/.exec(at)?.[1];
  const focusedRole = /^\/roles\/([^/]+)/.exec(at)?.[1];

  useEffect(() => {
    const target = document.querySelector('.policy-a-focus');
    if (target && 'scrollIntoView' in target) target.scrollIntoView({ block: 'center' });
  }, [at]);

  const gaps = problems.filter((p) => p.path === '/approvals/rows' || p.path === '/approvals');
  const lastMax = topOf(policy.approvals.rows);
  const addRow = () =>
    rows.add((current) => {
      const last = current[current.length - 1];
      return {
        id: newRowId(current, 'band'),
        min: lastMax ?? 0,
        chain: last ? [...last.chain] : [],
      };
    });

  return (
    <div className="policy-approvals">
      <h2>{t('approvals.title')}</h2>
      <p className="help">{t('approvals.intro', { currency: policy.approvals.currency })}</p>
      {gaps.length > 0 && (
        <div className="policy-a-alert" role="alert" data-testid="approval-gaps">
          <ProblemsHere problems={gaps} text={text} />
          <QuickFixes policy={policy} problems={gaps} update={update} />
        </div>
      )}
      <label className="policy-a-block">
        <input
          type="checkbox"
          data-testid="four-eyes"
          checked={policy.approvals.fourEyes !== false}
          onChange={(e) => {
            const on = e.target.checked;
            update((d) => {
              if (on) delete d.approvals.fourEyes;
              else d.approvals.fourEyes = false;
            });
          }}
        />{' '}
        {t('approvals.fourEyes')}
      </label>
      <table className="policy-table" data-testid="approval-matrix">
        <caption>{t('approvals.matrix')}</caption>
        <TableHead
          columns={[
            '#',
            t('approvals.when'),
            t('approvals.min'),
            t('approvals.max'),
            t('approvals.chain'),
            t('approvals.note'),
            t('approvals.actions'),
          ]}
        />
        <tbody>
          {policy.approvals.rows.map((row, index) => (
            <ApprovalRow
              key={`${row.id}-${index}`}
              row={row}
              index={index}
              rows={rows}
              focused={focusedRow === String(index)}
              policy={policy}
              update={update}
              problemsAt={problemsAt}
              roleName={roleName}
              text={text}
            />
          ))}
        </tbody>
      </table>
      <div className="toolbar">
        <button type="button" onClick={addRow}>
          {t('approvals.addRow')}
        </button>
      </div>

      <RoleLimits
        company={company}
        policy={policy}
        update={update}
        problemsAt={problemsAt}
        focusedRole={focusedRole}
      />
      <AmountChainPreview policy={policy} roleName={roleName} />
    </div>
  );
}
