/**
 * While a remedy amount is typed: which approver chain (核决权限) that amount will need, worked out
 * in the browser with the runtime's own resolveApprovers over the case's policy version.
 */
import { useTranslation } from 'react-i18next';
import type { Policy } from '../../api/types.ts';
import { labelText } from '../../i18n/index.ts';
import { resolveApprovers } from '@domain/approvals';

type Props = {
  policy: Policy;
  amount: unknown;
  categories: Record<string, string>;
  requiredApprovals: string[];
};

function previewOf(props: Props) {
  const amount = typeof props.amount === 'number' ? props.amount : Number.NaN;
  if (!Number.isFinite(amount) || amount < 0) return { amount, result: null };
  try {
    const { row, chain } = resolveApprovers(props.policy, amount, props.categories);
    const extra = props.requiredApprovals.filter((role) => !chain.includes(role));
    return { amount, result: { row, chain: [...chain, ...extra] } };
  } catch {
    return { amount, result: 'none' as const };
  }
}

export function ChainPreview(props: Props) {
  const { t, i18n } = useTranslation('staff');
  const lang = i18n.language;
  const { amount, result } = previewOf(props);
  return (
    <aside className="staff-preview" aria-live="polite" data-testid="chain-preview">
      <h4>{t('case.preview')}</h4>
      {result === null ? (
        <p className="muted">{t('case.previewEnter')}</p>
      ) : result === 'none' ? (
        <p className="field-error">{t('case.previewNoRow', { amount })}</p>
      ) : (
        <>
          <p>{t('case.previewHelp', { amount })}</p>
          <ol className="staff-chain">
            {result.chain.map((role) => (
              <li key={role} data-testid="preview-role">
                {labelText(props.policy.roles[role]?.label, lang) || role}
              </li>
            ))}
          </ol>
          {result.row.note && <p className="muted">{labelText(result.row.note, lang)}</p>}
        </>
      )}
    </aside>
  );
}
