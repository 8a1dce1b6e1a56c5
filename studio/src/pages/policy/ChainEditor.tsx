/** An approver chain (审批链) in order: move a role up or down, remove it, add one. */
import { useTranslation } from 'react-i18next';
import type { Policy } from '../../api/types.ts';

/** Edits one row's chain; the last role decides, `badIndex` marks the links the check refuses. */
export function ChainEditor({
  policy,
  chain,
  onChange,
  name,
  roleName,
  badIndex,
}: {
  policy: Policy;
  chain: string[];
  onChange: (chain: string[]) => void;
  name: string;
  roleName: (role: string) => string;
  badIndex: Set<number>;
}) {
  const { t } = useTranslation('policy');
  const move = (from: number, to: number) => {
    const next = [...chain];
    const [item] = next.splice(from, 1);
    if (item !== undefined) next.splice(to, 0, item);
    onChange(next);
  };
  return (
    <div className="chain-editor">
      <ol aria-label={t('approvals.chainOf', { name })}>
        {chain.map((role, i) => (
          <li key={`${role}-${i}`} className={badIndex.has(i) ? 'has-problem' : undefined}>
            <span className="chain-role">{roleName(role)}</span>
            {i === chain.length - 1 && <small className="muted"> {t('approvals.decides')}</small>}
            <span className="chain-buttons">
              <button
                type="button"
                disabled={i === 0}
                aria-label={t('approvals.moveUp', { role: roleName(role) })}
                onClick={() => move(i, i - 1)}
              >
                ↑
              </button>
              <button
                type="button"
                disabled={i === chain.length - 1}
                aria-label={t('approvals.moveDown', { role: roleName(role) })}
                onClick={() => move(i, i + 1)}
              >
                ↓
              </button>
              <button
                type="button"
                aria-label={t('approvals.removeRole', { role: roleName(role) })}
                onClick={() => onChange(chain.filter((_, j) => j !== i))}
              >
                ×
              </button>
            </span>
          </li>
        ))}
      </ol>
      <select
        aria-label={t('approvals.addApprover', { name })}
        value=""
        onChange={(e) => e.target.value && onChange([...chain, e.target.value])}
      >
        <option value="">{t('approvals.addApproverOption')}</option>
        {Object.keys(policy.roles)
          .filter((role) => !chain.includes(role))
          .map((role) => (
            <option key={role} value={role}>
              {roleName(role)}
            </option>
          ))}
      </select>
    </div>
  );
}
