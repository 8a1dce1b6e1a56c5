/** The approval chain (核决链): who has approved, who is pending — or, before a remedy, a preview. */
import { useTranslation } from 'react-i18next';
import type { CaseView, Policy } from '../../api/types.ts';
import { formatTime, labelText } from '../../i18n/index.ts';

export function ApprovalChain({ policy, view }: { policy: Policy; view: CaseView }) {
  const { t, i18n } = useTranslation('staff');
  const lang = i18n.language;
  const role = (id: string) => labelText(policy.roles[id]?.label, lang) || id;
  const remedy = view.case.remedy;
  const chain = view.approverChain;
  if (!remedy && !chain) return <p className="muted">{t('case.noChain')}</p>;
  const row = policy.approvals.rows.find((r) => r.id === chain?.row);
  const steps = remedy
    ? remedy.chain
    : (chain?.chain ?? []).map((step) => ({ role: step.role, status: 'pending' as const }));
  return (
    <div data-testid="approval-chain">
      <p>
        {remedy
          ? t('case.chainRemedyBasis', { amount: remedy.amount })
          : t('case.chainPreviewBasis', { amount: chain?.amount })}
        {row?.note && <span className="muted"> · {labelText(row.note, lang)}</span>}
      </p>
      <ol className="staff-chain">
        {steps.map((step, index) => (
          <li key={index} className={`staff-step ${step.status}`}>
            <strong>{role(step.role)}</strong>{' '}
            <span
              className={`badge ${step.status === 'approved' ? 'ok' : step.status === 'rejected' ? 'danger' : 'warn'}`}
            >
              {t(`case.step.${step.status}`)}
            </span>
            {'user' in step && step.user && (
              <span className="muted">
                {' '}
                {view.people?.[step.user] ?? step.user} ·{' '}
                {formatTime(step.at, lang, policy.timeZone)}
                {step.comment ? ` · ${step.comment}` : ''}
              </span>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
